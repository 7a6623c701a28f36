import { Injectable } from '@nestjs/common';
import { Conflict, NotFound } from '../common/errors/domain-error.js';
import { decodeCursor, pageLimit, toPage, type Page } from '../common/pagination/cursor.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import { EventsService, type PendingEvent } from '../queues/events.service.js';
import type {
  ConversationView,
  ListConversationsQuery,
  ListMessagesQuery,
  MessageView,
} from './dto/conversation.dto.js';
import {
  INSERT_MESSAGE_SQL,
  LIST_SQL,
  MESSAGE_COLUMNS,
  OPEN_SQL,
  type ListRow,
  type MessageRow,
} from './conversation.sql.js';
import { MessageRateLimiter } from './message-rate-limiter.js';

export interface LearnerMentorPair {
  learnerId: string;
  mentorId: string;
}

const messageView = (r: MessageRow): MessageView => ({
  id: r.id,
  authorId: r.author_id,
  body: r.body,
  createdAt: new Date(r.created_at).toISOString(),
});

const conversationView = (r: ListRow): ConversationView => ({
  id: r.id,
  with: { id: r.other_id, displayName: r.other_name },
  requestId: r.request_id,
  mentorshipId: r.mentorship_id,
  lastMessage:
    r.last_id === null
      ? null
      : messageView({
          id: r.last_id,
          author_id: r.last_author_id!,
          body: r.last_body!,
          created_at: r.last_created_at!,
        }),
  unreadCount: r.unread_count,
  open: r.open,
});

/**
 * Conversations between a learner and a mentor: one per pair, owned here. Matching opens them from inside
 * its own transactions (a request, an accept, a published program) through openForRequest/attachMentorships;
 * whether one is open is derived from the pair's requests, mentorships and blocks (see OPEN_SQL).
 */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
    private readonly limiter: MessageRateLimiter,
  ) {}

  /** A request opens (or reopens) the pair's conversation; its message is the conversation's next message. */
  async openForRequest(tx: Tx, pair: LearnerMentorPair & { requestId: string; message: string }): Promise<string> {
    const [id] = await this.upsert(tx, [pair], 'request_id', [pair.requestId]);
    const message = (await sqlOne<MessageRow>(tx, INSERT_MESSAGE_SQL, [
      id,
      pair.learnerId,
      pair.message.slice(0, 4000),
    ]))!;
    // The mentor is told by mentorship.requested, so this first message raises no message.received of its own.
    await this.recordActivity(tx, id, pair.learnerId, message.created_at);
    return id;
  }

  /** Mentorships (accepted or published from a program) join their pair's conversation, opening it if new. */
  async attachMentorships(tx: Tx, pairs: (LearnerMentorPair & { mentorshipId: string })[]): Promise<void> {
    if (!pairs.length) return;
    await this.upsert(
      tx,
      pairs,
      'mentorship_id',
      pairs.map((p) => p.mentorshipId),
    );
  }

  async list(userId: string, q: ListConversationsQuery): Promise<Page<ConversationView>> {
    const limit = pageLimit(q);
    const after = decodeCursor<[string, string]>(q.cursor, 2);
    const rows = await sql<ListRow>(this.uow.dataSource, LIST_SQL, [
      userId,
      after?.[0] ?? null,
      after?.[1] ?? null,
      limit + 1,
    ]);
    return toPage(rows, limit, conversationView, (r) => [r.key, r.id]);
  }

  async messages(userId: string, id: string, q: ListMessagesQuery): Promise<Page<MessageView>> {
    const limit = pageLimit(q);
    const after = decodeCursor<[string, string]>(q.cursor, 2);
    const rows = await sql<MessageRow & { key: string; member: boolean }>(
      this.uow.dataSource,
      `SELECT ${MESSAGE_COLUMNS}, m.created_at::text AS key
         FROM conversation_parties p
         JOIN conversation_messages m ON m.conversation_id = p.conversation_id
        WHERE p.conversation_id = $1 AND p.profile_id = $2
          AND ($3::timestamptz IS NULL OR (m.created_at, m.id) < ($3::timestamptz, $4::uuid))
        ORDER BY m.created_at DESC, m.id DESC
        LIMIT $5`,
      [id, userId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    if (!rows.length) await this.assertParty(id, userId);
    return toPage(rows, limit, messageView, (r) => [r.key, r.id]);
  }

  /**
   * Posts a message. The other party's unread counter moves in the same statement that orders the list, and
   * `message.received` goes out only when that counter leaves zero, so unread messages notify once.
   */
  async post(userId: string, id: string, body: string): Promise<MessageView> {
    await this.limiter.hit(userId);
    return this.uow.run(async (tx) => {
      const c = await sqlOne<{ open: boolean }>(
        tx,
        `SELECT ${OPEN_SQL} AS open FROM conversations c
           JOIN conversation_parties p ON p.conversation_id = c.id AND p.profile_id = $2
          WHERE c.id = $1 FOR SHARE OF c`,
        [id, userId],
      );
      if (!c) throw new NotFound('Conversation');
      if (!c.open)
        throw new Conflict(
          'CONVERSATION_CLOSED',
          'This conversation is read-only: no request is pending and no mentorship is active between you.',
        );
      const message = (await sqlOne<MessageRow>(tx, INSERT_MESSAGE_SQL, [id, userId, body]))!;
      const recipients = await this.recordActivity(tx, id, userId, message.created_at);
      const events: PendingEvent[] = [];
      for (const r of recipients) {
        events.push({
          type: 'message.posted',
          payload: { conversationId: id, messageId: message.id, authorId: userId, recipientId: r.profile_id },
        });
        if (r.unread_count === 1)
          events.push({
            type: 'message.received',
            payload: { conversationId: id, authorId: userId, recipientIds: [r.profile_id] },
          });
      }
      await this.events.emitMany(tx, events);
      return messageView(message);
    });
  }

  async markRead(userId: string, id: string): Promise<void> {
    const rows = await sql(
      this.uow.dataSource,
      `UPDATE conversation_parties SET unread_count = 0, last_read_at = clock_timestamp()
        WHERE conversation_id = $1 AND profile_id = $2 RETURNING 1`,
      [id, userId],
    );
    if (!rows.length) throw new NotFound('Conversation');
  }

  private async assertParty(id: string, userId: string): Promise<void> {
    const row = await sqlOne(
      this.uow.dataSource,
      `SELECT 1 FROM conversation_parties WHERE conversation_id = $1 AND profile_id = $2`,
      [id, userId],
    );
    if (!row) throw new NotFound('Conversation');
  }

  /** Moves both parties' activity time and counts the message as unread for everyone but its author. */
  private recordActivity(
    tx: Tx,
    id: string,
    authorId: string,
    at: Date,
  ): Promise<{ profile_id: string; unread_count: number }[]> {
    return sql<{ profile_id: string; unread_count: number }>(
      tx,
      `UPDATE conversation_parties
          SET last_activity_at = greatest(last_activity_at, $3),
              unread_count = unread_count + CASE WHEN profile_id = $2 THEN 0 ELSE 1 END
        WHERE conversation_id = $1
        RETURNING profile_id, unread_count`,
      [id, authorId, at],
    ).then((rows) => rows.filter((r) => r.profile_id !== authorId));
  }

  /** One conversation per pair: insert or point the existing one at the newest request or mentorship. */
  private async upsert(
    tx: Tx,
    pairs: LearnerMentorPair[],
    column: 'request_id' | 'mentorship_id',
    refs: string[],
  ): Promise<string[]> {
    const rows = await sql<{ id: string; learner_id: string; mentor_id: string }>(
      tx,
      `INSERT INTO conversations (learner_id, mentor_id, ${column})
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[])
       ON CONFLICT (learner_id, mentor_id) DO UPDATE SET ${column} = EXCLUDED.${column}
       RETURNING id, learner_id, mentor_id`,
      [pairs.map((p) => p.learnerId), pairs.map((p) => p.mentorId), refs],
    );
    await tx.query(
      `INSERT INTO conversation_parties (conversation_id, profile_id, other_id)
       SELECT id, a, b FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS t(id, l, m),
              LATERAL (VALUES (l, m), (m, l)) AS v(a, b)
       ON CONFLICT DO NOTHING`,
      [rows.map((r) => r.id), rows.map((r) => r.learner_id), rows.map((r) => r.mentor_id)],
    );
    const byPair = new Map(rows.map((r) => [`${r.learner_id}|${r.mentor_id}`, r.id]));
    return pairs.map((p) => byPair.get(`${p.learnerId}|${p.mentorId}`)!);
  }
}
