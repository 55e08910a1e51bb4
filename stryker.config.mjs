// Mutation testing (`npm run mutate`): does the suite notice when the code is wrong?
// Incremental: the results are kept in test/mutation/stryker-incremental.json (committed, as Stryker
// recommends), so a rerun tests only the mutants of code or tests that changed since.
// Scope with MUTATE (a glob, default all of policies/): MUTATE='policies/rules/**/*.ts' npm run mutate.
import { URL, fileURLToPath } from 'node:url';

// Stryker passes these to Jest without resolving <rootDir>.
const here = (file) => fileURLToPath(new URL(file, import.meta.url));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.mutate.config.js',
    enableFindRelatedTests: true,
    // A mutant's run loads only the files of its covering tests, fastest first, and stops at the first
    // failure (see test/mutation/test-index.js, bail-runner.js and bail-environment.js).
    config: {
      runner: here('test/mutation/bail-runner.js'),
      testEnvironment: here('test/mutation/bail-environment.js'),
      reporters: [here('test/mutation/test-index-reporter.js')],
      testSequencer: here('test/mutation/covering-files-sequencer.js'),
    },
  },
  coverageAnalysis: 'perTest',
  plugins: ['@stryker-mutator/*', './test/mutation/ignore-catalogue-text.mjs'],
  ignorers: ['catalogue-text'],
  mutate: (process.env.MUTATE ?? 'policies/**/*.ts').split(','),
  ignoreStatic: true,
  // @swc/jest does not type-check, so nothing needs a // @ts-nocheck (and tests that read sources must see them as written).
  disableTypeChecks: false,
  incremental: true,
  incrementalFile: 'test/mutation/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 10000,
  thresholds: { high: 90, low: 80, break: null },
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
