import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { MatchSuggestionsController } from './match-suggestions.controller.js';
import { MatchSuggestionsService } from './match-suggestions.service.js';
import { MentorshipRequestsController } from './mentorship-requests.controller.js';
import { MentorshipRequestsService } from './mentorship-requests.service.js';
import { MentorshipsController } from './mentorships.controller.js';
import { MentorshipsService } from './mentorships.service.js';

/** HTTP side of mentor matching (docs/api.md#mentor-matching). Its job handlers live in MatchingWorkerModule. */
@Module({
  imports: [ConversationsModule],
  controllers: [MatchSuggestionsController, MentorshipRequestsController, MentorshipsController],
  providers: [MatchSuggestionsService, MentorshipRequestsService, MentorshipsService],
  exports: [MentorshipRequestsService, MentorshipsService, MatchSuggestionsService],
})
export class MatchingModule {}
