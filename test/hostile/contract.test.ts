/**
 * The CLI's contract under abuse: a defect of the tool is exit 3, never the
 * input-error code 2; every error is one bounded line; inputs that cannot mean
 * anything (a baseline that hides everything, impossible limits, invisible
 * approvers, impossible dates) are refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIo } from '../../cli/io';
import { run } from '../../cli/run';
import { parseTime } from '../../policies/model/time';
import { expectOneLineError } from '../support/disk-cli';
import { runCli } from '../support/memory-io';

const NOW = ['--now', '2026-11-26T12:00:00Z'];
const STACK = 'test/fixtures/cdktf/unscoped-helpdesk.json';
let tmp: string;
beforeAll(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'rg-contract-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(tmp, name);
  writeFileSync(p, content);
  return p;
};
const accepted = {
  ruleId: 'RG-01',
  resource: 'okta_group_role.*',
  reason: 'Help desk scoping lands with the Okta migration in Q1',
  ticket: 'SEC-3100',
  approver: 'ciso-office',
  expires: '2027-01-15T00:00:00Z',
};
const withConfig = async (config: object) =>
  runCli([
    'check',
    STACK,
    ...NOW,
    '--config',
    file(`c${Math.random().toString(36).slice(2)}.json`, JSON.stringify(config)),
  ]);

describe('exit codes', () => {
  it('a defect of the tool is exit 3, one line, not the input-error code', async () => {
    let stderr = '';
    const io: CliIo = {
      stdout: () => {
        throw new Error('stdout closed\nwith detail');
      },
      stderr: (t) => (stderr += t),
      isTTY: false,
      cwd: process.cwd(),
      writeFile: async () => undefined,
      exists: async () => false,
    };
    expect(await run(['check', STACK, ...NOW], io)).toBe(3);
    expect(stderr).toBe('recovery-gate: internal error: stdout closed (run with --debug for details)\n');
  });
});

describe('error lines', () => {
  it('a binary .tf gives one line of at most a few hundred characters', async () => {
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    expectOneLineError(await runCli(['check', file('binary.tf', bytes), ...NOW]), /binary\.tf: /);
  });

  it('a file name with a newline or an escape sequence stays on one line', async () => {
    const r = await runCli(['check', path.join(tmp, 'a\nb\u001b[2J.tf'), ...NOW]);
    expectOneLineError(r, /a\\nb\\u001b\[2J\.tf: no such file or directory/);
  });
});

describe('inputs that cannot mean anything', () => {
  it('a baseline with null entries is an input error', async () => {
    const baseline = file(
      'null-baseline.json',
      JSON.stringify({ tool: { name: 'recovery-gate' }, baseline: [null, { stack: 'acme' }] }),
    );
    expectOneLineError(
      await runCli(['check', STACK, ...NOW, '--baseline', baseline]),
      /null-baseline\.json: baseline\[0\] is not a finding/,
    );
  });

  it('more break-glass accounts required than allowed is a configuration error', async () => {
    expectOneLineError(
      await withConfig({ thresholds: { breakGlassMinAccounts: 5, breakGlassMaxAccounts: 3 } }),
      /thresholds\.breakGlassMinAccounts \(5\) is more than thresholds\.breakGlassMaxAccounts \(3\)/,
    );
  });

  it('an approver of blanks or zero-width characters, a blank reason or ticket, are refused', async () => {
    expectOneLineError(
      await withConfig({
        suppressions: [{ ...accepted, ruleId: 'RG-06', resource: '*', approver: '\u200b\u200b \u2060' }],
      }),
      /RG-06 is critical; a suppression of it needs a named approver|approver.* must not be empty/,
    );
    expectOneLineError(
      await withConfig({ suppressions: [{ ...accepted, reason: ' '.repeat(30) }] }),
      /reason.* must be at least 20 characters/,
    );
    expectOneLineError(
      await withConfig({ suppressions: [{ ...accepted, ticket: '\t \u200b' }] }),
      /ticket.* must not be empty/,
    );
  });

  it('an impossible date is refused, as Terraform refuses it', async () => {
    expect(parseTime('2026-02-30T00:00:00Z')).toBeUndefined();
    expect(parseTime('2026-04-31T00:00:00Z')).toBeUndefined();
    expect(parseTime('2028-02-29T00:00:00Z')).toEqual(new Date('2028-02-29T00:00:00Z'));
    expect(parseTime('2026-01-01T24:00:00Z')).toBeUndefined();
    expectOneLineError(
      await withConfig({ suppressions: [{ ...accepted, expires: '2026-12-32T00:00:00Z' }] }),
      /expires.* must be an RFC 3339 time/,
    );
    expectOneLineError(
      await withConfig({ suppressions: [{ ...accepted, expires: '2026-02-30T00:00:00Z' }] }),
      /expires.* must be an RFC 3339 time/,
    );
  });
});

describe("names that are also JavaScript's", () => {
  it('a resource type named __proto__ or constructor is a resource like any other in review', async () => {
    const side = (value: string) =>
      file(
        `proto-${value}.tf.json`,
        JSON.stringify({
          resource: {
            ['__proto__']: { a: { name: value } },
            constructor: { b: { name: value } },
            okta_group: { desk: { name: value } },
          },
        }),
      );
    const r = await runCli(['review', '--base', side('before'), '--head', side('after'), ...NOW, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect((JSON.parse(r.stdout) as { errors: unknown[] }).errors).toEqual([]);
  });
});
