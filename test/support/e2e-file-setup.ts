import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, serverUrl } from '../../src/database/scratch-database.js';
import { deletePrefixedKeys } from '../../src/redis/delete-prefixed-keys.js';
import { E2E_RUN_ENV, FILE_CLEANUP, type E2eRun } from './e2e-run.js';

/**
 * Runs before each e2e file (setupFilesAfterEnv): the file gets a database copied from the run's migrated
 * template and a BullMQ prefix of its own, so its outbox events, jobs and rows are seen by nobody else.
 * Both go when the file ends (e2e-environment.ts), after the file's own afterAll hooks have closed its apps.
 */
const run = process.env[E2E_RUN_ENV] ? (JSON.parse(process.env[E2E_RUN_ENV]) as E2eRun) : undefined;
if (!run) throw new Error(`${E2E_RUN_ENV} is not set: e2e files run through the e2e project's global setup`);

const id = randomBytes(4).toString('hex');
const database = `${run.template}_${id}`;
const queuePrefix = `${run.queuePrefix}_${id}`;
const server = serverUrl({ DATABASE_URL: run.server });

process.env.DATABASE_URL = await createDatabase(server, database, run.template);
process.env.QUEUE_PREFIX = queuePrefix;
(globalThis as Record<symbol, unknown>)[FILE_CLEANUP] = async () => {
  await dropDatabase(server, database);
  await deletePrefixedKeys(run.redisUrl, queuePrefix);
};
