import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem, startHarness, type Harness } from './support/harness.js';

interface Place {
  id: number;
  name: string;
  country: string;
  admin1: string | null;
  lat: number;
  lng: number;
  timezone: string;
  population: number;
}

describe('GET /v1/places (the world gazetteer)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false });
  });
  afterAll(() => h.close());

  const places = async (query: Record<string, string | number>): Promise<Place[]> => {
    const res = await h.http().get('/v1/places').query(query);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    return res.body.items as Place[];
  };

  it('needs no token and answers complete places', async () => {
    const [berlin] = await places({ q: 'Berlin' });
    expect(berlin).toEqual({
      id: 2950159,
      name: 'Berlin',
      country: 'DE',
      admin1: '16',
      lat: expect.closeTo(52.52, 1),
      lng: expect.closeTo(13.41, 1),
      timezone: 'Europe/Berlin',
      population: expect.any(Number),
    });
    expect(berlin.population).toBeGreaterThan(3_000_000);
  });

  it('forgives typos: "Berln" finds Berlin, DE first', async () => {
    const items = await places({ q: 'Berln' });
    expect(items[0]).toMatchObject({ name: 'Berlin', country: 'DE' });
  });

  it.each([
    ['zurich', 'Zürich', 'CH', 'Europe/Zurich'],
    ['SAO PAULO', 'São Paulo', 'BR', 'America/Sao_Paulo'],
    ['Londn', 'London', 'GB', 'Europe/London'],
    ['york', 'York', 'GB', 'Europe/London'],
    ['new york', 'New York City', 'US', 'America/New_York'],
    ['Amsterdm', 'Amsterdam', 'NL', 'Europe/Amsterdam'],
    ['Kolkatta', 'Kolkata', 'IN', 'Asia/Kolkata'],
  ])('"%s" finds %s (%s) first, in %s', async (q, name, country, timezone) => {
    const [first] = await places({ q });
    expect(first).toMatchObject({ name, country, timezone });
  });

  it('ranks name beginnings first, biggest first among them', async () => {
    const items = await places({ q: 'Man', limit: 20 });
    expect(items.length).toBe(20);
    const plain = (name: string) =>
      name
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase();
    for (const p of items) expect(plain(p.name).startsWith('man')).toBe(true);
    // The exact name ("Man", CI) leads; the beginnings follow, biggest first.
    expect(plain(items[0].name)).toBe('man');
    const pops = items.slice(1).map((p) => p.population);
    expect(pops).toEqual([...pops].sort((a, b) => b - a));
  });

  it('filters by country, case-insensitively', async () => {
    const items = await places({ q: 'Berlin', country: 'us', limit: 20 });
    expect(items.length).toBeGreaterThan(3);
    for (const p of items) expect(p.country).toBe('US');
    const [cambridge] = await places({ q: 'Cambridge', country: 'GB' });
    expect(cambridge).toMatchObject({ name: 'Cambridge', country: 'GB', timezone: 'Europe/London' });
  });

  it('answers the biggest places for an empty or missing q, in the country when one is given', async () => {
    const world = await places({ q: '', limit: 5 });
    expect(world).toHaveLength(5);
    expect(world.map((p) => p.population)).toEqual([...world.map((p) => p.population)].sort((a, b) => b - a));
    expect(world[0].population).toBeGreaterThan(10_000_000);
    const germany = await places({ country: 'DE', limit: 3 });
    expect(germany.map((p) => p.name)).toEqual(['Berlin', 'Hamburg', 'Munich']);
  });

  it('defaults to 10 places and honours limit 1 and 20', async () => {
    expect(await places({ q: 'san' })).toHaveLength(10);
    expect(await places({ q: 'san', limit: 1 })).toHaveLength(1);
    expect(await places({ q: 'san', limit: 20 })).toHaveLength(20);
  });

  it('matches wildcards literally and answers nothing for nonsense', async () => {
    expect(await places({ q: '%_%' })).toEqual([]);
    expect(await places({ q: 'qxzqxzqxz' })).toEqual([]);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 21 }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ country: 'DEU' }, 'country'],
    [{ country: '1A' }, 'country'],
    [{ q: 'x'.repeat(101) }, 'q'],
    [{ region: 'EU' }, 'region'],
  ])('answers 400 for %j', async (query, field) => {
    const res = await h.http().get('/v1/places').query(query);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('gives every place an IANA time zone the profile accepts', async () => {
    const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM places WHERE timezone IS NULL OR timezone = ''`);
    expect(n).toBe(0);
    const [{ total }] = await h.db.query(`SELECT count(*)::int AS total FROM places`);
    expect(total).toBeGreaterThan(130_000);
    const zones: { timezone: string }[] = await h.db.query(`SELECT DISTINCT timezone FROM places`);
    for (const { timezone } of zones)
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: timezone })).not.toThrow();
  });
});

describe('GET /v1/places rate limit (anonymous: per address)', () => {
  let h: Harness;
  beforeAll(async () => {
    // The test client is the trusted proxy, so each request's X-Forwarded-For address is its own bucket.
    h = await startHarness({ worker: false, env: { RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(() => h.close());

  it('answers 429 with Retry-After past RATE_LIMIT_PER_MINUTE', async () => {
    // Requests from one address share a window; other specs' addresses are their own.
    const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const statuses: number[] = [];
    let last: Awaited<ReturnType<ReturnType<Harness['http']>['get']>> | undefined;
    for (let i = 0; i < 4; i++) {
      last = await h.http().get('/v1/places').query({ q: 'Paris' }).set('X-Forwarded-For', address);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expectProblem(last!, 429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });
});
