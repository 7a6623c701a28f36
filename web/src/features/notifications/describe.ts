import { formatDateTime } from '../../lib/time';

/** What a notification says and the page it is about. */
export interface Described {
  text: string;
  to: string;
}

export interface Viewer {
  /** The signed-in person's id: tells which party of a mentorship "the other person" is. */
  id: string | undefined;
  timeZone: string;
}

type Data = Record<string, unknown>;

const DECLINE_REASONS: Record<string, string> = {
  no_capacity: 'they have no free slot',
  skills_mismatch: 'the skills did not match',
  schedule_mismatch: 'your schedules did not match',
};

const MEETUP_CHANGES: Record<string, string> = {
  startsAt: 'start time',
  endsAt: 'end time',
  timezone: 'time zone',
  online: 'format',
  onlineUrl: 'online link',
  venue: 'place',
};

function str(data: Data, key: string): string | null {
  const v = data[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** "a, b and c". */
function joinWords(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * Every notification type in words, with the names the API stored in its data when it was created (older
 * notifications without them still read well), and the page it links to.
 */
export function describeNotification(type: string, data: Data, viewer: Viewer): Described {
  const learner = str(data, 'learnerName') ?? 'A learner';
  const mentor = str(data, 'mentorName') ?? 'Your mentor';
  const actor = str(data, 'actorName') ?? 'The other person';
  const meetup = str(data, 'title');
  const meetupName = meetup ? `“${meetup}”` : 'A meetup you signed up for';
  const iAmLearner = viewer.id !== undefined && str(data, 'learnerId') === viewer.id;
  const iAmMentor = viewer.id !== undefined && str(data, 'mentorId') === viewer.id;
  /** The other party of the mentorship, when the data names both. */
  const other = iAmLearner ? str(data, 'mentorName') : iAmMentor ? str(data, 'learnerName') : null;
  const at = (key: string): string | null => {
    const iso = str(data, key);
    return iso && !Number.isNaN(Date.parse(iso)) ? formatDateTime(iso, viewer.timeZone) : null;
  };
  const on = (key: string) => {
    const when = at(key);
    return when ? ` on ${when}` : '';
  };

  const mentorshipId = str(data, 'mentorshipId');
  const mentorshipPage = mentorshipId ? `/mentorships/${mentorshipId}` : '/mentorships';
  const meetupId = str(data, 'meetupId');
  const meetupPage = meetupId ? `/meetups/${meetupId}` : '/meetups';
  const conversationId = str(data, 'conversationId');

  switch (type) {
    case 'mentorship.requested':
      return { text: `${learner} asked you to be their mentor.`, to: '/requests?tab=received' };
    case 'mentorship.accepted':
      if (str(data, 'programId'))
        return {
          text: other
            ? `A mentoring program matched you with ${other}: your mentorship has started.`
            : 'A mentoring program matched you: your mentorship has started.',
          to: mentorshipPage,
        };
      return { text: `${mentor} accepted your mentorship request.`, to: mentorshipPage };
    case 'mentorship.declined': {
      const reason = DECLINE_REASONS[str(data, 'reason') ?? ''];
      return {
        text: `${mentor} declined your mentorship request${reason ? `: ${reason}` : ''}.`,
        to: '/requests?tab=sent',
      };
    }
    case 'mentorship.cancelled':
      return { text: `${learner} cancelled their mentorship request to you.`, to: '/requests?tab=received' };
    case 'mentorship.expired':
      return iAmLearner
        ? { text: `Your mentorship request to ${mentor} expired without an answer.`, to: '/requests?tab=sent' }
        : {
            text: `The mentorship request from ${learner} expired before it was answered.`,
            to: '/requests?tab=received',
          };
    case 'mentorship.withdrawn':
      return {
        text: `${learner} withdrew their mentorship request to you: they started another mentorship.`,
        to: '/requests?tab=received',
      };
    case 'mentorship.completed': {
      const by = str(data, 'completedByName') ?? other ?? 'The other person';
      return { text: `${by} marked your mentorship as completed. Leave feedback.`, to: mentorshipPage };
    }
    case 'suggestions.ready': {
      const count = typeof data.count === 'number' ? data.count : null;
      return {
        text:
          count === null
            ? 'Your mentor suggestions are ready.'
            : `Your mentor suggestions are ready: ${count} ${count === 1 ? 'mentor fits' : 'mentors fit'} your goals.`,
        to: '/suggestions',
      };
    }
    case 'meetup.promoted':
      return {
        text: meetup
          ? `A seat freed up: you are now going to “${meetup}”.`
          : 'A seat freed up: you are now going to a meetup you were waitlisted for.',
        to: meetupPage,
      };
    case 'meetup.updated': {
      const changes = Array.isArray(data.changes)
        ? [...new Set(data.changes.map((c) => MEETUP_CHANGES[String(c)]).filter(Boolean))]
        : [];
      const what = changes.length ? `its ${joinWords(changes)}` : 'its details';
      const when = at('startsAt');
      return {
        text: `${meetupName} changed ${what}.${when ? ` It starts ${when}.` : ''}`,
        to: meetupPage,
      };
    }
    case 'meetup.cancelled':
      return { text: `${meetupName} was cancelled.`, to: meetupPage };
    case 'meetup.reminder': {
      const when = at('startsAt');
      return { text: `Reminder: ${meetupName} starts ${when ?? 'soon'}.`, to: meetupPage };
    }
    case 'message.received':
      return {
        text: `${str(data, 'authorName') ?? 'Someone'} sent you a message.`,
        to: conversationId ? `/messages/${conversationId}` : '/messages',
      };
    case 'session.proposed':
      return { text: `${actor} proposed a mentoring session${on('startsAt')}.`, to: mentorshipPage };
    case 'session.confirmed':
      return { text: `${actor} confirmed your mentoring session${on('startsAt')}.`, to: mentorshipPage };
    case 'session.updated':
      return {
        text: `${actor} moved your mentoring session to ${at('startsAt') ?? 'a new time'}.`,
        to: mentorshipPage,
      };
    case 'session.cancelled':
      return { text: `${actor} cancelled your mentoring session${on('startsAt')}.`, to: mentorshipPage };
    case 'session.reminder': {
      const when = at('startsAt');
      return {
        text: `Reminder: your mentoring session${other ? ` with ${other}` : ''} starts ${when ?? 'soon'}.`,
        to: mentorshipPage,
      };
    }
    case 'account.email_changed':
      return { text: 'The e-mail address of your account was changed.', to: '/settings/account' };
    default:
      return { text: 'Something happened in your account.', to: '/' };
  }
}
