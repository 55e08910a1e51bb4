/**
 * Jest's node environment, plus the bail Stryker's jest runner cannot ask Jest
 * for: once a test fails under a mutant, the mutant is killed, so every later
 * test of the same mutant's run is skipped instead of run. Jest runs a mutant's
 * files one after the other in the worker's process (Stryker asks for
 * runInBand), and loads this module once per process, so the failure is
 * remembered across files by mutant id.
 */
const { TestEnvironment } = require('jest-environment-node');

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';
let killedMutant;

class BailEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    const mutant = process.env[ACTIVE_MUTANT];
    if (mutant === undefined) return;
    if (event.name === 'test_start' && killedMutant === mutant) event.test.mode = 'skip';
    else if (event.name === 'test_done' && event.test.errors.length > 0) killedMutant = mutant;
  }
}

module.exports = BailEnvironment;
