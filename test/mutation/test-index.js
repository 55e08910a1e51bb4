/**
 * Which test file holds which test, so that a mutant's run loads only the files
 * of the tests that cover it.
 *
 * Stryker's jest runner hands Jest a mutant's covering tests as a name pattern
 * over every test file related to the mutated module. Jest then loads each of
 * those files (about 40 for a rule, 7 s on two cores) only to skip most of
 * them. The dry run writes this index (the reporter below); every mutant run
 * keeps the files that have a test the pattern matches (the sequencer below).
 * A file the index does not know is always kept, so the filter can only save
 * time, never change a result.
 */
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const INDEX_FILE = '.stryker-test-index.json';
const indexPath = (rootDir) => path.join(rootDir, INDEX_FILE);

/** Records each file's test names on the first run without a name filter (Stryker's dry run). */
class TestIndexReporter {
  constructor(globalConfig) {
    this.enabled = !globalConfig.testNamePattern;
    this.rootDir = globalConfig.rootDir;
    this.index = {};
  }
  onTestResult(_test, result) {
    if (this.enabled) this.index[result.testFilePath] = result.testResults.map((t) => t.fullName);
  }
  onRunComplete() {
    const file = indexPath(this.rootDir);
    if (!this.enabled || fs.existsSync(file)) return;
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(this.index));
    fs.renameSync(`${file}.tmp`, file);
  }
}

/**
 * Keeps the test files that hold a test the run's name pattern selects, fastest
 * first: with the bail environment, the first failing test ends the mutant's run.
 */
class CoveringFilesSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options.globalConfig.testNamePattern;
    this.rootDir = options.globalConfig.rootDir;
  }
  sort(tests) {
    // Jest's own order runs the slowest files first; its cache gives each file's last duration.
    const sorted = super.sort(tests).sort((a, b) => (a.duration ?? 0) - (b.duration ?? 0) || byPath(a, b));
    const index = this.pattern && readIndex(this.rootDir);
    if (!index) return sorted;
    // Jest matches the pattern against each test's full name, ignoring case.
    const selects = new RegExp(this.pattern, 'i');
    return sorted.filter((t) => !index[t.path] || index[t.path].some((name) => selects.test(name)));
  }
}

const byPath = (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

// Read once per worker process: Jest loads the sequencer module once and builds a sequencer for every mutant.
const indexes = new Map();

function readIndex(rootDir) {
  if (indexes.has(rootDir)) return indexes.get(rootDir);
  try {
    const index = JSON.parse(fs.readFileSync(indexPath(rootDir), 'utf8'));
    indexes.set(rootDir, index);
    return index;
  } catch {
    return undefined; // not written yet: keep every file, and look again next time
  }
}

module.exports = { TestIndexReporter, CoveringFilesSequencer };
