import { describe, expect, it } from '@jest/globals';
import { renderNotificationEmail } from './email-templates.js';

const ctx = { publicBaseUrl: 'https://guildhall.example', recipientName: 'Ada' };
const mentorshipId = '6f1c2e0a-2b7e-4d8e-9b1a-3c4d5e6f7a8b';
const sessionId = '0b6c7d8e-1f2a-4b3c-8d4e-5f6a7b8c9d0e';

describe('conversation and session e-mails', () => {
  it('links a message to its conversation', () => {
    const mail = renderNotificationEmail('message.received', { conversationId: mentorshipId }, ctx);
    expect(mail.text).toContain(`Open: https://guildhall.example/v1/conversations/${mentorshipId}\n`);
  });

  it('links a session e-mail to its mentorship’s sessions and names the time in UTC', () => {
    const mail = renderNotificationEmail(
      'session.proposed',
      { sessionId, mentorshipId, startsAt: '2027-05-03T07:00:00.000Z' },
      ctx,
    );
    expect(mail.subject).toBe('A mentorship session was proposed');
    expect(mail.text).toContain('A session was proposed for 2027-05-03 07:00 UTC.');
    expect(mail.text).toContain(`Open: https://guildhall.example/v1/mentorships/${mentorshipId}/sessions\n`);
  });

  it('falls back to safe links and wording when data is missing or malformed', () => {
    const mail = renderNotificationEmail('session.reminder', { sessionId: '../x', mentorshipId: 'nope' }, ctx);
    expect(mail.text).toContain('Your mentorship session starts soon.');
    expect(mail.text).toContain('Open: https://guildhall.example/v1/mentorship-requests\n');
    expect(renderNotificationEmail('message.received', {}, ctx).text).toContain(
      'Open: https://guildhall.example/v1/conversations\n',
    );
  });
});
