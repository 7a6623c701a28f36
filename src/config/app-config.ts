import { isIP } from 'node:net';

/**
 * One typed configuration, read once from the environment. A bad or missing value stops the process
 * at start with a message naming the variable (see ConfigError).
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export type NodeEnv = 'development' | 'test' | 'production';

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  databaseUrl: string;
  databasePoolSize: number;
  /** How long a request waits for a free pool connection before it is shed with 503 BUSY. */
  databaseConnectTimeoutMs: number;
  /** How many requests may queue for a pool connection; beyond that one is shed at once with 503 BUSY. */
  databaseMaxWaiting: number;
  redisUrl: string;
  queuePrefix: string;
  jwtSecret: string;
  corsOrigins: string[] | true;
  logLevel: string;
  publicBaseUrl: string;
  /** The built web app the API serves at / (unset: the repository's web/dist). */
  webDistDir: string | null;
  mentorshipRequestTtlSeconds: number;
  maxPendingRequestsPerLearner: number;
  maxActiveMentorshipsPerLearner: number;
  meetupReminderOffsetsSeconds: number[];
  sessionReminderOffsetsSeconds: number[];
  messageDigestSeconds: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** A spent refresh token presented again within this many seconds is answered (two tabs, a retry), not revoked. */
  refreshReuseGraceSeconds: number;
  loginMaxFailuresPerHour: number;
  /** Failed logins per client address per hour (over every account) before that address gets 429. */
  loginMaxFailuresPerAddress: number;
  /** Password-reset requests per address an hour; a client address may make four times as many. */
  passwordResetsPerHour: number;
  /** Which peers may set X-Forwarded-For: false (none), a hop count, or IPs/CIDRs (Fastify's trustProxy). */
  trustProxy: TrustProxy;
  rateLimitPerMinute: number;
  /** Requests per minute per client address without a token (public meetup reads, sign-in). */
  anonymousRateLimitPerMinute: number;
  smtpUrl: string | null;
  mailFrom: string;
  webhookAllowPrivate: boolean;
  webhookTimeoutMs: number;
  outboxPollMs: number;
  workerConcurrency: number;
  requestExpirySweepSeconds: number;
  /** How long a worker holds a job's lock; a worker that dies loses its jobs to another after this. */
  workerLockDurationMs: number;
  /** How often workers look for jobs whose lock expired (stalled) and put them back to run again. */
  workerStalledIntervalMs: number;
  /** Recipients per bulk INSERT (and per addBulk of delivery jobs) in a notification fan-out. */
  notificationFanoutBatch: number;
  /** Pause between fan-out batches, to spread a very large fan-out's load on Postgres. */
  notificationFanoutPauseMs: number;
  /** How often each notification stream gets a comment line (keeps proxies from closing an idle stream). */
  notificationStreamHeartbeatMs: number;
  /** Port of the worker's own Prometheus /metrics listener (on HOST); 0 picks a free one. */
  workerMetricsPort: number;
}

export type TrustProxy = false | number | string[];

type Env = Record<string, string | undefined>;

const DEV_JWT_SECRET = 'guildhall-development-secret-not-for-production';

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  str(name: string, fallback?: string): string {
    const v = this.env[name];
    if (v === undefined || v === '') {
      if (fallback === undefined) this.problems.push(`${name} is required`);
      return fallback ?? '';
    }
    return v;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(true|1|yes)$/i.test(raw)) return true;
    if (/^(false|0|no)$/i.test(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  url(name: string, protocols: string[], fallback?: string): string {
    const v = this.str(name, fallback);
    if (!v) return v;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) {
        this.problems.push(`${name} must be a ${protocols.join(' or ')} URL (got "${u.protocol}")`);
      }
    } catch {
      this.problems.push(`${name} is not a valid URL`);
    }
    return v;
  }

  intList(name: string, fallback: number[]): number[] {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const parts = raw.split(',').map((p) => Number(p.trim()));
    if (parts.length === 0 || parts.some((n) => !Number.isInteger(n) || n <= 0)) {
      this.problems.push(`${name} must be a comma-separated list of positive integers (got "${raw}")`);
      return fallback;
    }
    return [...new Set(parts)].sort((a, b) => b - a);
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const r = new Reader(env);
  const nodeEnvRaw = r.str('NODE_ENV', 'development');
  if (!['development', 'test', 'production'].includes(nodeEnvRaw)) {
    r.problems.push(`NODE_ENV must be development, test or production (got "${nodeEnvRaw}")`);
  }
  const nodeEnv = nodeEnvRaw as NodeEnv;
  const lax = nodeEnv === 'development' || nodeEnv === 'test';
  const jwtSecret = r.str('JWT_SECRET', lax ? DEV_JWT_SECRET : undefined);
  if (jwtSecret && !lax && jwtSecret.length < 32) r.problems.push('JWT_SECRET must be at least 32 characters');
  const port = r.int('PORT', 3000, 0, 65535);
  const cors = r.str('CORS_ORIGINS', '*');
  const rateLimitPerMinute = r.int('RATE_LIMIT_PER_MINUTE', 600, 1, 10000000);
  const smtp = env.SMTP_URL ? r.url('SMTP_URL', ['smtp:', 'smtps:']) : null;

  const config: AppConfig = {
    nodeEnv,
    port,
    host: r.str('HOST', '0.0.0.0'),
    databaseUrl: r.url(
      'DATABASE_URL',
      ['postgres:', 'postgresql:'],
      lax ? 'postgres://postgres@127.0.0.1:5432/guildhall' : undefined,
    ),
    databasePoolSize: r.int('DATABASE_POOL_SIZE', 10, 1, 200),
    databaseConnectTimeoutMs: r.int('DATABASE_CONNECT_TIMEOUT_MS', 5000, 10, 60000),
    databaseMaxWaiting: r.int('DATABASE_MAX_WAITING', 1000, 0, 100000),
    redisUrl: r.url('REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
    queuePrefix: r.str('QUEUE_PREFIX', 'guildhall'),
    jwtSecret,
    corsOrigins:
      cors === '*'
        ? true
        : cors
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
    logLevel: r.str('LOG_LEVEL', nodeEnv === 'test' ? 'warn' : 'info'),
    publicBaseUrl: r.url('PUBLIC_BASE_URL', ['http:', 'https:'], `http://localhost:${port}`).replace(/\/$/, ''),
    webDistDir: r.str('WEB_DIST_DIR', '') || null,
    mentorshipRequestTtlSeconds: r.int('MENTORSHIP_REQUEST_TTL_SECONDS', 604800, 1, 31536000),
    maxPendingRequestsPerLearner: r.int('MAX_PENDING_REQUESTS_PER_LEARNER', 5, 1, 1000),
    maxActiveMentorshipsPerLearner: r.int('MAX_ACTIVE_MENTORSHIPS_PER_LEARNER', 1, 1, 100),
    meetupReminderOffsetsSeconds: r.intList('MEETUP_REMINDER_OFFSETS_SECONDS', [86400, 3600]),
    sessionReminderOffsetsSeconds: r.intList('SESSION_REMINDER_OFFSETS_SECONDS', [3600]),
    messageDigestSeconds: r.int('MESSAGE_DIGEST_SECONDS', 3600, 1, 86400),
    accessTokenTtlSeconds: r.int('ACCESS_TOKEN_TTL_SECONDS', 900, 1, 86400),
    refreshTokenTtlSeconds: r.int('REFRESH_TOKEN_TTL_SECONDS', 2592000, 1, 31536000),
    refreshReuseGraceSeconds: r.int('REFRESH_REUSE_GRACE_SECONDS', 10, 0, 300),
    loginMaxFailuresPerHour: r.int('LOGIN_MAX_FAILURES_PER_HOUR', 10, 1, 100000),
    loginMaxFailuresPerAddress: r.int('LOGIN_MAX_FAILURES_PER_ADDRESS', 100, 1, 1000000),
    passwordResetsPerHour: r.int('PASSWORD_RESETS_PER_HOUR', 5, 1, 100000),
    trustProxy: readTrustProxy(r, env.TRUST_PROXY),
    rateLimitPerMinute,
    anonymousRateLimitPerMinute: r.int('ANONYMOUS_RATE_LIMIT_PER_MINUTE', rateLimitPerMinute, 1, 10000000),
    smtpUrl: smtp,
    mailFrom: r.str('MAIL_FROM', 'Guildhall <no-reply@guildhall.local>'),
    webhookAllowPrivate: r.bool('WEBHOOK_ALLOW_PRIVATE', false),
    webhookTimeoutMs: r.int('WEBHOOK_TIMEOUT_MS', 5000, 100, 60000),
    outboxPollMs: r.int('OUTBOX_POLL_MS', 200, 10, 60000),
    workerConcurrency: r.int('WORKER_CONCURRENCY', 8, 1, 256),
    requestExpirySweepSeconds: r.int('REQUEST_EXPIRY_SWEEP_SECONDS', 30, 1, 86400),
    workerLockDurationMs: r.int('WORKER_LOCK_DURATION_MS', 30000, 1000, 600000),
    workerStalledIntervalMs: r.int('WORKER_STALLED_INTERVAL_MS', 30000, 500, 600000),
    notificationFanoutBatch: r.int('NOTIFICATION_FANOUT_BATCH', 1000, 1, 1000),
    notificationFanoutPauseMs: r.int('NOTIFICATION_FANOUT_PAUSE_MS', 0, 0, 60000),
    notificationStreamHeartbeatMs: r.int('NOTIFICATION_STREAM_HEARTBEAT_MS', 25000, 100, 25000),
    // Tests run many workers on one machine: a fixed port would collide.
    workerMetricsPort: r.int('WORKER_METRICS_PORT', nodeEnv === 'test' ? 0 : 9464, 0, 65535),
  };
  if (r.problems.length) throw new ConfigError(r.problems);
  return config;
}

/**
 * Off unless configured: trusting every peer would let any client pick its own address (and so its own
 * rate-limit bucket) with X-Forwarded-For. `true` is refused for the same reason.
 */
function readTrustProxy(r: Reader, raw: string | undefined): TrustProxy {
  const v = raw?.trim();
  if (!v || /^(false|off|0)$/i.test(v)) return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops <= 10) return hops;
  } else {
    const list = v
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (list.length && list.every(isAddressOrCidr)) return list;
  }
  r.problems.push(`TRUST_PROXY must be off, a hop count 1–10 or a comma-separated list of IPs/CIDRs (got "${raw}")`);
  return false;
}

function isAddressOrCidr(s: string): boolean {
  const [addr, bits, ...rest] = s.split('/');
  const family = isIP(addr);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

/** Injection token; the value is a frozen AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
