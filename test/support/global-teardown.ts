/** Runs what global setup left to undo (its closure holds the helpers this file could not import). */
export default async function globalTeardown(): Promise<void> {
  const teardown = (globalThis as Record<string, unknown>).__GUILDHALL_TEARDOWN__ as (() => Promise<void>) | undefined;
  await teardown?.();
}
