import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import {
  createPino,
  PinoNestLogger,
  prettyStream,
  REDACT_PATHS,
  scrubError,
  scrubUrl,
  wantsPrettyLogs,
} from './logger.js';

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
    expect(scrubUrl('/v1/calendar/secret123.ics')).toBe('/v1/calendar/[redacted]');
  });

  it('scrubs feed tokens in every spelling, e-mails and query values from URLs', () => {
    for (const url of [
      '/v1/calendar/secret123%2Eics',
      '/v1/calendar/secret123%2eics?x=1',
      '/V1/Calendar/secret123.ics',
      '/v1/calendar/secret123',
      '/v1%2Fcalendar%2Fsecret123.ics',
      '/v1/calendar/secret123%ZZ.ics',
    ]) {
      expect(scrubUrl(url)).not.toContain('secret123');
    }
    expect(scrubUrl('/v1/meetups?near=52.5201,13.4051&q=x%40y.io')).toBe('/v1/meetups?near=[redacted]&q=[redacted]');
    expect(scrubUrl('/v1/users/a%40b.io/x')).toBe('/v1/users/[redacted]/x');
    expect(scrubUrl('/v1/calendar/feed')).toBe('/v1/calendar/feed');
  });

  it('drops the parameters and detail of failed queries from logged errors', () => {
    const err = Object.assign(new Error('duplicate key value violates unique constraint'), {
      query: 'INSERT INTO users (email) VALUES ($1)',
      parameters: ['who@example.com', 52.5201],
      driverError: { code: '23505', detail: 'Key (email)=(who@example.com) already exists.' },
      detail: 'Key (email)=(who@example.com) already exists.',
    });
    const out = JSON.stringify(scrubError(err));
    expect(out).not.toContain('who@example.com');
    expect(out).not.toContain('52.5201');
    expect(out).toContain('23505');
  });
});

describe('log format', () => {
  it('is human-readable only for development at a terminal', () => {
    expect(wantsPrettyLogs('development', true)).toBe(true);
    expect(wantsPrettyLogs('development', false)).toBe(false);
    expect(wantsPrettyLogs('development', undefined)).toBe(false);
    expect(wantsPrettyLogs('production', true)).toBe(false);
    expect(wantsPrettyLogs('test', true)).toBe(false);
  });

  it('writes one readable line per entry through pino-pretty, still redacted', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    createPino('info', 'guildhall-test', { pretty: true, destination }).info({ password: 'hunter2' }, 'worker started');
    const out = lines.join('');
    expect(out).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO \(guildhall-test\): worker started/);
    expect(out).not.toContain('hunter2');
    expect(() => JSON.parse(out) as unknown).toThrow();
  });

  it('falls back to JSON when pino-pretty is not installed (the production image)', () => {
    const missing = () => {
      throw Object.assign(new Error("Cannot find module 'pino-pretty'"), { code: 'MODULE_NOT_FOUND' });
    };
    // createPino then writes JSON to stdout, as it does without `pretty`.
    expect(prettyStream(undefined, missing)).toBeUndefined();
  });
});
