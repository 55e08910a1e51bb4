/**
 * The helpers that make a mutant's run cheap may only skip work, never change
 * a verdict: the sequencer keeps every file that holds a covering test (and any
 * file it knows nothing about), and the bail stops only after a failure.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The helpers are plain CommonJS, as Jest and Stryker load them.
/* eslint-disable @typescript-eslint/no-require-imports */
const { CoveringFilesSequencer } = require('./test-index');
const BailEnvironment = require('./bail-environment');
const BailRunner = require('./bail-runner');
/* eslint-enable @typescript-eslint/no-require-imports */

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';

function sequencer(pattern: string | undefined, index?: Record<string, string[]>) {
  const rootDir = mkdtempSync(path.join(os.tmpdir(), 'rg-mutation-'));
  if (index) writeFileSync(path.join(rootDir, '.stryker-test-index.json'), JSON.stringify(index));
  const hasteFS = { getSize: () => 1 };
  const test = (p: string) => ({ path: p, context: { config: { cacheDirectory: rootDir }, hasteFS } });
  const s = new CoveringFilesSequencer({ contexts: [], globalConfig: { rootDir, testNamePattern: pattern } });
  return (paths: string[]) => s.sort(paths.map(test)).map((t: { path: string }) => t.path);
}

describe('covering-files sequencer', () => {
  const index = { '/a.test.ts': ['rule flags an expired account'], '/b.test.ts': ['cli prints text'] };

  it('keeps only the files holding a test the pattern selects, and files the index does not know', () => {
    const sort = sequencer('(rule flags an EXPIRED account)', index);
    expect(sort(['/b.test.ts', '/a.test.ts', '/c.test.ts'])).toEqual(['/a.test.ts', '/c.test.ts']);
  });

  it('keeps every file without a pattern (the dry run) or without an index', () => {
    expect(sequencer(undefined, index)(['/b.test.ts', '/a.test.ts'])).toEqual(['/a.test.ts', '/b.test.ts']);
    expect(sequencer('(nothing)')(['/b.test.ts', '/a.test.ts'])).toEqual(['/a.test.ts', '/b.test.ts']);
  });
});

describe('bail', () => {
  afterEach(() => delete process.env[ACTIVE_MUTANT]);

  function environment() {
    const env = Object.create(BailEnvironment.prototype);
    return (name: string, errors: unknown[] = []) => {
      const test = { mode: undefined as string | undefined, errors };
      env.handleTestEvent({ name, test });
      return test.mode;
    };
  }

  it('skips the tests after a failure under the same mutant, and only then', async () => {
    const event = environment();
    process.env[ACTIVE_MUTANT] = '7';
    expect(event('test_start')).toBeUndefined();
    event('test_done', ['failed']);
    expect(event('test_start')).toBe('skip');
    process.env[ACTIVE_MUTANT] = '8';
    expect(event('test_start')).toBeUndefined();
  });

  it('never skips a test outside a mutant run', () => {
    const event = environment();
    event('test_done', ['failed']);
    expect(event('test_start')).toBeUndefined();
  });

  it('stops running files after the first file with a failing test', async () => {
    const ran: string[] = [];
    const runner = Object.create(BailRunner.prototype);
    const listeners = new Map<string, (args: unknown[]) => void>();
    runner.on = (name: string, listener: (args: unknown[]) => void) => {
      listeners.set(name, listener);
      return () => listeners.delete(name);
    };
    // Jest's runner, reduced to what BailRunner relies on: it reports each file's result.
    Object.getPrototypeOf(BailRunner.prototype).runTests = async (tests: { path: string }[]) => {
      for (const t of tests) {
        ran.push(t.path);
        listeners.get('test-file-success')?.([t, { numFailingTests: t.path === 'b' ? 1 : 0 }]);
      }
    };
    process.env[ACTIVE_MUTANT] = '1';
    await runner.runTests(
      ['a', 'b', 'c'].map((p) => ({ path: p })),
      {},
      { serial: true },
    );
    expect(ran).toEqual(['a', 'b']);
    delete process.env[ACTIVE_MUTANT];
    ran.length = 0;
    await runner.runTests(
      ['a', 'b', 'c'].map((p) => ({ path: p })),
      {},
      { serial: true },
    );
    expect(ran).toEqual(['a', 'b', 'c']);
  });
});
