import { describe, expect, it } from '@jest/globals';
import { NOTIFICATION_TYPES } from '../../queues/event-types.js';
import { escapeHtml, renderNotificationEmail } from './email-templates.js';

const ctx = { publicBaseUrl: 'https://guildhall.example/', recipientName: 'Ada' };
const id = '0b9b3c1e-7d6c-4b8e-9a4f-2f1e3d4c5b6a';

describe('renderNotificationEmail', () => {
  it.each(NOTIFICATION_TYPES.map((t) => [t]))(
    'renders %s as a subject, a text part and an HTML part with a link',
    (type) => {
      const mail = renderNotificationEmail(type, { requestId: id, mentorshipId: id, meetupId: id }, ctx);
      expect(mail.subject.length).toBeGreaterThan(5);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.text).toMatch(/^Hi Ada,\n/);
      expect(mail.text).toMatch(/Open: https:\/\/guildhall\.example\/v1\//);
      expect(mail.html).toContain('<a href="https://guildhall.example/v1/');
      expect(mail.html).toContain('<p>Hi Ada,</p>');
    },
  );

  it('links the object the notification is about', () => {
    expect(renderNotificationEmail('mentorship.requested', { requestId: id }, ctx).text).toContain(
      `https://guildhall.example/v1/mentorship-requests/${id}`,
    );
    expect(renderNotificationEmail('mentorship.completed', { mentorshipId: id }, ctx).text).toContain(
      `/v1/mentorships/${id}`,
    );
    expect(renderNotificationEmail('meetup.cancelled', { meetupId: id }, ctx).text).toContain(`/v1/meetups/${id}`);
    expect(renderNotificationEmail('suggestions.ready', {}, ctx).text).toContain('/v1/match-suggestions');
  });

  it('never puts a value that is not a uuid into a link', () => {
    const mail = renderNotificationEmail('meetup.updated', { meetupId: '../../admin?x=<script>' }, ctx);
    expect(mail.text).toContain('Open: https://guildhall.example/v1/meetups\n');
    expect(mail.html).not.toContain('<script>');
  });

  it('escapes data in the HTML part and keeps it on one line in the subject', () => {
    const mail = renderNotificationEmail(
      'meetup.reminder',
      { meetupId: id, title: 'SQL <b>night</b>\r\nBcc: x@y.z', startsAt: '2030-01-02T18:30:00Z' },
      ctx,
    );
    expect(mail.subject).toBe('Reminder: “SQL <b>night</b> Bcc: x@y.z” starts soon');
    expect(mail.html).toContain('SQL &lt;b&gt;night&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>night');
    expect(mail.text).toContain('starts 2030-01-02 18:30 UTC.');
  });

  it('explains a decline reason it knows and ignores others', () => {
    expect(renderNotificationEmail('mentorship.declined', { reason: 'no_capacity' }, ctx).text).toContain(
      'the mentor has no free slot',
    );
    expect(renderNotificationEmail('mentorship.declined', { reason: 'whatever' }, ctx).text).toContain(
      'The mentor declined your request.\n',
    );
  });

  it('greets someone without a usable name generically', () => {
    expect(renderNotificationEmail('suggestions.ready', {}, { ...ctx, recipientName: ' \r\n' }).text).toMatch(
      /^Hi there,/,
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
