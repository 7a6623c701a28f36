import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  registerDecorator,
} from 'class-validator';
import { PageQuery } from '../../common/pagination/cursor.js';

export const SESSION_STATUSES = ['proposed', 'confirmed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const isInstant = (v: unknown) => typeof v === 'string' && ISO_WITH_OFFSET.test(v) && Number.isFinite(Date.parse(v));

/** An ISO-8601 date-time with an offset (a bare local time would be ambiguous). */
function IsInstant(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an ISO-8601 date-time with an offset, e.g. 2027-03-15T18:00:00Z' },
      validator: { validate: isInstant },
    });
}

const MeetingUrl = () =>
  IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'meetingUrl must be an http(s) URL' },
  );

export class CreateSessionDto {
  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  startsAt: string;

  /** 15..180 */
  @ApiProperty({ minimum: 15, maximum: 180 })
  @IsInt()
  @Min(15)
  @Max(180)
  durationMinutes: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  agenda?: string;

  /** http(s) only */
  @ApiPropertyOptional({ maxLength: 2048 })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  @MeetingUrl()
  meetingUrl?: string;
}

export class UpdateSessionDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'A new time makes the session proposed again, by the mover',
  })
  @IsOptional()
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional({ minimum: 15, maximum: 180 })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(180)
  durationMinutes?: number;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, type: String })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  agenda?: string | null;

  @ApiPropertyOptional({ maxLength: 2048, nullable: true, type: String, description: 'http(s) only; null clears it' })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  @MeetingUrl()
  meetingUrl?: string | null;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true, type: String })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;
}

export class SlotsQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 28, default: 14 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(28)
  days?: number;

  @ApiPropertyOptional({ minimum: 15, maximum: 180, default: 60 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(15)
  @Max(180)
  minutes?: number;
}

export class ListSessionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptional()
  @Matches(/^(proposed|confirmed|cancelled)$/, { message: 'status must be one of: proposed, confirmed, cancelled' })
  status?: SessionStatus;
}

export class SessionView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  mentorshipId: string;
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  @ApiProperty({ format: 'date-time' })
  endsAt: string;
  @ApiProperty()
  durationMinutes: number;
  @ApiProperty({ nullable: true, type: String })
  agenda: string | null;
  @ApiProperty({ nullable: true, type: String })
  meetingUrl: string | null;
  @ApiProperty({ nullable: true, type: String })
  notes: string | null;
  @ApiProperty({ enum: SESSION_STATUSES })
  status: SessionStatus;
  @ApiProperty({ format: 'uuid', description: 'Who proposed the current time' })
  proposedBy: string;
  @ApiProperty({ description: 'Grows with every change (the iCalendar SEQUENCE)' })
  sequence: number;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class SessionPage {
  @ApiProperty({ type: [SessionView], description: 'Soonest first' })
  items: SessionView[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class SlotView {
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  @ApiProperty({ format: 'date-time' })
  endsAt: string;
}

export class SlotList {
  @ApiProperty({ type: [SlotView], description: 'Every fitting half-hour start, earliest first (not paged)' })
  items: SlotView[];
}
