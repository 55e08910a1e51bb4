/** What every reader of user files checks first, loaded without the parsers (the CLI's start-up path stays small). */
import { promises as fs } from 'node:fs';
import { InputError } from '../errors';

const NOT_REGULAR = 'not a regular file (a pipe, device or socket): not read';

/**
 * Refuses, before reading, anything but a regular file: a pipe or a device
 * would block the read forever. `name` is the path as the user wrote it.
 * A path that does not exist passes, for the read to report.
 */
export async function refuseIrregular(p: string, name = p): Promise<void> {
  const info = await fs.stat(p).catch(() => undefined);
  if (info && !info.isFile())
    throw new InputError(name, info.isDirectory() ? 'is a directory, expected a file' : NOT_REGULAR);
}
