/** What global setup hands every e2e file, through the environment variable E2E_RUN_ENV (as JSON). */
export interface E2eRun {
  /** Server-level URL the run creates its databases on. */
  server: string;
  /** Migrated database every e2e file's own database is copied from; theirs are named `<template>_<id>`. */
  template: string;
  /** Queue prefixes of the run's files are `<queuePrefix>_<id>`. */
  queuePrefix: string;
  redisUrl: string;
}

export const E2E_RUN_ENV = 'GUILDHALL_E2E_RUN';

/** Where e2e-file-setup.ts leaves the function that drops the file's database and queue keys. */
export const FILE_CLEANUP = Symbol.for('guildhall.e2e.fileCleanup');
