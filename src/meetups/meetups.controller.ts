import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, OptionalUser, Roles, TokenOptional } from '../common/auth/decorators.js';
import { ApiProblem } from '../common/errors/api-problem.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import {
  AttendeesQuery,
  CheckInDto,
  CreateMeetupDto,
  RecommendedQuery,
  RsvpDto,
  SearchMeetupsQuery,
  UpdateMeetupDto,
} from './dto/meetup.dto.js';
import {
  AttendeePage,
  AttendeeView,
  MeetupPage,
  MeetupView,
  RecommendedPage,
  RsvpResult,
} from './dto/meetup.responses.js';
import { MeetupSearchService } from './meetup-search.service.js';
import { MeetupsService } from './meetups.service.js';
import { RsvpService } from './rsvp.service.js';

@ApiTags('meetups')
@ApiBearerAuth()
@Controller('v1/meetups')
export class MeetupsController {
  constructor(
    private readonly meetups: MeetupsService,
    private readonly search: MeetupSearchService,
    private readonly rsvps: RsvpService,
  ) {}

  /**
   * Organizers only (403 ROLE_REQUIRED otherwise). Unknown skill slugs, endsAt <= startsAt, a bad zone or place: 400.
   */
  @Post()
  @Roles('organizer')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateMeetupDto): Promise<MeetupView> {
    return this.meetups.create(user, dto);
  }

  /**
   * Scheduled meetups starting at or after `from` (default now), soonest first; keyset-paged on (startsAt, id).
   * No token needed (anonymous callers are rate-limited per address; a token that is sent must be valid). Each item
   * carries the caller's `myRsvp` (null when anonymous or never answered); `onlineUrl` is null unless the caller
   * organizes it or is going.
   */
  @Get()
  @TokenOptional()
  @ApiOkResponse({ type: MeetupPage })
  list(@OptionalUser() user: AuthUser | undefined, @Query() q: SearchMeetupsQuery) {
    return this.search.search(q, user);
  }

  /** Top-N upcoming meetups ranked by the caller's active goals, then distance, then time (see `recommendation`). */
  @Get('recommended')
  @ApiOkResponse({ type: RecommendedPage })
  recommended(@CurrentUser() user: AuthUser, @Query() q: RecommendedQuery) {
    return this.search.recommended(user, q);
  }

  /**
   * Anyone (no token needed; a token that is sent must be valid). `myRsvp` is the caller's own RSVP (null when
   * anonymous or never answered); `onlineUrl` is null unless the caller organizes it or is going.
   */
  @Get(':id')
  @TokenOptional()
  get(@OptionalUser() user: AuthUser | undefined, @Param('id', UuidPipe) id: string): Promise<MeetupView> {
    return this.meetups.get(user, id);
  }

  /**
   * Its organizer only (403 FORBIDDEN_NOT_ORGANIZER). Capacity below goingCount: 409 CAPACITY_BELOW_GOING;
   * raising it promotes the waitlist. A cancelled meetup: 409 MEETUP_CANCELLED.
   */
  @ApiProblem(403, 'FORBIDDEN_NOT_ORGANIZER: only the meetup’s organizer may change it.')
  @ApiProblem(409, 'CAPACITY_BELOW_GOING, or MEETUP_CANCELLED.')
  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateMeetupDto,
  ): Promise<MeetupView> {
    return this.meetups.update(user, id, dto);
  }

  /** Its organizer only. Already cancelled: 409 MEETUP_CANCELLED. Notifies everyone going or waitlisted. */
  @ApiProblem(403, 'FORBIDDEN_NOT_ORGANIZER: only the meetup’s organizer may cancel it.')
  @ApiProblem(409, 'MEETUP_CANCELLED: already cancelled.')
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<MeetupView> {
    return this.meetups.cancel(user, id);
  }

  /**
   * going | interested | not_going; a full meetup answers waitlisted with a 1-based position. Cancelled or ended:
   * 409.
   */
  @ApiProblem(409, 'The meetup is cancelled or has ended.')
  @Post(':id/rsvp')
  @HttpCode(200)
  rsvp(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: RsvpDto): Promise<RsvpResult> {
    return this.rsvps.rsvp(user, id, dto.status);
  }

  /** Its organizer only (403 otherwise): going, then the waitlist in order, then interested. */
  @ApiProblem(403, 'FORBIDDEN_NOT_ORGANIZER: only the meetup’s organizer sees its attendees.')
  @Get(':id/attendees')
  @ApiOkResponse({ type: AttendeePage })
  attendees(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string, @Query() q: AttendeesQuery) {
    return this.rsvps.attendees(user, id, q);
  }

  /** Its organizer only. No RSVP: 404 RSVP_NOT_FOUND; not going: 409 NOT_GOING; again: 409 ALREADY_CHECKED_IN. */
  @ApiProblem(403, 'FORBIDDEN_NOT_ORGANIZER: only the meetup’s organizer checks people in.')
  @ApiProblem(409, 'NOT_GOING, or ALREADY_CHECKED_IN.')
  @Post(':id/check-ins')
  checkIn(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CheckInDto,
  ): Promise<AttendeeView> {
    return this.rsvps.checkIn(user, id, dto.profileId.toLowerCase());
  }

  /**
   * RFC 5545 calendar with this meetup as its one VEVENT. No token needed; the online link is in it only for the
   * organizer and members going.
   */
  @Get(':id/ics')
  @TokenOptional()
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-cache')
  ics(@OptionalUser() user: AuthUser | undefined, @Param('id', UuidPipe) id: string): Promise<string> {
    return this.meetups.ics(user, id);
  }
}
