import { Module } from '@nestjs/common';
import { MatchingModule } from '../matching/matching.module.js';
import { BlocksController } from './blocks.controller.js';
import { BlocksService } from './blocks.service.js';
import { AdminReportsController, ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Blocks between profiles and reports to the admins. */
@Module({
  imports: [MatchingModule],
  controllers: [BlocksController, ReportsController, AdminReportsController],
  providers: [BlocksService, ReportsService],
})
export class ModerationModule {}
