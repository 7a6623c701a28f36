import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { MatchingModule } from '../matching/matching.module.js';
import { MeetupsModule } from '../meetups/meetups.module.js';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { AccountDataController } from './account-data.controller.js';
import { AccountDeletionService } from './account-deletion.service.js';
import { AccountExportService } from './account-export.service.js';

/**
 * What is stored about a member, across modules: the export reads every module's tables, and the deletion asks
 * each owning module to end the member's part before the account goes. It owns no table.
 */
@Module({
  imports: [AuthModule, ProfilesModule, MatchingModule, MeetupsModule, ProgramsModule, SessionsModule],
  controllers: [AccountDataController],
  providers: [AccountExportService, AccountDeletionService],
})
export class AccountsModule {}
