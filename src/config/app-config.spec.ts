import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('applies the documented defaults in development', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('0.0.0.0');
    expect(c.queuePrefix).toBe('guildhall');
    expect(c.mentorshipRequestTtlSeconds).toBe(604800);
    expect(c.meetupReminderOffsetsSeconds).toEqual([86400, 3600]);
    expect(c.rateLimitPerMinute).toBe(600);
    expect(c.smtpUrl).toBeNull();
    expect(c.webhookAllowPrivate).toBe(false);
  });

  it('requires JWT_SECRET and DATABASE_URL in production and names them', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (e) {
      expect((e as ConfigError).message).toContain('JWT_SECRET');
      expect((e as ConfigError).message).toContain('DATABASE_URL');
    }
  });

  it('rejects malformed numbers and URLs with the variable name', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ MEETUP_REMINDER_OFFSETS_SECONDS: '60,abc' })).toThrow(/MEETUP_REMINDER_OFFSETS_SECONDS/);
    expect(() => loadConfig({ WEBHOOK_ALLOW_PRIVATE: 'maybe' })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
  });

  it('reads TRUST_PROXY as off, a hop count or a list of addresses and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.local', '99']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });
});
