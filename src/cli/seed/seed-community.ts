import { hash } from '@node-rs/argon2';
import type pg from 'pg';
import { CommunityGenerator, type MeetupRows, type PersonRows, type SkillRow } from './community.js';
import { Prng } from './prng.js';
import { Progress } from './progress.js';

/** Every seeded account logs in with this password (hashed once per run). */
export const DEMO_PASSWORD = 'guildhall-demo-password';
export const SEED_EMAIL_DOMAIN = 'seed.guildhall.dev';
const BATCH = 5000;

export interface SeedOptions {
  learners: number;
  mentors: number;
  meetups: number;
  organizers: number;
  seed: number;
  reset: boolean;
  log?: (line: string) => void;
}

/** The first learner, mentor and organizer of a run: the accounts the README signs in with. */
export function demoAccounts(seed: number): { learner: string; mentor: string; organizer: string } {
  const email = (kind: string) => `${kind}-0-s${seed}@${SEED_EMAIL_DOMAIN}`;
  return { learner: email('learner'), mentor: email('mentor'), organizer: email('organizer') };
}

// Weekday evenings and a Saturday morning, in the person's own zone.
const DEMO_AVAILABILITY = [
  { day: 'tue', start: '18:00', end: '20:00' },
  { day: 'thu', start: '18:30', end: '21:00' },
  { day: 'sat', start: '10:00', end: '13:00' },
];

/**
 * The generated community is random, so a demo account could draw an empty week or a mentor closed to mentees;
 * the accounts people sign in with are made complete (availability, and a mentor with open seats), so the
 * suggestions and pages they see are full. Location, skills and goals every seeded profile has already; the
 * learner gets two more goals that many open mentors can help with.
 */
async function completeDemoProfiles(pool: pg.Pool, demo: ReturnType<typeof demoAccounts>): Promise<void> {
  await pool.query(
    `UPDATE profiles SET availability = $2::jsonb, updated_at = now()
      WHERE id IN (SELECT id FROM users WHERE email = ANY($1)) AND jsonb_array_length(availability) = 0`,
    [Object.values(demo), JSON.stringify(DEMO_AVAILABILITY)],
  );
  await pool.query(
    `UPDATE profiles SET accepting_mentees = true, mentor_capacity = greatest(mentor_capacity, 3), updated_at = now()
      WHERE id = (SELECT id FROM users WHERE email = $1)`,
    [demo.mentor],
  );
  // The demo learner also aims at the skills most open mentors teach, so its suggestions are many and varied.
  await pool.query(
    `INSERT INTO goals (profile_id, skill, target_level)
     SELECT l.id, ps.skill, 4
       FROM users l, profile_skills ps JOIN profiles m ON m.id = ps.profile_id
      WHERE l.email = $1 AND m.accepting_mentees AND 'mentor' = ANY(m.roles) AND ps.level >= 4
        AND NOT EXISTS (SELECT 1 FROM goals g WHERE g.profile_id = l.id AND g.skill = ps.skill)
        AND NOT EXISTS (SELECT 1 FROM profile_skills own WHERE own.profile_id = l.id AND own.skill = ps.skill
                          AND own.level >= 4)
      GROUP BY l.id, ps.skill ORDER BY count(*) DESC, ps.skill LIMIT 2`,
    [demo.learner],
  );
}

/**
 * Writes a realistic, reproducible community straight into Postgres with multi-row
 * INSERT ... SELECT unnest(...) batches, two in flight at a time.
 */
export async function seedCommunity(pool: pg.Pool, o: SeedOptions): Promise<{ organizerIds: string[] }> {
  const say = o.log ?? ((s: string) => process.stdout.write(`${s}\n`));
  if (o.reset) {
    say('removing earlier seeded accounts (and everything they own)');
    await pool.query(`DELETE FROM users WHERE email LIKE '%@${SEED_EMAIL_DOMAIN}'`);
  }
  const skills = (
    await pool.query<SkillRow>(`SELECT slug, name, category, popularity, parents FROM skills ORDER BY slug`)
  ).rows;
  if (!skills.length) throw new Error('the skills table is empty: run `npm run migration:run` first');
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const gen = new CommunityGenerator(new Prng(o.seed), skills, `s${o.seed}`);
  const organizerIds = await insertPeople(pool, 'organizers', 'organizer', o.organizers, gen, passwordHash);
  await insertPeople(pool, 'mentors', 'mentor', o.mentors, gen, passwordHash);
  await insertPeople(pool, 'learners', 'learner', o.learners, gen, passwordHash);
  if (o.meetups > 0) await insertMeetups(pool, o.meetups, gen, organizerIds);
  await completeDemoProfiles(pool, demoAccounts(o.seed));
  say('analyzing tables');
  await pool.query('ANALYZE users, profiles, profile_skills, goals');
  if (o.meetups > 0) await pool.query('ANALYZE meetups, meetup_skills');
  return { organizerIds };
}

async function insertPeople(
  pool: pg.Pool,
  label: string,
  kind: 'learner' | 'mentor' | 'organizer',
  n: number,
  gen: CommunityGenerator,
  passwordHash: string,
): Promise<string[]> {
  const progress = new Progress(label, n);
  const ids: string[] = [];
  const writer = new Pipeline();
  for (let from = 0; from < n; from += BATCH) {
    const batch: PersonRows[] = [];
    for (let i = from; i < Math.min(n, from + BATCH); i++) batch.push(gen.person(kind, i));
    for (const p of batch) ids.push(p.id);
    await writer.push(() => writePeople(pool, batch, passwordHash).then(() => progress.tick(batch.length)));
  }
  await writer.drain();
  if (n === 0) progress.tick(0);
  return ids;
}

/** Keeps two batches in flight (one per pool connection) while the next one is generated. */
class Pipeline {
  private readonly inflight = new Set<Promise<void>>();
  async push(task: () => Promise<void>): Promise<void> {
    const p: Promise<void> = task().finally(() => this.inflight.delete(p));
    this.inflight.add(p);
    if (this.inflight.size >= 2) await Promise.race(this.inflight);
  }
  async drain(): Promise<void> {
    await Promise.all(this.inflight);
  }
}

async function writePeople(pool: pg.Pool, batch: PersonRows[], passwordHash: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(
      `INSERT INTO users (id, email, password_hash, roles)
       SELECT id, email, $3, string_to_array(roles, ',')
         FROM unnest($1::uuid[], $2::text[], $4::text[]) AS t(id, email, roles)`,
      [batch.map((p) => p.id), batch.map((p) => p.email), passwordHash, batch.map((p) => p.roles.join(','))],
    );
    await client.query(
      // roles come from users by trigger.
      `INSERT INTO profiles (id, display_name, headline, bio, timezone, languages, location, availability,
         accepting_mentees, mentor_capacity)
       SELECT id, dn, hl, bio, tz, string_to_array(langs, ','), loc, av, acc, cap
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[],
           $9::bool[], $10::int[])
           AS t(id, dn, hl, bio, tz, langs, loc, av, acc, cap)`,
      [
        batch.map((p) => p.id),
        batch.map((p) => p.displayName),
        batch.map((p) => p.headline),
        batch.map((p) => p.bio),
        batch.map((p) => p.timezone),
        batch.map((p) => p.languages.join(',')),
        batch.map((p) => p.location),
        batch.map((p) => p.availability),
        batch.map((p) => p.accepting),
        batch.map((p) => p.capacity),
      ],
    );
    const sk = batch.flatMap((p) => p.skills.map((s) => ({ id: p.id, ...s })));
    await client.query(
      `INSERT INTO profile_skills (profile_id, skill, level, years)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::smallint[], $4::numeric[])`,
      [sk.map((s) => s.id), sk.map((s) => s.skill), sk.map((s) => s.level), sk.map((s) => s.years)],
    );
    const goals = batch.flatMap((p) => p.goals.map((g) => ({ id: p.id, ...g })));
    if (goals.length) {
      await client.query(
        `INSERT INTO goals (profile_id, skill, target_level, target_date)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::smallint[], $4::date[])`,
        [
          goals.map((g) => g.id),
          goals.map((g) => g.skill),
          goals.map((g) => g.targetLevel),
          goals.map((g) => g.targetDate),
        ],
      );
    }
  });
}

async function insertMeetups(pool: pg.Pool, n: number, gen: CommunityGenerator, organizerIds: string[]): Promise<void> {
  const progress = new Progress('meetups', n);
  const now = new Date();
  const writer = new Pipeline();
  for (let from = 0; from < n; from += BATCH) {
    const batch: MeetupRows[] = [];
    for (let i = from; i < Math.min(n, from + BATCH); i++) batch.push(gen.meetup(organizerIds, now));
    await writer.push(() => writeMeetups(pool, batch).then(() => progress.tick(batch.length)));
  }
  await writer.drain();
}

async function writeMeetups(pool: pg.Pool, batch: MeetupRows[]): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(
      `INSERT INTO meetups (id, organizer_id, title, description, starts_at, ends_at, timezone, online, online_url,
                            venue_name, venue_address, venue_city, venue_country, lat, lng, capacity, level)
       SELECT t.id, t.org, t.title, t.descr, t.starts, t.ends, t.tz, t.online, t.url,
              t.vname, t.vaddr, t.vcity, t.vcountry, t.lat, t.lng, t.cap, t.lvl
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[],
                     $7::text[], $8::bool[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
                     $14::float8[], $15::float8[], $16::int[], $17::text[])
           AS t(id, org, title, descr, starts, ends, tz, online, url,
                vname, vaddr, vcity, vcountry, lat, lng, cap, lvl)`,
      [
        batch.map((m) => m.id),
        batch.map((m) => m.organizerId),
        batch.map((m) => m.title),
        batch.map((m) => m.description),
        batch.map((m) => m.startsAt),
        batch.map((m) => m.endsAt),
        batch.map((m) => m.timezone),
        batch.map((m) => m.online),
        batch.map((m) => m.onlineUrl),
        batch.map((m) => m.venue?.name ?? null),
        batch.map((m) => m.venue?.address ?? null),
        batch.map((m) => m.venue?.city ?? null),
        batch.map((m) => m.venue?.country ?? null),
        batch.map((m) => m.venue?.lat ?? null),
        batch.map((m) => m.venue?.lng ?? null),
        batch.map((m) => m.capacity),
        batch.map((m) => m.level),
      ],
    );
    // One statement for the whole batch, so the skill_terms trigger runs once per batch.
    const ms = batch.flatMap((m) => m.skills.map((s, position) => ({ id: m.id, s, position })));
    await client.query(
      `INSERT INTO meetup_skills (meetup_id, skill, position)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::smallint[])`,
      [ms.map((x) => x.id), ms.map((x) => x.s), ms.map((x) => x.position)],
    );
  });
}

/** One batch is one transaction on a client of its own, so the two batches in flight write in parallel. */
async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
