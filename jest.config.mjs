// Jest runs in ESM mode (NestJS 12 packages are ESM-only); see docs/development.md.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/bench'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    // Type checking is `npm run typecheck`; here each file is only transpiled, which keeps suites fast.
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // The portal's alias for the one library file it imports (apps/portal/tsconfig.json); before the general rule, which would map it to a folder.
    '^@kring/audit/vocabulary$': '<rootDir>/libs/audit/src/access-log-vocabulary.ts',
    '^@kring/(.*)$': '<rootDir>/libs/$1/src/index.ts',
  },
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.mjs'],
  testTimeout: 60_000,
  // Two cores here; each suite has its own database, so suites run in parallel safely.
  maxWorkers: 2,
  // Tests within a file run in a shuffled order (the seed is printed), so none can lean on another having run first.
  randomize: true,
  showSeed: true,
};
