import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination/cursor.js';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class MentorSearchQuery extends PageQuery {
  /** Taxonomy slug; mentors of its more specific skills match too (sql finds postgresql mentors). Unknown: 400. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  skill?: string;

  /** 0..5, default 1; applies to the matched skill, so it needs `skill`. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5)
  minLevel?: number;

  /** ISO 639-1 code the mentor speaks. */
  @IsOptional()
  @IsString()
  @MaxLength(8)
  language?: string;

  /** true: only mentors accepting mentees with an open slot. */
  @ApiProperty({ required: false, type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'acceptingOnly must be true or false' })
  acceptingOnly?: boolean;
}

export class MentorSkill {
  skill: string;
  level: number;
}

export class MentorItem {
  id: string;
  displayName: string;
  headline: string;
  timezone: string;
  languages: string[];
  /** Every skill of the mentor, highest level first. */
  skills: MentorSkill[];
  acceptingMentees: boolean;
  openSlots: number;
  /** With `skill`: the mentor's best level among the searched skill and its descendants (the sort key); else null. */
  @ApiProperty({ type: Number, nullable: true })
  matchedLevel: number | null;
}

export class MentorPage {
  /** With `skill`: best matched level first, then by id; without: by id. */
  items: MentorItem[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
