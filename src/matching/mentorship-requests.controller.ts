import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { ApiProblem } from '../common/errors/api-problem.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import {
  AcceptedMentorshipRequest,
  CreateMentorshipRequestDto,
  DeclineMentorshipRequestDto,
  ListMentorshipRequestsQuery,
  MentorshipRequestPage,
  MentorshipRequestView,
} from './dto/mentorship-request.dto.js';
import { MentorshipRequestsService } from './mentorship-requests.service.js';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('v1/mentorship-requests')
export class MentorshipRequestsController {
  constructor(private readonly requests: MentorshipRequestsService) {}

  /**
   * Learners only. 400 to oneself or with goalIds that are not the caller's; 404 unknown or blocked (either
   * way); 409 NOT_A_MENTOR, MENTOR_NOT_ACCEPTING, MENTOR_AT_CAPACITY, DUPLICATE_REQUEST, ALREADY_IN_MENTORSHIP,
   * ACTIVE_MENTORSHIP_LIMIT or TOO_MANY_PENDING_REQUESTS.
   */
  @ApiProblem(
    409,
    'NOT_A_MENTOR, MENTOR_NOT_ACCEPTING, MENTOR_AT_CAPACITY, DUPLICATE_REQUEST, ALREADY_IN_MENTORSHIP, ' +
      'ACTIVE_MENTORSHIP_LIMIT or TOO_MANY_PENDING_REQUESTS.',
  )
  @Post()
  @Roles('learner')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateMentorshipRequestDto): Promise<MentorshipRequestView> {
    return this.requests.create(user.id, dto);
  }

  /** The caller's requests (as learner, mentor, or both), newest first. */
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: ListMentorshipRequestsQuery): Promise<MentorshipRequestPage> {
    return this.requests.list(user.id, q);
  }

  /** The two parties only; anyone else gets 404. */
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<MentorshipRequestView> {
    return this.requests.get(user.id, id);
  }

  /**
   * The mentor: creates the active mentorship. 409 REQUEST_NOT_PENDING, MENTOR_AT_CAPACITY,
   * LEARNER_AT_MENTORSHIP_LIMIT.
   */
  @ApiProblem(409, 'REQUEST_NOT_PENDING, MENTOR_AT_CAPACITY (accepts that race) or LEARNER_AT_MENTORSHIP_LIMIT.')
  @Post(':id/accept')
  @HttpCode(200)
  accept(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<AcceptedMentorshipRequest> {
    return this.requests.accept(user.id, id);
  }

  /** The mentor. 409 REQUEST_NOT_PENDING. */
  @ApiProblem(409, 'REQUEST_NOT_PENDING: only pending requests change state.')
  @Post(':id/decline')
  @HttpCode(200)
  decline(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: DeclineMentorshipRequestDto,
  ): Promise<MentorshipRequestView> {
    return this.requests.decline(user.id, id, dto);
  }

  /** The learner. 409 REQUEST_NOT_PENDING. */
  @ApiProblem(409, 'REQUEST_NOT_PENDING: only pending requests change state.')
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<MentorshipRequestView> {
    return this.requests.cancel(user.id, id);
  }
}
