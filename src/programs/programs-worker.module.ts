import { Module } from '@nestjs/common';
import { MatchingWorkerModule } from '../matching/matching-worker.module.js';
import { MatchRunExecutor } from './match-run-executor.service.js';
import { ProgramMatchProcessor } from './program-match.processor.js';

/** Worker side of mentoring programs: turns requested match runs into solved, stored results. */
@Module({
  imports: [MatchingWorkerModule],
  providers: [MatchRunExecutor, ProgramMatchProcessor],
})
export class ProgramsWorkerModule {}
