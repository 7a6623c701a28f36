import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
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
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

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

  @Post('read-all')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marks every unread notification of mine as read' })
  @ApiNoContentResponse()
  async readAll(@CurrentUser() user: AuthUser): Promise<void> {
    await this.notifications.markAllRead(user.id);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marks one notification as read (idempotent); another user’s or an unknown id: 404' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async read(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.notifications.markRead(user.id, id);
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
