import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import {
  CreateSessionDto,
  ListSessionsQuery,
  SessionPage,
  SessionView,
  SlotList,
  SlotsQuery,
  UpdateSessionDto,
} from './dto/session.dto.js';
import { SessionSlotsService } from './session-slots.service.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('v1/mentorships/:id')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly slotFinder: SessionSlotsService,
  ) {}

  /**
   * Every half-hour start in [from, from + days × 24 h) where a `minutes`-long session fits both people's
   * weekly availability (each read in its own zone, DST included) and clashes with neither's sessions.
   */
  @Get('slots')
  @ApiOkResponse({ type: SlotList })
  @ApiConflictResponse({ description: 'MENTORSHIP_NOT_ACTIVE' })
  slots(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string, @Query() q: SlotsQuery): Promise<SlotList> {
    return this.slotFinder.slots(user.id, id, q);
  }

  /** Its parties: sessions soonest first. */
  @Get('sessions')
  @ApiOkResponse({ type: SessionPage })
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Query() q: ListSessionsQuery,
  ): Promise<SessionPage> {
    return this.sessions.list(user.id, id, q);
  }

  /** Either party of an active mentorship proposes a time; 409 SESSION_CLASH when it overlaps either's live session. */
  @Post('sessions')
  @ApiCreatedResponse({ type: SessionView })
  @ApiConflictResponse({ description: 'SESSION_CLASH or MENTORSHIP_NOT_ACTIVE' })
  propose(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreateSessionDto,
  ): Promise<SessionView> {
    return this.sessions.propose(user.id, id, dto);
  }

  /** The party who did not propose the current time (403 otherwise). */
  @Post('sessions/:sid/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView })
  @ApiForbiddenResponse({ description: 'NOT_THE_OTHER_PARTY' })
  @ApiConflictResponse({ description: 'SESSION_NOT_PROPOSED or MENTORSHIP_NOT_ACTIVE' })
  confirm(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Param('sid', UuidPipe) sid: string,
  ): Promise<SessionView> {
    return this.sessions.confirm(user.id, id, sid);
  }

  /** Either party; a new time makes it proposed again, by the mover. */
  @Patch('sessions/:sid')
  @ApiOkResponse({ type: SessionView })
  @ApiConflictResponse({ description: 'SESSION_CLASH, SESSION_CANCELLED or MENTORSHIP_NOT_ACTIVE' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Param('sid', UuidPipe) sid: string,
    @Body() dto: UpdateSessionDto,
  ): Promise<SessionView> {
    return this.sessions.update(user.id, id, sid, dto);
  }

  /** Either party. */
  @Post('sessions/:sid/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView })
  @ApiConflictResponse({ description: 'SESSION_CANCELLED or MENTORSHIP_NOT_ACTIVE' })
  cancel(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Param('sid', UuidPipe) sid: string,
  ): Promise<SessionView> {
    return this.sessions.cancel(user.id, id, sid);
  }

  /** One VEVENT with a stable UID; SEQUENCE grows with each change; STATUS:CANCELLED once cancelled. */
  @Get('sessions/:sid/ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'text/calendar (RFC 5545)' })
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  ics(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Param('sid', UuidPipe) sid: string,
  ): Promise<string> {
    return this.sessions.ics(user.id, id, sid);
  }
}
