import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { PinoNestLogger, REDACT_PATHS, scrubUrl } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, log: pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, stream) };
}

describe('log redaction', () => {
  it('redacts authorization headers, passwords, tokens and e-mail addresses', () => {
    const { lines, log } = capture();
    log.info(
      {
        req: { headers: { authorization: 'Bearer abc' } },
        body: { password: 'hunter2hunter2', refreshToken: 'r', email: 'a@b.io' },
      },
      'x',
    );
    const out = lines.join('');
    expect(out).not.toContain('Bearer abc');
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('a@b.io');
    expect(out).toContain('[redacted]');
  });

  it('scrubs e-mail addresses in Nest messages and calendar tokens in URLs', () => {
    const { lines, log } = capture();
    new PinoNestLogger(log).log('granted admin to someone@example.com', 'AdminGrant');
    expect(lines.join('')).not.toContain('someone@example.com');
    expect(scrubUrl('/v1/calendar/secret123.ics')).toBe('/v1/calendar/[redacted].ics');
  });
});
