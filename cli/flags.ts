import { parseArgs } from 'node:util';
import { InputError, errorMessage } from '../policies/errors';

export type FlagSpec = { readonly type: 'string' | 'boolean'; readonly multiple?: boolean; readonly default?: string };

/** What a flag spec parses to: a boolean, a list, a string that has a default, or a string that may be absent. */
type FlagValue<S extends FlagSpec> = S['type'] extends 'boolean'
  ? boolean | undefined
  : S['multiple'] extends true
    ? string[] | undefined
    : S['default'] extends string
      ? string
      : string | undefined;

/** Parsed flags, typed by their specs: no `as string` where they are used. */
export type FlagValues<O extends Record<string, FlagSpec>> = { readonly [K in keyof O]: FlagValue<O[K]> } & {
  readonly debug?: boolean;
};

/** The short forms peers use (checkov, tflint, trivy), wherever a command takes the long one. */
const SHORT: Record<string, string> = { format: 'f', output: 'o', config: 'c' };

/** Strict flag parsing whose errors are usage errors (exit 2), not crashes; a mistyped flag gets a suggestion. */
export function parseFlags<O extends Record<string, FlagSpec>>(
  args: readonly string[],
  options: O,
): { values: FlagValues<O>; positionals: string[] } {
  const withShort = Object.fromEntries(
    Object.entries(options).map(([name, spec]) => [name, SHORT[name] ? { ...spec, short: SHORT[name] } : spec]),
  );
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { ...withShort, debug: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    // parseArgs checked each value against its spec; FlagValues says the same in types.
    return { values: parsed.values as FlagValues<O>, positionals: parsed.positionals };
  } catch (e) {
    const message = errorMessage(e)
      .split('\n')[0]
      .replace(/\. To specify a positional.*$/, '');
    const unknown = /Unknown option '--([^']+)'/.exec(message)?.[1];
    const guess = unknown === undefined ? undefined : closest(unknown, [...Object.keys(options), 'debug', 'help']);
    throw new InputError('', guess ? `${message} (did you mean --${guess}?)` : message);
  }
}

/** The known flag nearest to a mistyped one, within two edits. */
function closest(typed: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(typed, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}
