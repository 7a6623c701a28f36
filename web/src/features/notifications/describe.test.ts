import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../lib/time';
import { describeNotification, type Viewer } from './describe';
import { TYPE_GROUPS, type NotificationType } from './notification-types';

const LEARNER = '11111111-1111-4111-8111-111111111111';
const MENTOR = '22222222-2222-4222-8222-222222222222';
const MENTORSHIP = '33333333-3333-4333-8333-333333333333';
const MEETUP = '44444444-4444-4444-8444-444444444444';
const CONVERSATION = '55555555-5555-4555-8555-555555555555';
const learner: Viewer = { id: LEARNER, timeZone: 'Europe/Berlin' };
const mentor: Viewer = { id: MENTOR, timeZone: 'UTC' };
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** 2030-05-01T16:00:00Z as the viewer reads it, for a pattern. */
const AT = (viewer: Viewer) => escape(formatDateTime('2030-05-01T16:00:00Z', viewer.timeZone));

const parties = { learnerId: LEARNER, mentorId: MENTOR, learnerName: 'Lena Learner', mentorName: 'Max Mentor' };
const session = { sessionId: 'x', mentorshipId: MENTORSHIP, startsAt: '2030-05-01T16:00:00Z', ...parties };
const meetup = { meetupId: MEETUP, title: 'Index night', startsAt: '2030-05-01T16:00:00Z' };

/** Every type the API knows, each with the data its emitter and the fan-out store, as one viewer sees it. */
const CASES: Record<NotificationType, [Record<string, unknown>, Viewer, RegExp, string]> = {
  'mentorship.requested': [{ requestId: 'r', ...parties }, mentor, /^Lena Learner asked you/, '/requests?tab=received'],
  'mentorship.accepted': [
    { requestId: 'r', mentorshipId: MENTORSHIP, ...parties },
    learner,
    /^Max Mentor accepted your mentorship request/,
    `/mentorships/${MENTORSHIP}`,
  ],
  'mentorship.declined': [
    { requestId: 'r', reason: 'no_capacity', ...parties },
    learner,
    /^Max Mentor declined your mentorship request: they have no free slot\.$/,
    '/requests?tab=sent',
  ],
  'mentorship.cancelled': [{ requestId: 'r', ...parties }, mentor, /^Lena Learner cancelled/, '/requests?tab=received'],
  'mentorship.expired': [
    { requestId: 'r', ...parties },
    learner,
    /request to Max Mentor expired/,
    '/requests?tab=sent',
  ],
  'mentorship.withdrawn': [{ requestId: 'r', ...parties }, mentor, /^Lena Learner withdrew/, '/requests?tab=received'],
  'mentorship.completed': [
    { mentorshipId: MENTORSHIP, completedBy: MENTOR, completedByName: 'Max Mentor', ...parties },
    learner,
    /^Max Mentor marked your mentorship as completed/,
    `/mentorships/${MENTORSHIP}`,
  ],
  'suggestions.ready': [{ learnerId: LEARNER, count: 3 }, learner, /3 mentors fit your goals/, '/suggestions'],
  'meetup.promoted': [meetup, learner, /you are now going to “Index night”/, `/meetups/${MEETUP}`],
  'meetup.updated': [
    { ...meetup, changes: ['startsAt', 'endsAt', 'venue'] },
    learner,
    new RegExp(`^“Index night” changed its start time, end time and place\\. It starts ${AT(learner)}\\.$`),
    `/meetups/${MEETUP}`,
  ],
  'meetup.cancelled': [meetup, learner, /^“Index night” was cancelled\.$/, `/meetups/${MEETUP}`],
  'meetup.reminder': [
    meetup,
    mentor,
    new RegExp(`^Reminder: “Index night” starts ${AT(mentor)}\\.$`),
    `/meetups/${MEETUP}`,
  ],
  'message.received': [
    { conversationId: CONVERSATION, authorId: MENTOR, authorName: 'Max Mentor' },
    learner,
    /^Max Mentor sent you a message\.$/,
    `/messages/${CONVERSATION}`,
  ],
  'session.proposed': [
    { ...session, actorId: MENTOR, actorName: 'Max Mentor' },
    learner,
    new RegExp(`^Max Mentor proposed a mentoring session on ${AT(learner)}\\.$`),
    `/mentorships/${MENTORSHIP}`,
  ],
  'session.confirmed': [
    { ...session, actorId: LEARNER, actorName: 'Lena Learner' },
    mentor,
    /^Lena Learner confirmed your mentoring session on/,
    `/mentorships/${MENTORSHIP}`,
  ],
  'session.updated': [
    { ...session, actorId: MENTOR, actorName: 'Max Mentor' },
    learner,
    new RegExp(`^Max Mentor moved your mentoring session to ${AT(learner)}\\.$`),
    `/mentorships/${MENTORSHIP}`,
  ],
  'session.cancelled': [
    { ...session, actorId: MENTOR, actorName: 'Max Mentor' },
    learner,
    /^Max Mentor cancelled your mentoring session on/,
    `/mentorships/${MENTORSHIP}`,
  ],
  'session.reminder': [
    session,
    mentor,
    new RegExp(`^Reminder: your mentoring session with Lena Learner starts ${AT(mentor)}\\.$`),
    `/mentorships/${MENTORSHIP}`,
  ],
  'account.email_changed': [{}, learner, /^The e-mail address of your account was changed\.$/, '/settings/account'],
};

describe('describeNotification', () => {
  it.each(Object.entries(CASES))(
    'says %s in words with names and links to its subject',
    (type, [data, viewer, text, to]) => {
      const described = describeNotification(type, data, viewer);
      expect(described.text).toMatch(text);
      expect(described.to).toBe(to);
    },
  );

  it('reads well without the names older notifications lack', () => {
    expect(describeNotification('mentorship.requested', { requestId: 'r' }, learner).text).toBe(
      'A learner asked you to be their mentor.',
    );
    expect(describeNotification('meetup.cancelled', { meetupId: MEETUP }, learner).text).toBe(
      'A meetup you signed up for was cancelled.',
    );
    expect(describeNotification('session.reminder', { mentorshipId: MENTORSHIP }, learner).text).toBe(
      'Reminder: your mentoring session starts soon.',
    );
    expect(describeNotification('message.received', {}, learner)).toEqual({
      text: 'Someone sent you a message.',
      to: '/messages',
    });
  });

  it('names the other party of a program match and of an expired request, whoever reads it', () => {
    const data = { mentorshipId: MENTORSHIP, programId: 'p', ...parties };
    expect(describeNotification('mentorship.accepted', data, learner).text).toMatch(/matched you with Max Mentor/);
    expect(describeNotification('mentorship.accepted', data, mentor).text).toMatch(/matched you with Lena Learner/);
    expect(describeNotification('mentorship.expired', parties, mentor)).toEqual({
      text: 'The mentorship request from Lena Learner expired before it was answered.',
      to: '/requests?tab=received',
    });
  });

  it('links an account notification to the account settings', () => {
    expect(describeNotification('account.email_changed', {}, learner).to).toBe('/settings/account');
  });
});

describe('TYPE_GROUPS', () => {
  it('offers every notification type to mute exactly once, each with its own name', () => {
    const listed = TYPE_GROUPS.flatMap((group) => group.types);
    expect(listed.map((t) => t.type).sort()).toEqual(Object.keys(CASES).sort());
    expect(new Set(listed.map((t) => t.label)).size).toBe(listed.length);
  });
});
