// One small template per notification type: a subject and a few lines built from the notification's data
// (which carries ids, plus whatever harmless context the emitting module adds), rendered as text and HTML.
import type { NotificationType } from '../../queues/event-types.js';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface EmailContext {
  publicBaseUrl: string;
  recipientName: string;
}

type Data = Record<string, unknown>;

interface Template {
  subject: (d: Data) => string;
  lines: (d: Data) => string[];
  /** The resource the message is about, as a path under PUBLIC_BASE_URL. */
  link: (d: Data) => string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A short single-line string from data, or null: values end up in a mail header and in HTML. */
function text(d: Data, key: string, max = 120): string | null {
  const v = d[key];
  if (typeof v !== 'string') return null;
  const clean = v.replace(/[\r\n\t]+/g, ' ').trim();
  if (!clean) return null;
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function path(collection: string, id: unknown): string | null {
  return typeof id === 'string' && UUID.test(id) ? `/v1/${collection}/${id.toLowerCase()}` : null;
}

const requestLink = (d: Data) =>
  path('mentorship-requests', d.requestId) ?? path('mentorships', d.mentorshipId) ?? '/v1/mentorship-requests';
const mentorshipLink = (d: Data) => path('mentorships', d.mentorshipId) ?? requestLink(d);
const conversationLink = (d: Data) => path('conversations', d.conversationId) ?? '/v1/conversations';
const sessionLink = (d: Data) =>
  typeof d.sessionId === 'string' && UUID.test(d.sessionId) ? `${mentorshipLink(d)}/sessions` : mentorshipLink(d);
const meetupLink = (d: Data) => path('meetups', d.meetupId) ?? '/v1/meetups';

function meetupName(d: Data): string {
  const title = text(d, 'title');
  return title ? `“${title}”` : 'a meetup';
}

function when(d: Data): string | null {
  const raw = text(d, 'startsAt', 40);
  if (!raw) return null;
  const t = new Date(raw);
  return Number.isNaN(t.getTime())
    ? null
    : t
        .toISOString()
        .replace('T', ' ')
        .replace(/:\d\d\.\d{3}Z$/, ' UTC');
}

const DECLINE_REASONS: Record<string, string> = {
  no_capacity: 'the mentor has no free slot',
  skills_mismatch: 'the skills did not match',
  schedule_mismatch: 'the schedules did not match',
  other: 'another reason',
};

const TEMPLATES: Record<NotificationType, Template> = {
  'mentorship.requested': {
    subject: () => 'New mentorship request',
    lines: () => ['A learner has asked you to be their mentor.', 'Review the request and accept or decline it.'],
    link: requestLink,
  },
  'mentorship.accepted': {
    subject: () => 'Your mentorship request was accepted',
    lines: () => ['Good news: your mentor accepted your request. Your mentorship has started.'],
    link: mentorshipLink,
  },
  'mentorship.declined': {
    subject: () => 'Your mentorship request was declined',
    lines: (d) => {
      const reason = typeof d.reason === 'string' ? DECLINE_REASONS[d.reason] : undefined;
      return [
        reason ? `The mentor declined your request: ${reason}.` : 'The mentor declined your request.',
        'You can look for another mentor.',
      ];
    },
    link: requestLink,
  },
  'mentorship.cancelled': {
    subject: () => 'A mentorship request was cancelled',
    lines: (d) => [
      d.reason === 'account_deleted'
        ? 'A mentorship request was cancelled because the other member deleted their account.'
        : 'The learner cancelled their mentorship request to you.',
    ],
    link: requestLink,
  },
  'mentorship.expired': {
    subject: () => 'A mentorship request expired',
    lines: () => ['A mentorship request expired before it was answered.'],
    link: requestLink,
  },
  'mentorship.withdrawn': {
    subject: () => 'A mentorship request was withdrawn',
    lines: () => ['A mentorship request was withdrawn because the learner started another mentorship.'],
    link: requestLink,
  },
  'mentorship.completed': {
    subject: () => 'Your mentorship is complete',
    lines: (d) =>
      d.reason === 'account_deleted'
        ? ['Your mentorship ended because the other member deleted their account.']
        : ['Your mentorship was marked as completed.', 'You can now leave feedback.'],
    link: mentorshipLink,
  },
  'suggestions.ready': {
    subject: () => 'Your mentor suggestions are ready',
    lines: () => ['We ranked the mentors who fit your goals best. Have a look.'],
    link: () => '/v1/match-suggestions',
  },
  'meetup.promoted': {
    subject: (d) => `You have a seat at ${meetupName(d)}`,
    lines: (d) => [`A seat freed up: you moved from the waitlist to going for ${meetupName(d)}.`],
    link: meetupLink,
  },
  'meetup.updated': {
    subject: (d) => `${capitalise(meetupName(d))} has changed`,
    lines: (d) => {
      const at = when(d);
      return [
        `The time, place or link of ${meetupName(d)} changed.`,
        ...(at ? [`It now starts ${at}.`] : []),
        'Check the details before you go.',
      ];
    },
    link: meetupLink,
  },
  'meetup.cancelled': {
    subject: (d) => `${capitalise(meetupName(d))} was cancelled`,
    lines: (d) => [`The organizer cancelled ${meetupName(d)}.`],
    link: meetupLink,
  },
  'meetup.reminder': {
    subject: (d) => `Reminder: ${meetupName(d)} starts soon`,
    lines: (d) => {
      const at = when(d);
      return [at ? `${capitalise(meetupName(d))} starts ${at}.` : `${capitalise(meetupName(d))} starts soon.`];
    },
    link: meetupLink,
  },
  'message.received': {
    subject: () => 'You have a new message',
    lines: () => ['You have a new message in a Guildhall conversation.'],
    link: conversationLink,
  },
  'session.proposed': {
    subject: () => 'A mentorship session was proposed',
    lines: (d) => {
      const at = when(d);
      return [
        at ? `A session was proposed for ${at}.` : 'A session was proposed.',
        'Confirm it or suggest another time.',
      ];
    },
    link: sessionLink,
  },
  'session.confirmed': {
    subject: () => 'Your mentorship session is confirmed',
    lines: (d) => {
      const at = when(d);
      return [at ? `Your session on ${at} is confirmed.` : 'Your session is confirmed.'];
    },
    link: sessionLink,
  },
  'session.updated': {
    subject: () => 'A mentorship session changed',
    lines: (d) => {
      const at = when(d);
      return [at ? `A session was changed; it starts ${at}.` : 'A session was changed.', 'Check the details.'];
    },
    link: sessionLink,
  },
  'session.cancelled': {
    subject: () => 'A mentorship session was cancelled',
    lines: () => ['A mentorship session was cancelled.'],
    link: sessionLink,
  },
  'session.reminder': {
    subject: () => 'Reminder: your mentorship session starts soon',
    lines: (d) => {
      const at = when(d);
      return [at ? `Your mentorship session starts ${at}.` : 'Your mentorship session starts soon.'];
    },
    link: sessionLink,
  },
  'account.email_changed': {
    subject: () => 'Your Guildhall e-mail address was changed',
    lines: () => [
      'The e-mail address of your Guildhall account was changed.',
      'If you did not do this, reset your password and contact us.',
    ],
    link: () => '/v1/me',
  },
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

export function renderNotificationEmail(type: NotificationType, data: Data, ctx: EmailContext): RenderedEmail {
  const t = TEMPLATES[type];
  const footer = 'You receive this because e-mail notifications are on in your Guildhall notification preferences.';
  return renderEmail(
    { subject: t.subject(data), lines: t.lines(data), url: `${ctx.publicBaseUrl.replace(/\/$/, '')}${t.link(data)}` },
    ctx.recipientName,
    footer,
  );
}

/** The one layout of every Guildhall mail: greeting, lines, one link, footer; text and HTML. */
export function renderEmail(
  content: { subject: string; lines: string[]; url: string; linkLabel?: string },
  recipientName: string,
  footer: string,
): RenderedEmail {
  const subject = content.subject.replace(/[\r\n]+/g, ' ');
  const { url, lines } = content;
  const name = recipientName.replace(/[\r\n]+/g, ' ').trim() || 'there';
  const textBody = [`Hi ${name},`, '', ...lines, '', `Open: ${url}`, '', '--', footer, ''].join('\n');
  const html = [
    '<!doctype html>',
    '<html><body style="font-family: sans-serif; line-height: 1.4">',
    `<p>Hi ${escapeHtml(name)},</p>`,
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p><a href="${escapeHtml(url)}">${escapeHtml(content.linkLabel ?? 'Open in Guildhall')}</a></p>`,
    `<p style="color: #666; font-size: 12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text: textBody, html };
}
