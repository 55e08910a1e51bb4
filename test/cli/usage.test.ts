/** `--help` names every flag each command takes, so the two cannot drift. */
import { readFileSync } from 'node:fs';
import { CHECK_FLAGS } from '../../cli/check';
import { DRIFT_FLAGS } from '../../cli/drift';
import { PATHS_FLAGS } from '../../cli/paths';
import { REVIEW_FLAGS } from '../../cli/review';
import { RULES_FLAGS } from '../../cli/rules';
import { USAGE } from '../../cli/run';

const COMMANDS = {
  check: CHECK_FLAGS,
  review: REVIEW_FLAGS,
  drift: DRIFT_FLAGS,
  paths: PATHS_FLAGS,
  rules: RULES_FLAGS,
};

/** A command's lines in the help: its own, up to the next command; and the shared report flags where the help says they apply. */
function helpOf(command: string): string {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  ${command}`));
  const end = lines.findIndex((l, i) => i > start && /^ {2}\S/.test(l));
  const own = lines.slice(start, end === -1 ? undefined : end).join('\n');
  const reports = /Reports \(([^)]*)\)[\s\S]*?(?=\n\n)/.exec(USAGE);
  return reports && reports[1].split(', ').includes(command) ? `${own}\n${reports[0]}` : own;
}

describe.each(Object.entries(COMMANDS))('recovery-gate %s --help', (command, flags) => {
  it('is listed, with every flag the command takes', () => {
    const help = helpOf(command);
    expect(help).toContain(`  ${command}`);
    for (const flag of Object.keys(flags))
      expect({ flag, listed: help.includes(`--${flag}`) }).toEqual({ flag, listed: true });
  });
});

it("the README's check contract names every flag check takes", () => {
  const contract = readFileSync('README.md', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('`recovery-gate check [PATH ...]'));
  expect(contract).toBeDefined();
  for (const flag of Object.keys(CHECK_FLAGS))
    expect({ flag, listed: contract!.includes(`[--${flag}`) }).toEqual({ flag, listed: true });
});
