import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery } from '../../common/pagination/cursor.js';
import { IsCalendarDate } from '../../common/validation/dates.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateTaskDto {
  /** 1–200 characters */
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title: string;

  /** YYYY-MM-DD */
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  dueDate?: string;
}

export class UpdateTaskDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title?: string;

  /** YYYY-MM-DD, or null to clear it. */
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  dueDate?: string | null;

  @IsOptional()
  @IsBoolean()
  done?: boolean;
}

export class FeedbackDto {
  /** 1..5 */
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ListMentorshipsQuery extends PageQuery {
  @IsOptional()
  @IsIn(['learner', 'mentor'])
  as?: 'learner' | 'mentor';

  @IsOptional()
  @IsIn(['active', 'completed'])
  status?: 'active' | 'completed';
}

export class TaskView {
  id: string;
  title: string;
  dueDate: string | null;
  done: boolean;
  /** null once its author deleted their account. */
  createdBy: string | null;
  createdAt: string;
}

export class MentorshipView {
  id: string;
  /** null once that member deleted their account. */
  learnerId: string | null;
  /** The learner's display name; null once they deleted their account. */
  learnerName: string | null;
  /** null once that member deleted their account. */
  mentorId: string | null;
  /** The mentor's display name; null once they deleted their account. */
  mentorName: string | null;
  requestId: string | null;
  programId: string | null;
  status: 'active' | 'completed';
  startedAt: string;
  endedAt: string | null;
  tasks: TaskView[];
}

/** GET /v1/mentorships/:id: the mentorship with the caller's own feedback on it, if they gave any. */
export class MentorshipDetailView extends MentorshipView {
  /** The feedback the caller gave on this mentorship (once completed, once each), or null. */
  myFeedback: FeedbackView | null;
}

export class MentorshipPage {
  items: MentorshipView[];
  nextCursor: string | null;
}

export class FeedbackView {
  id: string;
  mentorshipId: string;
  /** null once the author deleted their account: the feedback stays, without their name. */
  authorId: string | null;
  subjectId: string;
  rating: number;
  comment: string | null;
  createdAt: string;
}
