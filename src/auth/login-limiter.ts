import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RateLimited, Unavailable } from '../common/errors/domain-error.js';
import { REDIS } from '../redis/redis.module.js';

const WINDOW_SECONDS = 3600;
const OUTAGE_RETRY_SECONDS = 30;

/**
 * Check and count in one step, before the password is verified, so parallel attempts cannot all pass
 * the check before any of them is counted. Every attempt is counted as a failure up front (a reservation)
 * and handed back when the password turns out right.
 *
 * An address at its own limit is refused. An account at its limit is refused too, except to an address
 * with no failures in the window: a known e-mail cannot be locked out of its owner's reach for free, and
 * such an address gets one guess, which (if wrong) counts against it.
 * Returns [0, 0] when allowed, else [1 = address | 2 = account, seconds until the window ends].
 */
const TRY = `
local address = tonumber(redis.call('GET', KEYS[2]) or '0')
if address >= tonumber(ARGV[2]) then return {1, redis.call('TTL', KEYS[2])} end
local account = tonumber(redis.call('GET', KEYS[1]) or '0')
if account >= tonumber(ARGV[1]) and address > 0 then return {2, redis.call('TTL', KEYS[1])} end
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[3], 'NX')
redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], ARGV[3], 'NX')
return {0, 0}`;

// A right password: the account's failures are forgiven, the address's reservation handed back.
const SUCCEED = `
redis.call('DEL', KEYS[1])
local address = tonumber(redis.call('GET', KEYS[2]) or '0')
if address > 0 then redis.call('DECR', KEYS[2]) end
return 0`;

type LimiterRedis = Redis & {
  loginTry(account: string, address: string, maxAccount: number, maxAddress: number, window: number): Promise<number[]>;
  loginSucceed(account: string, address: string): Promise<number>;
};

/**
 * Failed logins per account (LOGIN_MAX_FAILURES_PER_HOUR, keyed by a hash of the e-mail so unknown
 * addresses count too and the key holds no address) and per client address
 * (LOGIN_MAX_FAILURES_PER_ADDRESS), counted in Redis so the limits hold across API replicas.
 * Without Redis nothing can be counted, so logins are refused with 503 rather than left unlimited.
 */
@Injectable()
export class LoginLimiter {
  private readonly logger = new Logger('LoginLimiter');
  private readonly redis: LimiterRedis;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    redis.defineCommand('loginTry', { numberOfKeys: 2, lua: TRY });
    redis.defineCommand('loginSucceed', { numberOfKeys: 2, lua: SUCCEED });
    this.redis = redis as LimiterRedis;
  }

  private keys(email: string, address: string): [string, string] {
    const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);
    const prefix = `${this.config.queuePrefix}:login-fail`;
    return [`${prefix}:${hash(email)}`, `${prefix}-addr:${hash(address)}`];
  }

  /** Counts this attempt as a failure unless it is refused (429), before any password is hashed. */
  async begin(email: string, address: string): Promise<void> {
    let verdict: number[];
    try {
      verdict = await this.redis.loginTry(
        ...this.keys(email, address),
        this.config.loginMaxFailuresPerHour,
        this.config.loginMaxFailuresPerAddress,
        WINDOW_SECONDS,
      );
    } catch (e) {
      this.logger.warn(`login limiter unavailable, refusing logins: ${(e as Error).message}`);
      throw new Unavailable(OUTAGE_RETRY_SECONDS, 'LOGIN_UNAVAILABLE', 'Signing in is unavailable; try again shortly.');
    }
    const [refused, ttl] = verdict;
    if (!refused) return;
    const retryAfter = ttl > 0 ? ttl : WINDOW_SECONDS;
    throw refused === 1
      ? new RateLimited(retryAfter, 'TOO_MANY_LOGIN_FAILURES', 'Too many failed logins from this address; try later.')
      : new RateLimited(retryAfter, 'TOO_MANY_LOGIN_FAILURES', 'Too many failed logins for this account; try later.');
  }

  /** The password was right: the attempt was no failure. */
  async succeeded(email: string, address: string): Promise<void> {
    await this.redis.loginSucceed(...this.keys(email, address)).catch((e: Error) => {
      this.logger.warn(`login limiter unavailable: ${e.message}`);
    });
  }
}
