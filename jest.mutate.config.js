/**
 * The suite as `npm run mutate` runs it for each mutant: everything but the
 * tests that spawn other programs (npm pack, terraform, the built binary),
 * which Stryker's per-test coverage cannot follow into a child process and
 * which would only slow every mutant down, and the scale and robustness
 * suites (below). The score is therefore a lower bound of the whole suite's.
 */
const { projects, testTimeout } = require('./jest.config.js');
// The unit project only: the browser suite asserts how a page renders, not a rule's logic.
const base = { ...projects[0] };
delete base.displayName;

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testTimeout,
  // The whole checkout in the haste map, so that --findRelatedTests can follow a test to the sources it loads.
  roots: ['<rootDir>'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.stryker-tmp/', '<rootDir>/cdktf.out/'],
  dependencyExtractor: '<rootDir>/test/mutation/dependency-extractor.js',
  testPathIgnorePatterns: [
    '/node_modules/',
    '/test/package\\.test\\.ts$',
    '/test/cli/binary\\.test\\.ts$',
    'terraform',
    '/test/inputs/plan-writer\\.test\\.ts$',
    '/test/doc-snippets\\.test\\.ts$',
    '/test/examples/',
    // Scale and robustness suites: they run every rule on large or hostile inputs, so they cover every mutant and
    // cost a survivor its whole run, yet they assert no rule's logic. A rule's mutants must die in focused tests.
    '/test/engine/large-lists\\.test\\.ts$',
    '/test/hostile/',
    '\\.property\\.test\\.ts$',
    '/test/cli/conventions\\.test\\.ts$',
    '/test/browser/',
  ],
};
