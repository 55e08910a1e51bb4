/** Runs the CLI against the real file system, in a directory of the test's, with stdout and stderr captured. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CliIo } from '../../cli/io';
import { writeReport } from '../../index';
import { run } from '../../cli/run';

export interface DiskRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runOnDisk(argv: string[], cwd: string): Promise<DiskRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    cwd,
    writeFile: (file, content) => writeReport(file, content, cwd),
    exists: (f) =>
      fs.access(path.resolve(cwd, f)).then(
        () => true,
        () => false,
      ),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** The contract for a refused input: exit 2, one line on stderr, nothing on stdout that could be taken for a report. */
export function expectOneLineError(r: DiskRun | { code: number; stderr: string }, pattern: RegExp): void {
  expect({ code: r.code, lines: r.stderr.split('\n').length - 1 }).toEqual({ code: 2, lines: 1 });
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.stderr.length).toBeLessThan(500);
}
