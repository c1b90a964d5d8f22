/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  maxWorkers: 2,
  // A hang guard, not a timing test: suites that write, read and validate real .xlsx files took over 60 s on a
  // 2-core machine running other builds (schema validation, the bad-input corpus); speed is the bench's business.
  testTimeout: 180000,
  setupFiles: ['<rootDir>/test/setup-dom.ts'],
};
