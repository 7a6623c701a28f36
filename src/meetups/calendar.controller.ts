import { Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { NotFound } from '../common/errors/domain-error.js';
import { CurrentUser, Public } from '../common/auth/decorators.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { CalendarFeedView } from './dto/meetup.responses.js';

@ApiTags('meetups')
@Controller('v1/calendar')
export class CalendarController {
  constructor(private readonly feeds: CalendarFeedService) {}

  /** The caller's secret feed URL (created on first call, the same URL after that until rotated or revoked). */
  @Get('feed')
  @ApiBearerAuth()
  url(@CurrentUser() user: AuthUser): Promise<CalendarFeedView> {
    return this.feeds.url(user);
  }

  /** Rotates: the old URL stops working (404) and a new one is returned. */
  @Post('feed')
  @ApiBearerAuth()
  rotate(@CurrentUser() user: AuthUser): Promise<CalendarFeedView> {
    return this.feeds.rotate(user);
  }

  /** Revokes the feed URL; the next GET /v1/calendar/feed issues a new one. */
  @Delete('feed')
  @ApiBearerAuth()
  @HttpCode(204)
  async revoke(@CurrentUser() user: AuthUser): Promise<void> {
    await this.feeds.revoke(user);
  }

  /**
   * `GET /v1/calendar/{token}.ics`, no auth header: every meetup the token's owner is going to (cancelled
   * ones as STATUS:CANCELLED). Unknown or revoked token: 404. The route takes the whole file name because
   * a path parameter cannot end in a literal suffix.
   */
  @Get(':file')
  @Public()
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  feed(@Param('file') file: string): Promise<string> {
    if (!file.endsWith('.ics')) throw new NotFound('Calendar feed');
    return this.feeds.feed(file.slice(0, -'.ics'.length));
  }
}
