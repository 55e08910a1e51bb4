/** Reports land whole or not at all, wherever `--output` (or a program) points them. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { InputError } from './errors';

/**
 * Writes a report where `--output` names it. A regular file (or a new one) is
 * written whole or not at all: a temporary file beside it, then a rename. Anything
 * else that exists — a device such as `/dev/null`, a pipe, `/dev/stdout` — is
 * written through, never replaced: renaming over it would swap a device for a
 * file (as root) or silence standard output. Every failure is one line naming
 * the path the user gave.
 */
export async function writeReport(file: string, content: string, cwd = process.cwd()): Promise<void> {
  if (file.trim() === '') throw new InputError('', '--output needs a file name');
  let target = path.resolve(cwd, file);
  let info: import('node:fs').Stats | undefined;
  try {
    target = await fs.realpath(target);
    info = await fs.stat(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new InputError(file, describeWriteError(e));
  }
  if (info?.isDirectory()) throw new InputError(file, 'is a directory: name a file to write the report to');
  try {
    if (info && !info.isFile()) await fs.writeFile(target, content, 'utf8');
    else await writeFileAtomic(target, content);
  } catch (e) {
    throw new InputError(file, describeWriteError(e));
  }
}

/** Whole or nothing, for regular files: a temporary file beside the target, then a rename. */
async function writeFileAtomic(file: string, content: string): Promise<void> {
  // A fresh name, created exclusively: a file or link planted at a predictable name is never followed.
  // node:crypto is loaded here, when a file is written, not by every start of the CLI.
  const { randomBytes } = await import('node:crypto');
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await fs.writeFile(tmp, content, { encoding: 'utf8', flag: 'wx' });
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

function describeWriteError(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'cannot write the report: its directory does not exist';
    case 'ENOTDIR':
      return 'cannot write the report: a part of the path is not a directory';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'cannot write the report: permission denied';
    case 'EISDIR':
      return 'is a directory: name a file to write the report to';
    case 'ENOSPC':
      return 'cannot write the report: no space left on the device';
    default:
      return `cannot write the report (${(e as NodeJS.ErrnoException).code ?? 'unknown error'})`;
  }
}
