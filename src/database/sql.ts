/** Anything with TypeORM's raw `query` (DataSource, EntityManager / Tx). */
export interface Queryable {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Runs raw SQL and always returns the rows. TypeORM's postgres driver answers UPDATE and DELETE with
 * `[rows, rowCount]` but SELECT and INSERT with plain rows; this evens that out (rows are objects,
 * never arrays, so the shapes cannot be confused).
 */
export async function sql<T = Record<string, unknown>>(
  db: Queryable,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const res = await db.query(text, params);
  if (Array.isArray(res) && res.length === 2 && Array.isArray(res[0]) && typeof res[1] === 'number')
    return res[0] as T[];
  return res as T[];
}

export async function sqlOne<T = Record<string, unknown>>(
  db: Queryable,
  text: string,
  params: unknown[] = [],
): Promise<T | undefined> {
  return (await sql<T>(db, text, params))[0];
}
