import pg from 'pg';
import { Prng } from '../../src/cli/seed/prng.js';
import { timed } from './stats.js';

/** Helpers for the query-latency benchmarks (W7, W8): seeded inputs, the round-trip floor, the no-index baseline. */
export function seededRandom(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}

/** `n` SELECT 1 round trips: the connection's own cost, to read the query figures against. */
export async function roundTripFloor(db: pg.Client, n = 200): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await timed(() => db.query('SELECT 1')))[0]);
  return times;
}

/** Runs `fn` with index use switched off for the session: the same SQL as sequential scans and hash joins. */
export async function withoutIndexes<T>(db: pg.Client, fn: () => Promise<T>): Promise<T> {
  await db.query(`SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off`);
  try {
    return await fn();
  } finally {
    await db.query(`RESET enable_indexscan; RESET enable_bitmapscan; RESET enable_indexonlyscan`);
  }
}

export async function explain(db: pg.Client, text: string, params: unknown[]): Promise<string[]> {
  const res = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
  return res.rows.map((r: Record<string, string>) => r['QUERY PLAN']);
}

/** Opens a client on `url`, runs `fn`, closes it: for benchDatabase's `load`. */
export async function withClient<T>(url: string, fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}
