// Jest runs in native ESM mode because NestJS 12 ships ESM-only packages
// (see npm test: node --experimental-vm-modules).
const transform = { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] };
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform,
};
module.exports = {
  // A global option (Jest ignores it per project). Generous for a unit test, honest for an e2e test that boots
  // nothing itself; the hooks that boot the API and worker on a busy 2-core machine set their own.
  testTimeout: 15000,
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
