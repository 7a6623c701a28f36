// Mails about the account itself, in the same layout as the notification mails. Their links open the web
// app's pages (UI.md), which call the confirm endpoints with the token.
import { type RenderedEmail, renderEmail } from './email-templates.js';

const FOOTER = 'You receive this because of a change to your Guildhall account.';

const base = (publicBaseUrl: string) => publicBaseUrl.replace(/\/$/, '');

export function renderVerificationEmail(publicBaseUrl: string, name: string, token: string): RenderedEmail {
  return renderEmail(
    {
      subject: 'Verify your Guildhall e-mail address',
      lines: ['Please confirm that this is your e-mail address.', 'The link works once and for 48 hours.'],
      url: `${base(publicBaseUrl)}/verify-email?token=${encodeURIComponent(token)}`,
      linkLabel: 'Verify my e-mail address',
    },
    name,
    FOOTER,
  );
}

export function renderPasswordResetEmail(publicBaseUrl: string, name: string, token: string): RenderedEmail {
  return renderEmail(
    {
      subject: 'Reset your Guildhall password',
      lines: [
        'Someone asked to reset the password of your Guildhall account.',
        'The link works once and for one hour. If it was not you, ignore this mail: nothing changes.',
      ],
      url: `${base(publicBaseUrl)}/reset-password?token=${encodeURIComponent(token)}`,
      linkLabel: 'Choose a new password',
    },
    name,
    FOOTER,
  );
}

export function renderEmailChangedNotice(publicBaseUrl: string, name: string): RenderedEmail {
  return renderEmail(
    {
      subject: 'Your Guildhall e-mail address was changed',
      lines: [
        'The e-mail address of your Guildhall account was changed, so mail now goes to the new address.',
        'If you did not do this, reset your password at once: someone else may be using your account.',
      ],
      url: `${base(publicBaseUrl)}/forgot-password`,
      linkLabel: 'Reset my password',
    },
    name,
    FOOTER,
  );
}
