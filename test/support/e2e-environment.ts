import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';

// FILE_CLEANUP in e2e-run.ts; spelled out because this file loads outside Jest's module mapper.
const FILE_CLEANUP = Symbol.for('guildhall.e2e.fileCleanup');

/**
 * Node environment that runs the file's cleanup once every test and hook has finished: an afterAll in the
 * setup file would run before a spec's own top-level afterAll (Jest runs them in declaration order) and pull
 * the database from under apps that are still open.
 */
export default class E2eEnvironment extends TestEnvironment {
  async handleTestEvent(event: Circus.AsyncEvent): Promise<void> {
    if (event.name !== 'run_finish') return;
    const cleanup = (this.global as Record<symbol, unknown>)[FILE_CLEANUP] as (() => Promise<void>) | undefined;
    delete (this.global as Record<symbol, unknown>)[FILE_CLEANUP];
    await cleanup?.();
  }
}
