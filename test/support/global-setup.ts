import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type * as Scratch from '../../src/database/scratch-database.js';
import type * as RedisKeys from '../../src/redis/delete-prefixed-keys.js';
import type { E2eRun } from './e2e-run.js';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Migrates one template database for the run (guildhall_test_<run>); every e2e file then gets its own copy
 * of it and a queue prefix of its own (e2e-file-setup.ts). Teardown drops the template and anything a killed
 * test worker left under the run's names.
 *
 * Jest loads this file outside its module mapper, where `../x.js` does not resolve to `x.ts`; so the
 * migrations and the helpers it needs are compiled into a temporary directory first and imported from there.
 */
export default async function globalSetup(): Promise<void> {
  const out = await compileSupport();
  const scratch = (await import(pathToFileURL(join(out, 'src/database/scratch-database.js')).href)) as typeof Scratch;
  const keys = (await import(pathToFileURL(join(out, 'src/redis/delete-prefixed-keys.js')).href)) as typeof RedisKeys;

  const id = randomBytes(4).toString('hex');
  const server = scratch.serverUrl();
  const run: E2eRun = {
    server: server.toString(),
    template: `guildhall_test_${id}`,
    queuePrefix: `gh_test_${id}`,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
  const url = await scratch.createDatabase(server, run.template);
  try {
    await scratch.migrateDatabase(url, [join(out, 'migrations', '*.js')]);
  } catch (e) {
    await scratch.dropDatabase(server, run.template);
    rmSync(out, { recursive: true, force: true });
    throw e;
  }
  process.env.GUILDHALL_E2E_RUN = JSON.stringify(run); // E2E_RUN_ENV; a value import would not resolve here
  process.env.NODE_ENV = 'test';
  process.env.REDIS_URL = run.redisUrl;
  (globalThis as Record<string, unknown>).__GUILDHALL_TEARDOWN__ = async () => {
    // Every per-file copy is named after the template and normally gone already; this catches crashed workers.
    await scratch.dropDatabasesStartingWith(server, `${run.template}_`);
    await scratch.dropDatabase(server, run.template);
    await keys.deleteKeysMatching(run.redisUrl, `${run.queuePrefix}_*`);
    rmSync(out, { recursive: true, force: true });
  };
}

async function compileSupport(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'guildhall-test-support-'));
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [
    tsc,
    '-p',
    join(ROOT, 'test/support/tsconfig.global-setup.json'),
    '--outDir',
    out,
  ]);
  writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }));
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
  return out;
}
