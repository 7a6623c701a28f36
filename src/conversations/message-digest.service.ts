import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { isUuid } from '../common/http/uuid.pipe.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { escapeHtml, type RenderedEmail } from '../notifications/email/email-templates.js';
import { Mailer } from '../notifications/email/mailer.js';
import { JOBS, QUEUES } from '../queues/queue-names.js';

export interface MessagePostedPayload {
  conversationId: string;
  messageId: string;
  authorId: string;
  recipientId: string;
}

export const isMessagePosted = (p: unknown): p is MessagePostedPayload => {
  const e = p as MessagePostedPayload;
  return !!e && isUuid(e.conversationId) && isUuid(e.recipientId) && isUuid(e.authorId);
};

export interface DigestJob {
  profileId: string;
  /** End of the digest period (epoch ms): the digest covers unread messages written before it. */
  periodEnd: number;
}

export const isDigestJob = (d: unknown): d is DigestJob => {
  const j = d as DigestJob;
  return !!j && isUuid(j.profileId) && Number.isSafeInteger(j.periodEnd);
};

const MAX_MESSAGES = 20;

interface DigestMessage {
  conversation_id: string;
  author_name: string;
  body: string;
}

/**
 * E-mail for messages comes as at most one digest per recipient and period (MESSAGE_DIGEST_SECONDS, an
 * hour by default). Every posted message asks for the digest of the period it fell in: a delayed job whose
 * id names the recipient and the period's end, so a period has one job however many messages arrive. When
 * it runs it claims its (recipient, period) row first, so a retried or duplicated job sends nothing twice,
 * and re-reads everything: messages read meanwhile, muted types and e-mail preferences are honoured.
 */
@Injectable()
export class MessageDigestService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly mailer: Mailer,
    @InjectQueue(QUEUES.timers) private readonly timers: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async schedule(posted: MessagePostedPayload, now = Date.now()): Promise<void> {
    const periodMs = this.config.messageDigestSeconds * 1000;
    const periodEnd = (Math.floor(now / periodMs) + 1) * periodMs;
    const data: DigestJob = { profileId: posted.recipientId, periodEnd };
    await this.timers.add(JOBS.timers.messageDigest, data, {
      jobId: `message-digest-${posted.recipientId}-${periodEnd}`,
      delay: Math.max(0, periodEnd - now),
      removeOnComplete: true,
    });
  }

  /** Sends the digest for one recipient and period; answers what happened (for logs and tests). */
  async send(job: DigestJob): Promise<'sent' | 'already-sent' | 'nothing'> {
    return this.uow.run(async (tx) => {
      const periodEnd = new Date(job.periodEnd);
      const claimed = await sqlOne(
        tx,
        `INSERT INTO message_email_digests (profile_id, hour_end, messages) VALUES ($1, $2, 0)
         ON CONFLICT DO NOTHING RETURNING 1 AS ok`,
        [job.profileId, periodEnd],
      );
      if (!claimed) return 'already-sent';
      const target = await sqlOne<{ address: string; display_name: string; wanted: boolean }>(
        tx,
        `SELECT u.email AS address, p.display_name,
                coalesce(np.email, true) AND NOT ('message.received' = ANY (coalesce(np.muted_types, '{}'))) AS wanted
           FROM users u JOIN profiles p ON p.id = u.id
           LEFT JOIN notification_preferences np ON np.profile_id = u.id
          WHERE u.id = $1`,
        [job.profileId],
      );
      if (!target?.wanted || !this.mailer.enabled) return 'nothing';
      // Unread messages of this period and of any earlier period whose digest did not cover them.
      const messages = await sql<DigestMessage>(
        tx,
        `SELECT m.conversation_id, a.display_name AS author_name, m.body
           FROM conversation_parties p
           JOIN conversation_messages m ON m.conversation_id = p.conversation_id
           JOIN profiles a ON a.id = m.author_id
          WHERE p.profile_id = $1 AND m.author_id <> $1 AND p.unread_count > 0
            AND m.created_at > coalesce(p.last_read_at, '-infinity') AND m.created_at < $2
            AND m.created_at >= coalesce((SELECT max(hour_end) FROM message_email_digests
                                           WHERE profile_id = $1 AND hour_end < $2 AND messages > 0), '-infinity')
          ORDER BY m.created_at
          LIMIT $3`,
        [job.profileId, periodEnd, MAX_MESSAGES],
      );
      if (!messages.length) return 'nothing';
      await this.mailer.send(
        target.address,
        this.render(target.display_name, messages),
        `digest-${job.profileId}-${job.periodEnd}`,
      );
      await tx.query(`UPDATE message_email_digests SET messages = $3 WHERE profile_id = $1 AND hour_end = $2`, [
        job.profileId,
        periodEnd,
        messages.length,
      ]);
      return 'sent';
    });
  }

  private render(recipientName: string, messages: DigestMessage[]): RenderedEmail {
    const base = this.config.publicBaseUrl.replace(/\/$/, '');
    const name = recipientName.replace(/[\r\n]+/g, ' ').trim() || 'there';
    const shown = messages.map((m) => ({
      from: m.author_name.replace(/[\r\n]+/g, ' '),
      body: m.body.length > 300 ? `${m.body.slice(0, 299)}…` : m.body,
      url: `${base}/v1/conversations/${m.conversation_id}/messages`,
    }));
    const subject =
      messages.length === 1 ? '1 unread message on Guildhall' : `${messages.length} unread messages on Guildhall`;
    const text = [
      `Hi ${name},`,
      '',
      ...shown.flatMap((m) => [`${m.from} wrote:`, m.body, `Open: ${m.url}`, '']),
      '--',
      'Messages are mailed at most once an hour while you have not read them.',
      '',
    ].join('\n');
    const html = [
      '<!doctype html>',
      '<html><body style="font-family: sans-serif; line-height: 1.4">',
      `<p>Hi ${escapeHtml(name)},</p>`,
      ...shown.map(
        (m) =>
          `<p><strong>${escapeHtml(m.from)}</strong> wrote:<br>${escapeHtml(m.body).replace(/\n/g, '<br>')}<br>` +
          `<a href="${escapeHtml(m.url)}">Open</a></p>`,
      ),
      '</body></html>',
    ].join('\n');
    return { subject, text, html };
  }
}
