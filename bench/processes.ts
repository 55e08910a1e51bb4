/**
 * Whole processes, as users run them: `node bin/recovery-gate.js check <file>`
 * against a process that only reads and JSON.parses the same (JSON) file, run
 * alternately so that the machine's drift hits both alike.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { PEAK_MARK } from './peak-mark';
import { elapsedMs, median } from './timing';

export interface ProcessRun {
  readonly ms: number;
  readonly peakMb: number;
}

const PRELOAD = path.join(__dirname, 'peak-memory.js');
const BINARY = path.resolve('bin/recovery-gate.js');

export function runProcess(args: readonly string[]): ProcessRun {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--require', PRELOAD, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 24,
  });
  const ms = elapsedMs(start);
  const peak = new RegExp(`${PEAK_MARK} (\\d+)`).exec(child.stderr);
  if (child.status === null || child.status > 1 || !peak)
    throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr.slice(0, 500)}`);
  return { ms, peakMb: Number(peak[1]) / 1024 };
}

export const checkProcess = (input: string): ProcessRun =>
  runProcess([BINARY, 'check', input, '--fail-on', 'none', '--now', '2026-11-26T00:00:00Z']);

export const parseProcess = (json: string): ProcessRun => runProcess([path.join(__dirname, 'parse-only.js'), json]);

export interface Pairs {
  readonly check: ProcessRun;
  readonly parse: ProcessRun;
  /** Median of the per-pair ratios of time. */
  readonly ratio: number;
  /** Peak memory of check over that of the parse process. */
  readonly memoryRatio: number;
}

/** `runs` alternating pairs after one warm-up of each; medians. */
export function pairs(input: string, json: string, runs: number): Pairs {
  checkProcess(input);
  parseProcess(json);
  const checks: ProcessRun[] = [];
  const parses: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    parses.push(parseProcess(json));
    checks.push(checkProcess(input));
  }
  const check = { ms: median(checks.map((r) => r.ms)), peakMb: Math.max(...checks.map((r) => r.peakMb)) };
  const parse = { ms: median(parses.map((r) => r.ms)), peakMb: Math.max(...parses.map((r) => r.peakMb)) };
  return {
    check,
    parse,
    ratio: median(checks.map((c, i) => c.ms / parses[i].ms)),
    memoryRatio: check.peakMb / parse.peakMb,
  };
}

/** Median of `runs` cold starts of check on a small input. */
export function coldStart(input: string, runs = 7): number {
  checkProcess(input);
  return median(Array.from({ length: runs }, () => checkProcess(input).ms));
}
