import { Module } from '@nestjs/common';
import { MatchScoringProcessor } from './match-scoring.processor.js';
import { MentorshipRequestExpiryService } from './mentorship-request-expiry.service.js';
import { MentorshipRequestTimersProcessor } from './mentorship-request-timers.processor.js';
import { MentorshipsService } from './mentorships.service.js';
import { SkillGraphCache } from './skill-graph.cache.js';
import { SuggestionsRefreshService } from './suggestions-refresh.service.js';

/** Worker side of mentor matching: suggestion refreshes and request expiry; programs use its mentorship limits. */
@Module({
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
