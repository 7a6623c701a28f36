import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { MatchRunsService } from './match-runs.service.js';
import { ProgramsController } from './programs.controller.js';
import { ProgramsService } from './programs.service.js';

/**
 * HTTP side of mentoring programs (docs/api.md#mentoring-programs-cohort-matching). Match runs are computed in
 * ProgramsWorkerModule.
 */
@Module({
  imports: [ConversationsModule],
  controllers: [ProgramsController],
  providers: [ProgramsService, MatchRunsService],
})
export class ProgramsModule {}
