import type { Schemas } from '../../api/client';

export type NotificationType = Schemas['NotificationPreferencesView']['mutedTypes'][number];

export interface TypeGroup {
  legend: string;
  types: { type: NotificationType; label: string; description: string }[];
}

/** Every notification type a person can mute, in words, grouped by what it is about. */
export const TYPE_GROUPS: TypeGroup[] = [
  {
    legend: 'Requests',
    types: [
      { type: 'mentorship.requested', label: 'Mentorship requests', description: 'A learner asks you to mentor them' },
      { type: 'mentorship.accepted', label: 'Accepted requests', description: 'A mentor accepts your request' },
      { type: 'mentorship.declined', label: 'Declined requests', description: 'A mentor declines your request' },
      { type: 'mentorship.cancelled', label: 'Cancelled requests', description: 'A learner cancels their request' },
      { type: 'mentorship.expired', label: 'Expired requests', description: 'A request ends unanswered' },
      {
        type: 'mentorship.withdrawn',
        label: 'Withdrawn requests',
        description: 'A learner who found another mentor withdraws their request',
      },
    ],
  },
  {
    legend: 'Mentorships and sessions',
    types: [
      {
        type: 'mentorship.completed',
        label: 'Completed mentorships',
        description: 'The other person completes your mentorship',
      },
      { type: 'session.proposed', label: 'Session proposals', description: 'A session is proposed to you' },
      { type: 'session.confirmed', label: 'Session confirmations', description: 'Your proposed session is confirmed' },
      { type: 'session.updated', label: 'Rescheduled sessions', description: 'A session moves to another time' },
      { type: 'session.cancelled', label: 'Cancelled sessions', description: 'A session is called off' },
      { type: 'session.reminder', label: 'Session reminders', description: 'A confirmed session starts soon' },
    ],
  },
  {
    legend: 'Meetups',
    types: [
      {
        type: 'meetup.promoted',
        label: 'Seats from the waitlist',
        description: 'A seat frees up at a meetup you are waitlisted for',
      },
      { type: 'meetup.updated', label: 'Meetup changes', description: 'The time, place or link of a meetup changes' },
      { type: 'meetup.cancelled', label: 'Cancelled meetups', description: 'A meetup you signed up for is called off' },
      { type: 'meetup.reminder', label: 'Meetup reminders', description: 'A meetup you are going to starts soon' },
    ],
  },
  {
    legend: 'Messages and suggestions',
    types: [
      { type: 'message.received', label: 'New messages', description: 'Someone writes to you' },
      {
        type: 'suggestions.ready',
        label: 'Mentor suggestions',
        description: 'Your suggested mentors have been refreshed',
      },
    ],
  },
  {
    legend: 'Account',
    types: [
      {
        type: 'account.email_changed',
        label: 'E-mail address changes',
        description: 'The e-mail address of your account is changed',
      },
    ],
  },
];
