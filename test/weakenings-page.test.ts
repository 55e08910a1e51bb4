/** docs/weakenings.md is the catalogue of weakening and drift kinds, as the code holds them (RG_WRITE_DOCS=1 writes it). */
import { readFileSync, writeFileSync } from 'node:fs';
import { DRIFT_KINDS, WEAKENING_KINDS } from '../policies/facts/weakening-kinds';

const PAGE = 'docs/weakenings.md';

function render(): string {
  const rows = (kinds: Record<string, string>) =>
    Object.entries(kinds).map(([id, meaning]) => `| \`${id}\` | ${meaning} |`);
  return [
    '# Changes that weaken a control',
    '',
    '`review` (base against head) and `drift` (what is configured against what is',
    'live) classify every change that weakens a recovery control with one of these',
    'kinds, and name the rule it erodes. A weakening is reported even where the',
    'result still passes every rule: an exclusion added today is the bypass used',
    'tomorrow. In SARIF each kind is a rule of its own; in JUnit, a failed case.',
    '',
    '| Kind | Change |',
    '|---|---|',
    ...rows(WEAKENING_KINDS),
    '',
    '## What drift reports besides',
    '',
    '| Kind | Meaning |',
    '|---|---|',
    ...rows(DRIFT_KINDS),
    '',
  ].join('\n');
}

it('docs/weakenings.md lists every weakening and drift kind with its meaning', () => {
  if (process.env.RG_WRITE_DOCS === '1') writeFileSync(PAGE, render());
  expect(readFileSync(PAGE, 'utf8')).toBe(render());
});
