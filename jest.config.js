/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  maxWorkers: 2,
  // Suites that write and read real .xlsx files take seconds on a loaded 2-core machine; timing is not under test.
  testTimeout: 60000,
  setupFiles: ['<rootDir>/test/setup-dom.ts'],
};
