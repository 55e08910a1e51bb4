import { parseArgs } from 'node:util';
import { InputError, errorMessage } from '../policies/inputs/input-error';

type FlagSpec = { type: 'string' | 'boolean'; multiple?: boolean; default?: string };
export type Flags = Record<string, string | boolean | string[] | undefined>;

/** Strict flag parsing whose errors are usage errors (exit 2), not crashes. */
export function parseFlags(args: readonly string[], options: Record<string, FlagSpec>): { values: Flags; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...args], options: { ...options, debug: { type: 'boolean' } }, allowPositionals: true, strict: true });
    return { values: parsed.values as Flags, positionals: parsed.positionals };
  } catch (e) {
    const message = errorMessage(e).split('\n')[0].replace(/\. To specify a positional.*$/, '');
    throw new InputError('', message);
  }
}
