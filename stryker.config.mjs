// Mutation testing (`npm run mutate`): does the suite notice when the code is wrong?
// Incremental: the results are kept in test/mutation/stryker-incremental.json (committed, as Stryker
// recommends), so a rerun tests only the mutants of code or tests that changed since.
// Scope with MUTATE (a glob, default all of policies/): MUTATE='policies/rules/**/*.ts' npm run mutate.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutate.config.js', enableFindRelatedTests: true },
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
