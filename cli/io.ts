/** The CLI's only window on the world, so commands can be tested in memory. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
// Straight from its module, not through index.ts: cli/main.ts loads this file on every start, --help and --version too.
import { writeReport } from '../policies/write-report';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colour is for terminals only. */
  readonly isTTY: boolean;
  /** Progress goes to stderr only when stderr is a terminal: never into a CI log or a redirected file. */
  readonly stderrIsTTY?: boolean;
  readonly cwd: string;
  /** Writes a whole report or nothing (the library's `writeReport`). */
  readonly writeFile: (file: string, content: string) => Promise<void>;
  readonly exists: (file: string) => Promise<boolean>;
}

export function nodeIo(): CliIo {
  const cwd = process.cwd();
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd,
    writeFile: (file, content) => writeReport(file, content, cwd),
    exists: (f) =>
      fs.access(path.resolve(cwd, f)).then(
        () => true,
        () => false,
      ),
  };
}
