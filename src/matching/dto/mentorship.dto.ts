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
  createdBy: string;
  createdAt: string;
}

export class MentorshipView {
  id: string;
  learnerId: string;
  mentorId: string;
  requestId: string | null;
  programId: string | null;
  status: 'active' | 'completed';
  startedAt: string;
  endedAt: string | null;
  tasks: TaskView[];
}

export class MentorshipPage {
  items: MentorshipView[];
  nextCursor: string | null;
}

export class FeedbackView {
  id: string;
  mentorshipId: string;
  authorId: string;
  subjectId: string;
  rating: number;
  comment: string | null;
  createdAt: string;
}
