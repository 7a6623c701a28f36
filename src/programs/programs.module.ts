import { Module } from '@nestjs/common';
import { MatchingModule } from '../matching/matching.module.js';
import { MatchRunsService } from './match-runs.service.js';
import { ProgramListsService } from './program-lists.service.js';
import { ProgramsController } from './programs.controller.js';
import { ProgramsService } from './programs.service.js';

/**
 * HTTP side of mentoring programs (docs/api.md#mentoring-programs-cohort-matching). Match runs are computed in
 * ProgramsWorkerModule.
 */
@Module({
  imports: [MatchingModule],
  controllers: [ProgramsController],
  providers: [ProgramsService, MatchRunsService, ProgramListsService],
  exports: [ProgramsService],
})
export class ProgramsModule {}
