import { describe, expect, it } from 'vitest';
import { suggestionsQuery } from '../matching/suggestions-query';
import { meetupKey } from '../meetups/use-meetups';
import { listKey, messagesKey } from '../messages/use-conversations';
import { sessionsKey, slotsKey } from '../sessions/use-sessions';
import { subjectQueriesOf, type QueryPrefix } from './subject-queries';

const event = (type: string, data: Record<string, unknown>) => JSON.stringify({ id: 'n1', type, data });
/** A prefix matches a key the way TanStack Query's invalidateQueries matches it. */
const covers = (prefix: QueryPrefix, key: readonly unknown[]) => prefix.every((part, i) => key[i] === part);

describe('subjectQueriesOf', () => {
  it('marks a mentorship’s sessions and free times for a session notification', () => {
    const prefixes = subjectQueriesOf(event('session.confirmed', { mentorshipId: 'm1', sessionId: 's1' }));
    expect(prefixes.some((p) => covers(p, sessionsKey('m1')))).toBe(true);
    expect(prefixes.some((p) => covers(p, slotsKey('m1', 60)))).toBe(true);
    expect(prefixes.some((p) => covers(p, sessionsKey('m2')))).toBe(false);
  });

  it('marks the conversation list and that conversation’s messages for a new message', () => {
    const prefixes = subjectQueriesOf(event('message.received', { conversationId: 'c1' }));
    expect(prefixes.some((p) => covers(p, listKey))).toBe(true);
    expect(prefixes.some((p) => covers(p, messagesKey('c1')))).toBe(true);
    expect(prefixes.some((p) => covers(p, messagesKey('c2')))).toBe(false);
  });

  it('marks request lists for request events, the meetup for meetup events, suggestions when ready', () => {
    expect(subjectQueriesOf(event('mentorship.requested', { requestId: 'r1' }))).toContainEqual([
      'mentorship-requests',
    ]);
    const meetup = subjectQueriesOf(event('meetup.promoted', { meetupId: 'e1' }));
    expect(meetup.some((p) => covers(p, [...meetupKey('e1'), 'viewer']))).toBe(true);
    const ready = subjectQueriesOf(event('suggestions.ready', {}));
    expect(ready.some((p) => covers(p, suggestionsQuery.queryKey))).toBe(true);
  });

  it('marks nothing for data it cannot read', () => {
    expect(subjectQueriesOf('not json')).toEqual([]);
    expect(subjectQueriesOf(event('admin.something', {}))).toEqual([]);
  });
});
