import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination/cursor.js';
import { IsCalendarDate } from '../../common/validation/dates.js';
import { IfPresent } from './present.js';

export const GOAL_STATUSES = ['active', 'achieved', 'abandoned'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export class CreateGoalDto {
  /** A taxonomy slug. */
  @IsString()
  @MaxLength(64)
  skill: string;

  /** 1..5 */
  @IsInt()
  @Min(1)
  @Max(5)
  targetLevel: number;

  /** ISO date YYYY-MM-DD */
  @IsOptional()
  @IsCalendarDate()
  targetDate?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class UpdateGoalDto {
  @IfPresent()
  @IsInt()
  @Min(1)
  @Max(5)
  targetLevel?: number;

  /** YYYY-MM-DD, or null to clear */
  @IsOptional()
  @IsCalendarDate()
  targetDate?: string | null;

  /** null clears */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @ApiProperty({ enum: GOAL_STATUSES, required: false })
  @IfPresent()
  @IsIn(GOAL_STATUSES)
  status?: GoalStatus;
}

export class GoalsQuery extends PageQuery {
  @ApiProperty({ enum: GOAL_STATUSES, required: false })
  @IsOptional()
  @IsIn(GOAL_STATUSES)
  status?: GoalStatus;
}

export class Goal {
  id: string;
  skill: string;
  targetLevel: number;
  /** YYYY-MM-DD or null */
  @ApiProperty({ type: String, nullable: true, example: '2026-06-30' })
  targetDate: string | null;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  @ApiProperty({ enum: GOAL_STATUSES })
  status: GoalStatus;
  createdAt: string;
  updatedAt: string;
}

export class GoalList {
  /** Oldest first. */
  items: Goal[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
