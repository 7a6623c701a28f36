import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { CreateGoalDto, Goal, GoalList, GoalsQuery, UpdateGoalDto } from './dto/goals.dto.js';
import { GoalsService } from './goals.service.js';

/** Learning goals of the caller (any role may keep goals; matching reads the active ones). */
@ApiTags('profiles')
@ApiBearerAuth()
@Controller('v1/profiles/me/goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  /** Unknown skill: 400. Starts `active`. */
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateGoalDto): Promise<Goal> {
    return this.goals.create(user.id, dto);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: GoalsQuery): Promise<GoalList> {
    return this.goals.list(user.id, query);
  }

  /** Another profile's goal, or an unknown id: 404. */
  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: UpdateGoalDto): Promise<Goal> {
    return this.goals.update(user.id, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.goals.remove(user.id, id);
  }
}
