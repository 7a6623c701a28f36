import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class SkillLevelDto {
  /** A taxonomy slug (GET /v1/skills); unknown slugs are 400. */
  @IsString()
  @MaxLength(64)
  skill: string;

  /** 0 none, 1 aware, 2 beginner, 3 practitioner, 4 advanced, 5 expert */
  @IsInt()
  @Min(0)
  @Max(5)
  level: number;

  /** Years of experience, 0..80 (one decimal kept). */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(80)
  years?: number | null;
}

export class ReplaceSkillsDto {
  /** The whole inventory: it replaces the previous one. Each skill at most once. */
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SkillLevelDto)
  skills: SkillLevelDto[];
}

export class ProfileSkill {
  skill: string;
  name: string;
  level: number;
  years: number | null;
}

export class ProfileSkills {
  /** Highest level first. */
  skills: ProfileSkill[];
}
