/**
 * Jest's file runner, plus the bail between files that Stryker's jest runner
 * cannot ask Jest for: under a mutant, the files run one at a time and the run
 * stops at the first file with a failing test, since that test has killed the
 * mutant. Without it every other covering file would still be loaded and run.
 * (bail-environment.js does the same between the tests of one file.)
 */
const JestRunner = require('jest-runner').default;

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';

class BailRunner extends JestRunner {
  async runTests(tests, watcher, options) {
    if (process.env[ACTIVE_MUTANT] === undefined) return super.runTests(tests, watcher, options);
    let killed = false;
    const stopOnFailure = [
      this.on('test-file-success', ([, result]) => (killed ||= result.numFailingTests > 0)),
      this.on('test-file-failure', () => (killed = true)),
    ];
    for (const test of tests) {
      if (killed) break;
      await super.runTests([test], watcher, options);
    }
    for (const unsubscribe of stopOnFailure) unsubscribe();
  }
}

module.exports = BailRunner;
