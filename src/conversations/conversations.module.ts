import { Module } from '@nestjs/common';
import { NotificationsWorkerModule } from '../notifications/notifications.module.js';
import { ConversationsController } from './conversations.controller.js';
import { ConversationsProcessor } from './conversations.processor.js';
import { ConversationsService } from './conversations.service.js';
import { MessageDigestService } from './message-digest.service.js';
import { MessageRateLimiter } from './message-rate-limiter.js';

/** Learner–mentor conversations. Exports its service so matching opens conversations in its own transactions. */
@Module({
  controllers: [ConversationsController],
  providers: [ConversationsService, MessageRateLimiter],
  exports: [ConversationsService],
})
export class ConversationsModule {}

/** Worker side: message e-mail digests. */
@Module({
  imports: [NotificationsWorkerModule],
  providers: [MessageDigestService, ConversationsProcessor],
})
export class ConversationsWorkerModule {}
