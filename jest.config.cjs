// Jest runs in native ESM mode because NestJS 12 ships ESM-only packages
// (see npm test: node --experimental-vm-modules).
const transform = { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] };
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform,
};
module.exports = {
  // Booting the API and worker takes seconds on a busy 2-core machine; a per-project testTimeout is ignored.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
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
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testTimeout: 60000,
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
