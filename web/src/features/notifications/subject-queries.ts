/**
 * What a notification says has changed, as the query-key prefixes whose cached answers it makes stale: a page
 * that shows the subject (a mentorship's sessions, a request list, a conversation, a meetup) refetches at once
 * instead of at its next poll. The prefixes are the features' own keys, written out here so that the stream,
 * which every signed-in page mounts, pulls no feature code into the entry chunk (subject-queries.test.ts holds
 * them to the features' key functions).
 */
export type QueryPrefix = readonly unknown[];

interface NotificationEvent {
  type?: unknown;
  data?: unknown;
}

function idIn(data: unknown, key: string): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const v = (data as Record<string, unknown>)[key];
  return typeof v === 'string' && v !== '' ? v : null;
}

/** The prefixes to invalidate for one `notification` event's data (JSON); none when it cannot be read. */
export function subjectQueriesOf(json: string): QueryPrefix[] {
  let event: NotificationEvent;
  try {
    event = JSON.parse(json) as NotificationEvent;
  } catch {
    return [];
  }
  const type = typeof event.type === 'string' ? event.type : '';
  const mentorshipId = idIn(event.data, 'mentorshipId');
  const meetupId = idIn(event.data, 'meetupId');
  const conversationId = idIn(event.data, 'conversationId');

  if (type.startsWith('session.'))
    return mentorshipId
      ? [
          ['mentorships', mentorshipId, 'sessions'],
          ['mentorships', mentorshipId, 'slots'],
        ]
      : [['mentorships']];
  if (type === 'mentorship.completed') return [['mentorships']];
  if (type.startsWith('mentorship.')) return [['mentorship-requests'], ['mentorships']];
  if (type === 'message.received')
    return conversationId
      ? [
          ['conversations', 'list'],
          ['conversations', 'messages', conversationId],
        ]
      : [['conversations']];
  if (type.startsWith('meetup.')) return meetupId ? [['meetups', meetupId]] : [['meetups']];
  if (type === 'suggestions.ready') return [['match-suggestions']];
  return [];
}
