import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination/cursor.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class BlockDto {
  @IsUUID('all')
  profileId: string;
}

export class BlockView {
  blockerId: string;
  blockedId: string;
  createdAt: string;
}

export class BlockPage {
  items: BlockView[];
  nextCursor: string | null;
}

export class ReportDto {
  @IsUUID('all')
  profileId: string;

  /** A short reason, e.g. spam, harassment, inappropriate, impersonation, other (1–100 characters). */
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  reason: string;

  /** What happened, up to 4000 characters. */
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  details: string;
}

export const REPORT_STATUSES = ['open', 'resolved', 'dismissed'] as const;

export class ReportView {
  id: string;
  reporterId: string;
  /** The reporter's display name, so a list of reports needs no look-up per row. */
  reporterName: string;
  profileId: string;
  /** The reported person's display name. */
  profileName: string;
  reason: string;
  details: string;
  status: (typeof REPORT_STATUSES)[number];
  createdAt: string;
}

export class ReportPage {
  items: ReportView[];
  nextCursor: string | null;
}

export class ListReportsQuery extends PageQuery {
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: (typeof REPORT_STATUSES)[number];
}
