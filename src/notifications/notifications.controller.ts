import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import type { Page } from '../common/pagination/cursor.js';
import {
  ListNotificationsQuery,
  NotificationPage,
  NotificationPreferencesView,
  UnreadCount,
  UpdateNotificationPreferencesDto,
  type NotificationView,
} from './dto/notifications.dto.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { NotificationStreams } from './notification-streams.service.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly streams: NotificationStreams,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My in-app notifications, newest first (keyset pages)' })
  @ApiOkResponse({ type: NotificationPage })
  list(@CurrentUser() user: AuthUser, @Query() q: ListNotificationsQuery): Promise<Page<NotificationView>> {
    return this.notifications.list(user.id, q);
  }

  @Get('unread-count')
  @ApiOkResponse({ type: UnreadCount })
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCount> {
    return { count: await this.notifications.unreadCount(user.id) };
  }

  @Get('stream')
  @ApiOperation({
    summary: 'My notifications as they arrive (Server-Sent Events)',
    description:
      'A text/event-stream that stays open. Event `notification`: data is the new notification, shaped as a' +
      ' list item ({ id, type, data, createdAt, readAt: null }). Event `unread`: data is { count }, sent on' +
      ' connect, after each notification and after the caller marks notifications read. A comment line (": ' +
      'keep-alive") at least every 25 s. Events reach the caller on whichever API replica holds the stream,' +
      ' whichever process created them. The token is checked at connect (401 as JSON problem otherwise); ' +
      'the stream ends when the session is revoked (checked at each comment line) and when the server shuts' +
      ' down. Clients reconnect with backoff and refetch what they show.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'The event stream (text/event-stream)',
    content: {
      'text/event-stream': {
        schema: {
          type: 'string',
          example:
            ': connected\n\nevent: unread\ndata: {"count":0}\n\nevent: notification\ndata: ' +
            '{"id":"…","type":"meetup.promoted","data":{"meetupId":"…"},"createdAt":"…","readAt":null}\n\n',
        },
      },
    },
  })
  stream(@CurrentUser() user: AuthUser, @Res() reply: FastifyReply): Promise<void> {
    return this.streams.open(user, reply);
  }

  @Post('read-all')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marks every unread notification of mine as read' })
  @ApiNoContentResponse()
  async readAll(@CurrentUser() user: AuthUser): Promise<void> {
    await this.notifications.markAllRead(user.id);
    await this.streams.readChanged(user.id);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marks one notification as read (idempotent); another user’s or an unknown id: 404' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async read(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.notifications.markRead(user.id, id);
    await this.streams.readChanged(user.id);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @ApiOperation({ summary: 'My notification preferences (the webhook secret is never shown here)' })
  @ApiOkResponse({ type: NotificationPreferencesView })
  get(@CurrentUser() user: AuthUser): Promise<NotificationPreferencesView> {
    return this.preferences.get(user.id);
  }

  @Put()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sets my notification preferences',
    description:
      'Fields left out keep their value. mutedTypes must be notification types (else 400). A webhookUrl that is ' +
      'not https, or resolves to a private, loopback or link-local address, is 400 unless ' +
      'WEBHOOK_ALLOW_PRIVATE=true. Saving a new or changed webhookUrl answers the new signing secret once, as ' +
      'webhookSecret. Webhooks are POSTed as JSON { id, type, createdAt, data } with Standard Webhooks headers ' +
      'webhook-id, webhook-timestamp and webhook-signature (v1,base64 HMAC-SHA256 of "id.timestamp.body" keyed ' +
      'with the secret), retried with exponential backoff.',
  })
  @ApiOkResponse({ type: NotificationPreferencesView })
  update(
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesView> {
    return this.preferences.update(user.id, dto);
  }
}
