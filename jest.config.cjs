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
      // @fastify/static (CommonJS) requires content-disposition 3, which is ESM-only; Jest's module runtime on
      // Node 20 cannot require ESM, so that one package is compiled to CommonJS for the tests.
      transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
      transform: {
        ...transform,
        '/node_modules/content-disposition/.+\\.js$': [
          'ts-jest',
          {
            useESM: false,
            tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', verbatimModuleSyntax: false },
          },
        ],
      },
      // One migrated template per run; a database and queue prefix of its own per file, dropped at its end.
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testEnvironment: '<rootDir>/test/support/e2e-environment.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-file-setup.ts'],
    },
    {
      // Browser journeys: each file boots the built API and worker (dist/) serving the built app (web/dist/) on a
      // database of its own, and drives Debian's Chromium through Playwright. The global setup builds what is stale.
      ...common,
      displayName: 'web',
      testMatch: ['<rootDir>/test/web/**/*.web-spec.ts'],
      globalSetup: '<rootDir>/test/web/support/global-setup.ts',
    },
  ],
};
