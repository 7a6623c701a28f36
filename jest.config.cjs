// Jest runs in native ESM mode because NestJS 12 ships ESM-only packages
// (see npm test: node --experimental-vm-modules).
const transform = { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] };
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform,
};
module.exports = {
  // A global option (Jest ignores it per project). An e2e test takes a few seconds on a quiet machine (argon2
  // registrations, parallel transactions, the worker's round trips); 30 s leaves room for a busy 2-core CI box.
  // The few heavier tests (outbox race, worker crash recovery) say so where they are.
  testTimeout: 30000,
  projects: [
    { ...common, testEnvironment: 'node', displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      moduleNameMapper: {
        ...common.moduleNameMapper,
        '^@fastify/static$': '<rootDir>/test/support/fastify-static-shim.ts',
      },
      // One migrated template per run; a database and queue prefix of its own per file, dropped at its end.
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testEnvironment: '<rootDir>/test/support/e2e-environment.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-file-setup.ts'],
    },
  ],
};
