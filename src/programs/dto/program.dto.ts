import { Transform } from 'class-transformer';
import { PageQuery } from '../../common/pagination/cursor.js';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export const PROGRAM_MODES = ['stable', 'optimal'] as const;
export type ProgramMode = (typeof PROGRAM_MODES)[number];
export const PROGRAM_STATUSES = ['open', 'published'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
export const PROGRAM_SIDES = ['learner', 'mentor'] as const;
export type ProgramSide = (typeof PROGRAM_SIDES)[number];

/** A stated preference list names at most this many members. */
export const MAX_PREFERENCES = 1000;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lowerIds = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v)) : value;

export class CreateProgramDto {
  /** 1–200 characters */
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  /** Up to 5000 characters. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  description?: string;

  /** stable: learner-proposing deferred acceptance; optimal: largest total score. */
  @IsIn(PROGRAM_MODES)
  mode: ProgramMode;
}

export class JoinProgramDto {
  /** The side to join; the caller must hold that role. */
  @IsIn(PROGRAM_SIDES)
  as: ProgramSide;

  /** Mentors only (required for them): seats offered in this program, 1–20. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  capacity?: number;

  /** Members of the other side, best first. */
  @IsOptional()
  @Transform(lowerIds)
  @IsArray()
  @ArrayMaxSize(MAX_PREFERENCES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  preferences?: string[];
}

/** Changes the caller's own membership; the side is fixed at join. */
export class UpdateMembershipDto {
  /** Mentors only: seats offered in this program, 1–20. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  capacity?: number;

  /** Replaces the stated list: members of the other side, best first. */
  @IsOptional()
  @Transform(lowerIds)
  @IsArray()
  @ArrayMaxSize(MAX_PREFERENCES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  preferences?: string[];
}

export class ProgramView {
  id: string;
  organizerId: string;
  name: string;
  description: string | null;
  mode: ProgramMode;
  status: ProgramStatus;
  createdAt: string;
  publishedAt: string | null;
}

export class MembershipView {
  programId: string;
  profileId: string;
  as: ProgramSide;
  /** Seats in this program (mentors); null for learners. */
  capacity: number | null;
  preferences: string[];
  joinedAt: string;
}

export const PROGRAM_SCOPES = ['mine', 'open'] as const;
export type ProgramScope = (typeof PROGRAM_SCOPES)[number];
export const PROGRAM_ROLES = ['organizer', 'learner', 'mentor'] as const;
export type ProgramRole = (typeof PROGRAM_ROLES)[number];

export class ListProgramsQuery extends PageQuery {
  /**
   * mine (default): programs the caller organizes or belongs to. open: open programs the caller could join (not
   * theirs, not joined yet); empty for a caller with neither the learner nor the mentor role.
   */
  @IsOptional()
  @IsIn(PROGRAM_SCOPES)
  scope?: ProgramScope;
}

export class ProgramListItem extends ProgramView {
  /** How the caller takes part: organizer (of this program), learner or mentor; null in scope=open. */
  yourRole: ProgramRole | null;
  /** Members who joined as learners. */
  learners: number;
  /** Members who joined as mentors. */
  mentors: number;
}

export class ProgramPage {
  items: ProgramListItem[];
  nextCursor: string | null;
}

export class ProgramMemberView {
  profileId: string;
  displayName: string;
  side: ProgramSide;
  /** Seats in this program (mentors); null for learners. */
  capacity: number | null;
  joinedAt: string;
}

export class ProgramMemberList {
  /** By side (learners first), then by display name. */
  items: ProgramMemberView[];
}
