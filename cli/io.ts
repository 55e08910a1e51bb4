/** The CLI's only window on the world, so commands can be tested in memory. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colour is for terminals only. */
  readonly isTTY: boolean;
  readonly cwd: string;
  /** Writes a whole file or nothing (temporary file, then rename). */
  readonly writeFile: (file: string, content: string) => Promise<void>;
  readonly exists: (file: string) => Promise<boolean>;
}

export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, content, 'utf8');
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

export function nodeIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    cwd: process.cwd(),
    writeFile: writeFileAtomic,
    exists: (f) => fs.access(f).then(() => true, () => false),
  };
}
