import type { LoggerService } from '@nestjs/common';
import { pino, type Logger as Pino } from 'pino';

/** Whatever carries a credential or an address never reaches the log. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.secret',
  '*.email',
  'email',
  'password',
  'err.config.headers',
];

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;

export function createPino(level: string, name: string): Pino {
  return pino({
    name,
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method?: string; url?: string; id?: string }) => ({
        id: req.id,
        method: req.method,
        url: scrubUrl(req.url),
      }),
    },
    formatters: { level: (label) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

/** Calendar-feed tokens travel in the path; keep them out of access logs. */
export function scrubUrl(url: string | undefined): string | undefined {
  return url?.replace(/\/v1\/calendar\/[^/?]+\.ics/, '/v1/calendar/[redacted].ics').replace(EMAIL, '[redacted]');
}

/** Routes Nest's own logging through pino, so both processes write one JSON log format. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  private write(level: 'info' | 'warn' | 'error' | 'debug' | 'trace', message: unknown, params: unknown[]): void {
    const context = typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const text = typeof message === 'string' ? message.replace(EMAIL, '[redacted]') : message;
    if (text instanceof Error) {
      this.pino[level]({ context, err: text }, text.message.replace(EMAIL, '[redacted]'));
    } else if (typeof text === 'object' && text !== null) {
      this.pino[level]({ context, ...text }, params.filter((p) => typeof p === 'string').join('\n') || undefined);
    } else {
      this.pino[level]({ context }, String(text));
    }
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
}
