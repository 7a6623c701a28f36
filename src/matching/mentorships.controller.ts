import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { ApiProblem } from '../common/errors/api-problem.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import {
  CreateTaskDto,
  FeedbackDto,
  FeedbackView,
  ListMentorshipsQuery,
  MentorshipDetailView,
  MentorshipPage,
  MentorshipView,
  TaskView,
  UpdateTaskDto,
} from './dto/mentorship.dto.js';
import { MentorshipsService } from './mentorships.service.js';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('v1/mentorships')
export class MentorshipsController {
  constructor(private readonly mentorships: MentorshipsService) {}

  /** The caller's mentorships (as learner, mentor, or both), newest first. */
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: ListMentorshipsQuery): Promise<MentorshipPage> {
    return this.mentorships.list(user.id, q);
  }

  /** The parties only; anyone else gets 404. */
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<MentorshipDetailView> {
    return this.mentorships.get(user.id, id);
  }

  /** Either party; frees the mentor's slot. 409 MENTORSHIP_NOT_ACTIVE when already completed. */
  @ApiProblem(409, 'MENTORSHIP_NOT_ACTIVE: already completed.')
  @Post(':id/complete')
  @HttpCode(200)
  complete(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<MentorshipView> {
    return this.mentorships.complete(user.id, id);
  }

  /** Either party, while active (409 MENTORSHIP_NOT_ACTIVE otherwise). */
  @ApiProblem(409, 'MENTORSHIP_NOT_ACTIVE: tasks change only while the mentorship is active.')
  @Post(':id/tasks')
  addTask(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreateTaskDto,
  ): Promise<TaskView> {
    return this.mentorships.addTask(user.id, id, dto);
  }

  /** Either party, while active. `dueDate: null` clears the date. */
  @ApiProblem(409, 'MENTORSHIP_NOT_ACTIVE: tasks change only while the mentorship is active.')
  @Patch(':id/tasks/:taskId')
  updateTask(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Param('taskId', UuidPipe) taskId: string,
    @Body() dto: UpdateTaskDto,
  ): Promise<TaskView> {
    return this.mentorships.updateTask(user.id, id, taskId, dto);
  }

  /** Either party, once each, after completion: 409 MENTORSHIP_NOT_COMPLETED or FEEDBACK_EXISTS. */
  @ApiProblem(409, 'MENTORSHIP_NOT_COMPLETED, or FEEDBACK_EXISTS when the caller already gave feedback.')
  @Post(':id/feedback')
  feedback(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: FeedbackDto,
  ): Promise<FeedbackView> {
    return this.mentorships.addFeedback(user.id, id, dto);
  }
}
