import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../../common/pagination/cursor.js';
import { GOAL_STATUSES, type GoalStatus } from '../../profiles/dto/goals.dto.js';
import { MentorshipView } from './mentorship.dto.js';

export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'cancelled', 'expired', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const DECLINE_REASONS = ['no_capacity', 'skills_mismatch', 'schedule_mismatch', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateMentorshipRequestDto {
  @IsUUID('all')
  mentorId: string;

  /** 1–2000 characters */
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  message: string;

  /** Ids of the caller's own goals this request is about. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  goalIds?: string[];
}

export class DeclineMentorshipRequestDto {
  @IsIn(DECLINE_REASONS)
  reason: DeclineReason;

  /** Up to 1000 characters, shown to the learner. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ListMentorshipRequestsQuery extends PageQuery {
  /** Only requests where the caller is this party; both sides when absent. */
  @IsOptional()
  @IsIn(['learner', 'mentor'])
  as?: 'learner' | 'mentor';

  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;
}

export class RequestLearnerSkill {
  slug: string;
  name: string;
  /** 0..5 */
  level: number;
}

export class RequestLearnerGoal {
  id: string;
  /** A taxonomy slug. */
  skill: string;
  skillName: string;
  /** 1..5 */
  targetLevel: number;
  /** YYYY-MM-DD */
  targetDate: string | null;
  note: string | null;
  @ApiProperty({ enum: GOAL_STATUSES })
  status: GoalStatus;
}

/**
 * What the mentor needs to decide: the learner shared it by sending the request. Only on requests the caller
 * received, and never while either of the two blocks the other.
 */
export class RequestLearnerView {
  id: string;
  displayName: string;
  headline: string;
  /** The learner's whole skill inventory, highest level first. */
  skills: RequestLearnerSkill[];
  /** The goals this request names (goalIds), as they are now; a goal deleted since is left out. */
  goals: RequestLearnerGoal[];
}

export class MentorshipRequestView {
  id: string;
  /** null once that member deleted their account. */
  learnerId: string | null;
  /** The learner's display name, so a list names them without a request per row; null with learnerId. */
  learnerName: string | null;
  /** null once that member deleted their account. */
  mentorId: string | null;
  /** The mentor's display name; null with mentorId. */
  mentorName: string | null;
  message: string;
  goalIds: string[];
  // Explicit: the plugin orders an inferred union by TypeScript's type ids, which changes with the files compiled.
  @ApiProperty({ enum: REQUEST_STATUSES })
  status: RequestStatus;
  declineReason: DeclineReason | null;
  declineNote: string | null;
  createdAt: string;
  expiresAt: string;
  decidedAt: string | null;
  /**
   * Present only when the caller is this request's mentor (list and get) and no block stands between the two:
   * the learner's name, headline, skills and the goals the request names.
   */
  learner?: RequestLearnerView;
}

export class MentorshipRequestPage {
  items: MentorshipRequestView[];
  nextCursor: string | null;
}

export class AcceptedMentorshipRequest {
  request: MentorshipRequestView;
  mentorship: MentorshipView;
}
