import { describe, expect, it } from '@jest/globals';
import {
  renderEmailChangedNotice,
  renderPasswordResetEmail,
  renderVerificationEmail,
} from './account-email-templates.js';

const base = 'https://app.guildhall.example/';
const token = 'AbC-_0123456789abcdefghijklmnopqrstuvwxyzAB';

describe('account mails', () => {
  it.each([
    ['verification', renderVerificationEmail, '/verify-email'],
    ['password reset', renderPasswordResetEmail, '/reset-password'],
  ] as const)('the %s mail links the web app route with the token, in text and HTML', (_, render, route) => {
    const mail = render(base, 'Ada', token);
    const url = `https://app.guildhall.example${route}?token=${token}`;
    expect(mail.text).toMatch(/^Hi Ada,\n/);
    expect(mail.text).toContain(`Open: ${url}`);
    expect(mail.html).toContain(`<a href="${url}">`);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('escapes the name in HTML and keeps the subject on one line', () => {
    const mail = renderVerificationEmail(base, '<b>Eve</b>\r\nBcc: x@y', token);
    expect(mail.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Eve</b>');
    expect(mail.text).toContain('Hi <b>Eve</b> Bcc: x@y,');
  });

  it('the change notice points the old address at a password reset and carries no token', () => {
    const mail = renderEmailChangedNotice(base, 'Ada');
    expect(mail.text).toContain('https://app.guildhall.example/forgot-password');
    expect(mail.text).not.toContain('token=');
  });
});
