// Conversation list benchmark (W10): a mentor with 200 conversations (20 messages each, some unread) among
// --others background conversations, then GET /v1/conversations' one statement (first page of 20, and a full
// page of 100) against a naive N+1 list measured in the same run (one query for the conversations, then the
// last message, the unread count and the other party's name per conversation, sorted in the application).
// Run: npm run bench:w10 [-- --others=N --runs=N --queries=N --keep]
// Uses a database of its own, guildhall_bench_conversations, on DATABASE_URL's server; dropped unless --keep.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { LIST_SQL } from '../src/conversations/conversation.sql.js';
import { benchDatabase } from './support/bench-db.js';
import { explain, roundTripFloor, withClient } from './support/sql-bench.js';
import { fmt, passes, report, timed } from './support/stats.js';

const { values: args } = parseArgs({
  options: {
    conversations: { type: 'string', default: '200' },
    messages: { type: 'string', default: '20' },
    others: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '5' },
    queries: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
  },
});
const MINE = Number(args.conversations);
const MESSAGES = Number(args.messages);
const OTHERS = Number(args.others);
const RUNS = Number(args.runs);
const QUERIES = Number(args.queries);
const NAIVE_QUERIES = Math.max(5, Math.floor(QUERIES / 10));

async function addProfiles(db: pg.Client, prefix: string, n: number, role: string): Promise<string[]> {
  const res = await db.query(
    `WITH u AS (
       INSERT INTO users (email, password_hash, roles)
       SELECT $1 || g || '@bench.test', 'x', ARRAY[$3] FROM generate_series(1, $2::int) g RETURNING id, roles)
     INSERT INTO profiles (id, display_name, roles) SELECT id, initcap($3) || ' ' || left(id::text, 8), roles FROM u
     RETURNING id`,
    [prefix, n, role],
  );
  return res.rows.map((r: { id: string }) => r.id);
}

async function load(db: pg.Client): Promise<void> {
  const started = performance.now();
  const [mentor] = await addProfiles(db, 'the-mentor-', 1, 'mentor');
  const learners = await addProfiles(db, 'learner-', MINE + OTHERS, 'learner');
  const otherMentors = await addProfiles(db, 'other-mentor-', Math.max(1, Math.ceil(OTHERS / 10)), 'mentor');
  await db.query(
    `INSERT INTO conversations (learner_id, mentor_id)
     SELECT l, CASE WHEN i <= $2 THEN $3::uuid ELSE ($4::uuid[])[1 + (i % cardinality($4::uuid[]))] END
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(l, i)`,
    [learners, MINE, mentor, otherMentors],
  );
  // Messages alternate authors over the last 60 days; each party last read at a random point before the end.
  await db.query(
    `INSERT INTO conversation_messages (conversation_id, author_id, body, created_at)
     SELECT c.id, CASE WHEN k % 2 = 0 THEN c.learner_id ELSE c.mentor_id END, 'message ' || k,
            now() - interval '60 days' * random()
       FROM conversations c CROSS JOIN generate_series(1, $1::int) k`,
    [MESSAGES],
  );
  await db.query(
    `INSERT INTO conversation_parties (conversation_id, profile_id, other_id, last_activity_at, last_read_at)
     SELECT c.id, v.a, v.b, s.last_at, s.last_at - interval '10 days' * random()
       FROM conversations c
       CROSS JOIN LATERAL (VALUES (c.learner_id, c.mentor_id), (c.mentor_id, c.learner_id)) AS v(a, b)
       CROSS JOIN LATERAL (
         SELECT max(created_at) AS last_at FROM conversation_messages m WHERE m.conversation_id = c.id) s`,
  );
  await db.query(
    `UPDATE conversation_parties p SET unread_count = (
       SELECT count(*) FROM conversation_messages m
        WHERE m.conversation_id = p.conversation_id AND m.author_id <> p.profile_id AND m.created_at > p.last_read_at)`,
  );
  await db.query('ANALYZE');
  console.log(`loaded ${MINE + OTHERS} conversations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

interface NaiveItem {
  id: string;
  otherName: string;
  lastAt: number;
  lastBody: string;
  unread: number;
}

/** What a first implementation often does: list the conversations, then ask about each one. */
async function naiveList(db: pg.Client, me: string, limit: number): Promise<NaiveItem[]> {
  const conversations = await db.query(
    `SELECT id, learner_id, mentor_id FROM conversations WHERE learner_id = $1 OR mentor_id = $1`,
    [me],
  );
  const items: NaiveItem[] = [];
  for (const c of conversations.rows as { id: string; learner_id: string; mentor_id: string }[]) {
    const other = c.learner_id === me ? c.mentor_id : c.learner_id;
    const last = await db.query<{ body: string; created_at: Date }>(
      `SELECT body, created_at FROM conversation_messages WHERE conversation_id = $1
        ORDER BY created_at DESC, id DESC LIMIT 1`,
      [c.id],
    );
    const unread = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM conversation_messages m
         JOIN conversation_parties p ON p.conversation_id = m.conversation_id AND p.profile_id = $2
        WHERE m.conversation_id = $1 AND m.author_id <> $2 AND m.created_at > coalesce(p.last_read_at, '-infinity')`,
      [c.id, me],
    );
    const name = await db.query<{ display_name: string }>(`SELECT display_name FROM profiles WHERE id = $1`, [other]);
    items.push({
      id: c.id,
      otherName: name.rows[0].display_name,
      lastAt: last.rows[0]?.created_at.getTime() ?? 0,
      lastBody: last.rows[0]?.body ?? '',
      unread: unread.rows[0].n,
    });
  }
  return items.sort((a, b) => b.lastAt - a.lastAt || (a.id < b.id ? 1 : -1)).slice(0, limit);
}

async function main(): Promise<void> {
  const bench = await benchDatabase('conversations', { load: (url) => withClient(url, load) });
  try {
    await withClient(bench.url, async (db) => {
      const mentorId = (
        await db.query<{ mentor_id: string }>(
          `SELECT mentor_id FROM conversations GROUP BY mentor_id ORDER BY count(*) DESC LIMIT 1`,
        )
      ).rows[0].mentor_id;
      const list = (limit: number) => db.query(LIST_SQL, [mentorId, null, null, limit + 1]);

      // Both answer the same first page.
      const fast = (await list(20)).rows.slice(0, 20) as { id: string; unread_count: number }[];
      const slow = await naiveList(db, mentorId, 20);
      const same = fast.every((r, i) => r.id === slow[i].id && r.unread_count === slow[i].unread);
      if (!same) throw new Error('the one-statement list and the N+1 list disagree');
      console.log(`mentor ${mentorId.slice(0, 8)}: the one-statement list and the N+1 list agree`);
      const plan = await explain(db, LIST_SQL, [mentorId, null, null, 21]);
      // The plan's head shows the index order; its tail the server-side time, which the machine's load hardly moves.
      console.log([...plan.slice(0, 12), '…', ...plan.slice(-2)].join('\n'));

      const floor = await passes(RUNS, () => roundTripFloor(db, 100));
      const measure = (n: number, fn: () => Promise<unknown>) =>
        passes(RUNS, async () => {
          const times: number[] = [];
          for (let i = 0; i < n; i++) times.push((await timed(fn))[0]);
          return times;
        });
      const page20 = await measure(QUERIES, () => list(20));
      const page100 = await measure(QUERIES, () => list(100));
      const naive20 = await measure(NAIVE_QUERIES, () => naiveList(db, mentorId, 20));
      report([
        {
          workload: `list, page of 20 (${MINE} conversations)`,
          median: page20.p50,
          p95: page20.p95,
          unit: 'ms',
          baseline: naive20.p50,
        },
        { workload: 'list, page of 100', median: page100.p50, p95: page100.p95, unit: 'ms', baseline: naive20.p50 },
        {
          workload: `naive N+1 (${1 + 3 * MINE} queries), page of 20`,
          median: naive20.p50,
          p95: naive20.p95,
          unit: 'ms',
        },
        { workload: 'SELECT 1 round trip', median: floor.p50, p95: floor.p95, unit: 'ms' },
      ]);
      console.log(`N+1 / one statement (page of 20): ${fmt(naive20.p50 / page20.p50)}x`);
    });
  } finally {
    await bench.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
