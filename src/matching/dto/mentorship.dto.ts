import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../common/pagination/cursor.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = 'dueDate must be a date (YYYY-MM-DD)';

export class CreateTaskDto {
  /** 1–200 characters */
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title: string;

  /** YYYY-MM-DD */
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
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
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
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
