import { randomBytes } from 'node:crypto';

/** Server-level URL the e2e run creates its own database on; never a database that already exists. */
export function serverUrl(): URL {
  const u = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  return u;
}

export function withDatabase(url: URL, db: string): string {
  const u = new URL(url.toString());
  u.pathname = `/${db}`;
  return u.toString();
}

export const randomSuffix = (): string => randomBytes(5).toString('hex');
