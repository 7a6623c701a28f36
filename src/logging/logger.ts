import type { LoggerService } from '@nestjs/common';
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger as Pino, type LoggerOptions } from 'pino';
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
  destination?: DestinationStream,
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
  opts: { pretty?: boolean; destination?: DestinationStream } = {},
): Pino {
  const stream = opts.pretty ? prettyStream(opts.destination) : opts.destination;
  const options: LoggerOptions = {
    name,
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method?: string; url?: string; id?: string }) => ({
        id: req.id,
        method: req.method,
        url: scrubUrl(req.url),
      }),
      err: scrubError,
    },
    formatters: { level: (label) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return stream ? pino(options, stream) : pino(options);
}

const CALENDAR_PATH = /\/v1\/calendar\//i;

/**
 * What of a URL may be logged: the path, with everything after /v1/calendar/ (the feed token, however
 * it is spelled or encoded) and any e-mail address removed, and the query's parameter names without
 * their values (search terms, coordinates, addresses).
 */
export function scrubUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  let path = safeDecode(rawPath);
  const calendar = CALENDAR_PATH.exec(path);
  // Only the feed-management route (`feed`) is no secret.
  if (calendar && path.slice(calendar.index + calendar[0].length) !== 'feed') {
    path = `${path.slice(0, calendar.index)}/v1/calendar/[redacted]`;
  }
  path = path.replace(EMAIL, '[redacted]');
  if (q < 0) return path;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${safeDecode(pair.split('=')[0]).replace(EMAIL, '[redacted]').slice(0, 64)}=[redacted]`);
  return `${path}?${names.join('&')}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/%[0-9a-f]{2}/gi, (h) => String.fromCharCode(parseInt(h.slice(1), 16)));
  }
}

/**
 * Errors as pino writes them, minus what quotes request data: a failed query's parameters and text
 * values (`parameters`, the driver's `detail`/`where`), and e-mail addresses anywhere in the message.
 */
export function scrubError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const out = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  const driver = (err as { driverError?: { code?: unknown } }).driverError;
  for (const k of ['parameters', 'detail', 'where', 'driverError', 'internalQuery', 'config']) delete out[k];
  if (driver && typeof driver.code === 'string') out.code = driver.code;
  if (typeof out.message === 'string') out.message = out.message.replace(EMAIL, '[redacted]');
  if (typeof out.stack === 'string') out.stack = out.stack.replace(EMAIL, '[redacted]');
  return out;
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
      this.pino[level](
        { context, ...text },
        params
          .filter((p) => typeof p === 'string')
          .join('\n')
          .replace(EMAIL, '[redacted]') || undefined,
      );
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
