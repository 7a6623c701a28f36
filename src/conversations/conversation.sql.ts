/**
 * Whether the conversation `c` is open, derived from the matching module's state rather than stored, so it
 * can never drift from it: open while a request between the two is pending (and not overdue) or a
 * mentorship between them is active, and closed at once by a block either way. Every branch is an index probe.
 */
export const OPEN_SQL = `(
  NOT EXISTS (SELECT 1 FROM blocks b
               WHERE (b.blocker_id = c.learner_id AND b.blocked_id = c.mentor_id)
                  OR (b.blocker_id = c.mentor_id AND b.blocked_id = c.learner_id))
  AND (EXISTS (SELECT 1 FROM mentorship_requests r
                WHERE r.learner_id = c.learner_id AND r.mentor_id = c.mentor_id
                  AND r.status = 'pending' AND r.expires_at > now())
       OR EXISTS (SELECT 1 FROM mentorships m
                   WHERE m.learner_id = c.learner_id AND m.mentor_id = c.mentor_id AND m.status = 'active')))`;

export const MESSAGE_COLUMNS = 'm.id, m.author_id, m.body, m.created_at';

export const INSERT_MESSAGE_SQL = `
  INSERT INTO conversation_messages AS m (conversation_id, author_id, body) VALUES ($1, $2, $3)
  RETURNING ${MESSAGE_COLUMNS}`;

export interface MessageRow {
  id: string;
  author_id: string;
  body: string;
  created_at: Date;
}

/**
 * The caller's conversations, latest activity first, in one statement: the party row gives the order (by
 * its index), the unread count (a counter kept with each message) and the other party; the last message is
 * one index probe per row shown.
 */
export const LIST_SQL = `
  SELECT c.id, c.request_id, c.mentorship_id, p.other_id, o.display_name AS other_name, p.unread_count,
         p.last_activity_at::text AS key, ${OPEN_SQL} AS open,
         lm.id AS last_id, lm.author_id AS last_author_id, lm.body AS last_body, lm.created_at AS last_created_at
    FROM conversation_parties p
    JOIN conversations c ON c.id = p.conversation_id
    JOIN profiles o ON o.id = p.other_id
    LEFT JOIN LATERAL (
      SELECT ${MESSAGE_COLUMNS} FROM conversation_messages m
       WHERE m.conversation_id = p.conversation_id
       ORDER BY m.created_at DESC, m.id DESC LIMIT 1) lm ON true
   WHERE p.profile_id = $1
     AND ($2::timestamptz IS NULL OR (p.last_activity_at, p.conversation_id) < ($2::timestamptz, $3::uuid))
   ORDER BY p.last_activity_at DESC, p.conversation_id DESC
   LIMIT $4`;

export interface ListRow {
  id: string;
  request_id: string | null;
  mentorship_id: string | null;
  other_id: string;
  other_name: string;
  unread_count: number;
  key: string;
  open: boolean;
  last_id: string | null;
  last_author_id: string | null;
  last_body: string | null;
  last_created_at: Date | null;
}
