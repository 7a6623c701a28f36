import net from 'node:net';

export const EMBEDDED_PG_DEFAULT_PORT = 54329;

/** The database `npm start` runs when DATABASE_URL is unset (scripts/start.mjs creates it with these credentials). */
export const embeddedDatabaseUrl = (port: number): string =>
  `postgres://postgres:guildhall@127.0.0.1:${port}/guildhall`;

function answers(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => done(true));
  });
}

/**
 * Where `npm run seed` writes: DATABASE_URL when set; otherwise the embedded PostgreSQL of a running `npm start`
 * (EMBEDDED_PG_PORT, 54329 by default) when it answers; otherwise null, and the configuration's default applies.
 */
export async function seedDatabaseUrl(
  env: Record<string, string | undefined>,
): Promise<{ url: string; source: 'DATABASE_URL' | 'embedded' } | null> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, source: 'DATABASE_URL' };
  const port = Number(env.EMBEDDED_PG_PORT ?? EMBEDDED_PG_DEFAULT_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) return null;
  return (await answers(port)) ? { url: embeddedDatabaseUrl(port), source: 'embedded' } : null;
}
