import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { MatchSuggestionsView, RefreshAccepted } from './dto/match-suggestions.dto.js';
import { MatchSuggestionsService } from './match-suggestions.service.js';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('v1/match-suggestions')
export class MatchSuggestionsController {
  constructor(private readonly suggestions: MatchSuggestionsService) {}

  /** Learners only: scoring runs on a worker; a `suggestions.ready` notification follows. */
  @Post('refresh')
  @Roles('learner')
  @HttpCode(202)
  refresh(@CurrentUser() user: AuthUser): Promise<RefreshAccepted> {
    return this.suggestions.requestRefresh(user.id);
  }

  /**
   * The latest ranked suggestions, best first. Mentors who stopped accepting, have no open slot or are
   * blocked (either way) are left out even if they were suggested when the list was computed.
   */
  @Get()
  get(@CurrentUser() user: AuthUser): Promise<MatchSuggestionsView> {
    return this.suggestions.get(user.id);
  }
}
