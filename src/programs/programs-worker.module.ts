import { Module } from '@nestjs/common';
import { SkillGraphCache } from '../matching/skill-graph.cache.js';
import { MatchRunExecutor } from './match-run-executor.service.js';
import { ProgramMatchProcessor } from './program-match.processor.js';

/** Worker side of mentoring programs: turns requested match runs into solved, stored results. */
@Module({
  providers: [SkillGraphCache, MatchRunExecutor, ProgramMatchProcessor],
})
export class ProgramsWorkerModule {}
