import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../queues/job-registry.js';
import { JOBS, QUEUES } from '../queues/queue-names.js';
import {
  isDigestJob,
  isMessagePosted,
  MessageDigestService,
  type DigestJob,
  type MessagePostedPayload,
} from './message-digest.service.js';

/** Worker side of conversations: schedules and sends the message e-mail digests. */
@Injectable()
export class ConversationsProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly digests: MessageDigestService,
  ) {}

  onModuleInit(): void {
    this.registry.onEvent<MessagePostedPayload>(
      'message.posted',
      (e) => this.digests.schedule(e.payload),
      isMessagePosted,
    );
    this.registry.register<DigestJob>(
      QUEUES.timers,
      JOBS.timers.messageDigest,
      (job) => this.digests.send(job),
      isDigestJob,
    );
  }
}
