import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class SkillsQuery {
  /**
   * Free text matched against names, slugs and aliases, case-insensitively and forgiving small typos; best match
   * first.
   */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  /** One of the taxonomy's categories (e.g. databases); an unknown category is 400. */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  category?: string;

  /** Caps the number of skills returned (1..100); without it the whole matching taxonomy is returned. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class SkillItem {
  /** Stable identifier, lowercase kebab-case (e.g. postgresql). */
  slug: string;
  name: string;
  category: string;
  /** Broader skills this one gives partial credit for. */
  parents: string[];
  aliases: string[];
}

export class SkillList {
  items: SkillItem[];
  /** Always null: the taxonomy is small and returned whole. */
  nextCursor: string | null;
}
