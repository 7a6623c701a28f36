import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PageQuery } from '../../common/pagination/cursor.js';
import { NOTIFICATION_TYPES, type NotificationType } from '../../queues/event-types.js';

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
};

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true: only notifications not read yet' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;
}

export class NotificationView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES })
  type: NotificationType;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The ids the notification is about (requestId, mentorshipId, meetupId, …) and, stored when it was created, ' +
      'the names they stood for then: learnerName, mentorName, authorName, actorName, completedByName (display ' +
      'names), the learnerId/mentorId and names of the mentorship a session is about, and a meetup’s title.',
  })
  data: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readAt: string | null;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationView], description: 'Newest first' })
  items: NotificationView[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class UnreadCount {
  @ApiProperty({ minimum: 0 })
  count: number;
}

export class UpdateNotificationPreferencesDto {
  @ApiPropertyOptional({
    description: 'E-mail notifications on or off (default on). A field left out keeps its current value.',
  })
  @IsOptional()
  @IsBoolean()
  email?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 2048,
    description:
      'https URL to POST signed notifications to, or null to stop webhooks. It must resolve to public addresses ' +
      'only (private, loopback, link-local: 400) unless WEBHOOK_ALLOW_PRIVATE=true. Saving a new or changed URL ' +
      'generates a new signing secret, returned once as webhookSecret.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2048)
  webhookUrl?: string | null;

  @ApiPropertyOptional({
    enum: NOTIFICATION_TYPES,
    isArray: true,
    description:
      'Types the user does not want at all: a muted type creates no in-app notification, no e-mail ' +
      'and no webhook call.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_TYPES.length * 2)
  @IsIn(NOTIFICATION_TYPES, {
    each: true,
    message: `each value in mutedTypes must be one of: ${NOTIFICATION_TYPES.join(', ')}`,
  })
  mutedTypes?: NotificationType[];
}

export class NotificationPreferencesView {
  @ApiProperty()
  email: boolean;
  @ApiProperty({ type: String, nullable: true })
  webhookUrl: string | null;
  @ApiProperty({ enum: NOTIFICATION_TYPES, isArray: true })
  mutedTypes: NotificationType[];
  @ApiPropertyOptional({
    description:
      'Only in the answer to the PUT that saved a new or changed webhookUrl, never again: the Standard Webhooks ' +
      'secret (whsec_…) that signs every delivery (webhook-id, webhook-timestamp, webhook-signature headers; ' +
      'HMAC-SHA256).',
  })
  webhookSecret?: string;
}
