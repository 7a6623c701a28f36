import { Module } from '@nestjs/common';
import { NotificationsWorkerModule } from '../notifications/notifications.module.js';
import { AccountMailProcessor } from './account-mail.processor.js';
import { LinkTokensService } from './link-tokens.service.js';

/**
 * Worker side: mints link tokens and sends the account mails (verification, reset, change notice). Its own file
 * because the API's NotificationsModule imports AuthModule (the stream checks revocation): one file holding both
 * would be an ES module import cycle.
 */
@Module({
  imports: [NotificationsWorkerModule],
  providers: [LinkTokensService, AccountMailProcessor],
})
export class AuthWorkerModule {}
