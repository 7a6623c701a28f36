import type { LoggerService } from '@nestjs/common';
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger as Pino } from 'pino';
import type { NodeEnv } from '../config/app-config.js';

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

/** Human-readable lines for a person at a terminal in development; JSON for everything else (and log shippers). */
export function wantsPrettyLogs(nodeEnv: NodeEnv, isTTY: boolean | undefined = process.stdout.isTTY): boolean {
  return nodeEnv === 'development' && isTTY === true;
}

type PrettyFactory = (opts: Record<string, unknown>) => DestinationStream;

/**
 * pino-pretty is a development dependency, absent from the production image: asking for it there must not stop
 * the process, so a failed load means JSON.
 */
export function prettyStream(
  destination?: NodeJS.WritableStream,
  load: (id: string) => unknown = createRequire(import.meta.url),
): DestinationStream | undefined {
  let factory: PrettyFactory;
  try {
    factory = load('pino-pretty') as PrettyFactory;
  } catch {
    return undefined;
  }
  return factory({
    colorize: destination === undefined,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    singleLine: true,
    // Synchronous, so the last lines before a crash reach the terminal.
    sync: true,
    ...(destination ? { destination } : {}),
  });
}

export function createPino(
  level: string,
  name: string,
  opts: { pretty?: boolean; destination?: NodeJS.WritableStream } = {},
): Pino {
  const stream = opts.pretty ? prettyStream(opts.destination) : opts.destination;
  const options = {
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
  } satisfies pino.LoggerOptions;
  return stream ? pino(options, stream) : pino(options);
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
