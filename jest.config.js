/**
 * Two projects: the unit suite, and the browser suite (test/browser), which
 * opens the HTML report in headless Chromium. Both run in `npm test`; the
 * browser suite skips when no Chromium is installed (.ci/run installs it).
 */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Speed is the bench's business; a test that spawns the CLI or synthesizes may take seconds on a cold, shared 2-core machine.
  testTimeout: 30_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
    },
    { ...shared, displayName: 'browser', roots: ['<rootDir>/test/browser'], testMatch: ['**/*.test.ts'] },
  ],
};
