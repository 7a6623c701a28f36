import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { ApiProblem } from '../common/errors/api-problem.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { PageQuery } from '../common/pagination/cursor.js';
import { MatchRunPage, MatchRunStarted, MatchRunView, PublishedMatchRun } from './dto/match-run.dto.js';
import {
  CreateProgramDto,
  JoinProgramDto,
  ListProgramsQuery,
  MembershipView,
  ProgramMemberList,
  ProgramPage,
  ProgramView,
  UpdateMembershipDto,
} from './dto/program.dto.js';
import { MatchRunsService } from './match-runs.service.js';
import { ProgramListsService } from './program-lists.service.js';
import { ProgramsService } from './programs.service.js';

@ApiTags('programs')
@ApiBearerAuth()
@Controller('v1/programs')
export class ProgramsController {
  constructor(
    private readonly programs: ProgramsService,
    private readonly runs: MatchRunsService,
    private readonly lists: ProgramListsService,
  ) {}

  /**
   * The caller's programs (organized or joined, with `yourRole`), or with `scope=open` the open programs they
   * could join; newest first, keyset-paged.
   */
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: ListProgramsQuery): Promise<ProgramPage> {
    return this.lists.list(user, q);
  }

  /** Organizers only (403 otherwise). The program starts `open`. */
  @Post()
  @Roles('organizer')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateProgramDto): Promise<ProgramView> {
    return this.programs.create(user.id, dto);
  }

  /** Anyone signed in who has the id (programs are joined by id). */
  @Get(':id')
  get(@Param('id', UuidPipe) id: string): Promise<ProgramView> {
    return this.programs.get(id);
  }

  /**
   * Joins one side. 400: `as` not one of the caller's roles, a mentor without `capacity`, a learner with one,
   * or `preferences` naming anyone who is not a member of the other side. 404 unknown program;
   * 409 ALREADY_MEMBER (change capacity or preferences with PATCH …/members/me) or PROGRAM_PUBLISHED.
   */
  @ApiProblem(409, 'ALREADY_MEMBER (change capacity or preferences with PATCH …/members/me) or PROGRAM_PUBLISHED.')
  @Post(':id/join')
  join(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: JoinProgramDto,
  ): Promise<MembershipView> {
    return this.programs.join(user, id, dto);
  }

  /**
   * Who is in the program, by side then name. Its organizer: everyone, with capacities. A member: the other side
   * only (whom they can rank), without people blocked either way. 403 NOT_PROGRAM_MEMBER for anyone else.
   */
  @ApiProblem(403, 'NOT_PROGRAM_MEMBER: only its organizer and members see who is in the program.')
  @Get(':id/members')
  members(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<ProgramMemberList> {
    return this.lists.members(user.id, id);
  }

  /** The caller's membership; 404 when not a member. */
  @Get(':id/members/me')
  membership(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<MembershipView> {
    return this.programs.membership(user.id, id);
  }

  /**
   * Changes the caller's capacity (mentors) or replaces their preferences, until the program is published:
   * members joining later can be ranked this way. Same 400 rules as join; 409 PROGRAM_PUBLISHED.
   */
  @ApiProblem(409, 'PROGRAM_PUBLISHED: memberships no longer change.')
  @Patch(':id/members/me')
  updateMembership(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateMembershipDto,
  ): Promise<MembershipView> {
    return this.programs.updateMembership(user.id, id, dto);
  }

  /**
   * Its organizer (another organizer's program: 404; no organizer role: 403) → 202; a worker computes the run. 409
   * PROGRAM_PUBLISHED.
   */
  @ApiProblem(409, 'PROGRAM_PUBLISHED.')
  @Post(':id/match-runs')
  @Roles('organizer')
  @HttpCode(202)
  startRun(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<MatchRunStarted> {
    return this.runs.start(user.id, id);
  }

  /** Its organizer: the program's runs newest first, with status and stats but not pairs; keyset-paged. */
  @Get(':id/match-runs')
  @Roles('organizer')
  listRuns(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Query() q: PageQuery,
  ): Promise<MatchRunPage> {
    return this.runs.list(user.id, id, q);
  }

  /** Its organizer: the run while running, and its stats and pairs once done. */
  @Get(':id/match-runs/:runId')
  @Roles('organizer')
  getRun(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Param('runId', UuidPipe) runId: string,
  ): Promise<MatchRunView> {
    return this.runs.get(user.id, id, runId);
  }

  /**
   * Its organizer: every pair becomes an active mentorship in one transaction, both sides are notified.
   * 409 RUN_NOT_DONE, RUN_ALREADY_PUBLISHED, PROGRAM_PUBLISHED, ALREADY_IN_MENTORSHIP, MENTOR_AT_PROGRAM_CAPACITY,
   * PAIR_NOT_MEMBERS, PAIR_BLOCKED — and then nothing changed.
   */
  @ApiProblem(
    409,
    'RUN_NOT_DONE, RUN_ALREADY_PUBLISHED, PROGRAM_PUBLISHED, ALREADY_IN_MENTORSHIP, MENTOR_AT_PROGRAM_CAPACITY, ' +
      'PAIR_NOT_MEMBERS or PAIR_BLOCKED; nothing is created.',
  )
  @Post(':id/match-runs/:runId/publish')
  @Roles('organizer')
  @HttpCode(200)
  publish(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Param('runId', UuidPipe) runId: string,
  ): Promise<PublishedMatchRun> {
    return this.runs.publish(user.id, id, runId);
  }
}
