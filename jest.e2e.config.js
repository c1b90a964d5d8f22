/** Browser tests of the preview host (npm run test:e2e): real Chromium, one worker, generous timeouts. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  maxWorkers: 1,
  testTimeout: 180000,
};
