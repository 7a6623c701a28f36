import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { MatchScoringProcessor } from './match-scoring.processor.js';
import { MentorshipRequestExpiryService } from './mentorship-request-expiry.service.js';
import { MentorshipRequestTimersProcessor } from './mentorship-request-timers.processor.js';
import { MentorshipsService } from './mentorships.service.js';
import { SkillGraphCache } from './skill-graph.cache.js';
import { SuggestionsRefreshService } from './suggestions-refresh.service.js';

/** Worker side of mentor matching: suggestion refreshes and request expiry; programs use its mentorship limits. */
@Module({
  // MentorshipsService.start opens the pair's conversation, so the worker side needs the conversations service.
  imports: [ConversationsModule],
  providers: [
    SkillGraphCache,
    SuggestionsRefreshService,
    MentorshipRequestExpiryService,
    MatchScoringProcessor,
    MentorshipRequestTimersProcessor,
    MentorshipsService,
  ],
  exports: [SkillGraphCache, MentorshipsService],
})
export class MatchingWorkerModule {}
