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

export class MentorshipRequestView {
  id: string;
  learnerId: string;
  mentorId: string;
  message: string;
  goalIds: string[];
  status: RequestStatus;
  declineReason: DeclineReason | null;
  declineNote: string | null;
  createdAt: string;
  expiresAt: string;
  decidedAt: string | null;
}

export class MentorshipRequestPage {
  items: MentorshipRequestView[];
  nextCursor: string | null;
}

export class AcceptedMentorshipRequest {
  request: MentorshipRequestView;
  mentorship: MentorshipView;
}
