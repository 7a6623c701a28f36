import { eventually } from './harness.js';
import type { Mail, SmtpSink } from './smtp-sink.js';

/** A MIME message read well enough to assert on: quoted-printable soft breaks and escapes undone. */
export const decodeQp = (s: string): string =>
  s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

export const mailsTo = (sink: SmtpSink, address: string): Mail[] => sink.mails.filter((m) => m.to.includes(address));

/** The token of the first link to `route` in a mail (`PUBLIC_BASE_URL/route?token=…`), or null. */
export function linkToken(mail: Mail, baseUrl: string, route: string): string | null {
  const escaped = `${baseUrl}${route}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const m = new RegExp(`${escaped}\\?token=([A-Za-z0-9_%-]+)`).exec(decodeQp(mail.raw));
  return m ? decodeURIComponent(m[1]) : null;
}

/** Waits for the `n`th (1-based) mail to `address` carrying a link to `route`, and returns its token. */
export async function awaitLinkToken(
  sink: SmtpSink,
  address: string,
  baseUrl: string,
  route: string,
  n = 1,
): Promise<string> {
  return eventually(() => {
    const tokens = mailsTo(sink, address)
      .map((m) => linkToken(m, baseUrl, route))
      .filter((t): t is string => t !== null);
    return tokens.length >= n ? tokens[n - 1] : null;
  }, 15000);
}
