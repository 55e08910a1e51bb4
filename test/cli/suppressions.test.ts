/** Suppressions in recovery-gate.json and baselines: accepted findings are listed, never hidden; stale ones surface. */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/memory-io';

const NOW = ['--now', '2026-11-26T12:00:00Z'];
const STACK = 'test/fixtures/cdktf/unscoped-helpdesk.json';
const PLAN = 'test/fixtures/plan/entra-tenant.json';
let tmp: string;
beforeAll(async () => (tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'rg-suppress-'))));
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

async function config(suppressions: object[]): Promise<string> {
  const file = path.join(tmp, `config-${Math.random().toString(36).slice(2)}.json`);
  await fs.writeFile(file, JSON.stringify({ suppressions }));
  return file;
}
const accepted = {
  ruleId: 'RG-01',
  resource: 'okta_group_role.*',
  reason: 'Help desk scoping lands with the Okta migration in Q1',
  ticket: 'SEC-3100',
  approver: 'ciso-office',
  expires: '2027-01-15T00:00:00Z',
};

describe('suppressions in recovery-gate.json', () => {
  it('mark the finding, keep it in every report, and take it out of the counts', async () => {
    const plain = JSON.parse((await runCli(['check', STACK, ...NOW, '--format', 'json'])).stdout);
    const r = await runCli(['check', STACK, ...NOW, '--format', 'json', '--config', await config([accepted])]);
    const doc = JSON.parse(r.stdout);
    const rg01 = doc.findings.find((f: { ruleId: string }) => f.ruleId === 'RG-01');
    expect(rg01.suppressed).toEqual({
      reason: accepted.reason,
      ticket: 'SEC-3100',
      approver: 'ciso-office',
      expires: accepted.expires,
    });
    expect(doc.findings).toHaveLength(plain.findings.length);
    expect(doc.summary.high).toBe(plain.summary.high - 1);
    const text = await runCli(['check', STACK, ...NOW, '--config', await config([accepted])]);
    expect(text.stdout).toMatch(
      /RG-01 okta_group_role\.hd .*\[suppressed\]\n.*\n {6}Suppressed until 2027-01-15T00:00:00Z \(SEC-3100, approved by ciso-office\): Help desk scoping/,
    );
    expect(text.stdout).toMatch(/\(1 suppressed, listed above\)\n$/);
  });

  it('exit codes ignore suppressed findings', async () => {
    const all = ['RG-01', 'RG-04', 'RG-06', 'RG-09', 'RG-10', 'RG-17'].map((ruleId) => ({
      ...accepted,
      ruleId,
      resource: '*',
    }));
    expect((await runCli(['check', STACK, ...NOW, '--config', await config(all)])).code).toBe(0);
    expect((await runCli(['check', STACK, ...NOW, '--config', await config(all.slice(1))])).code).toBe(1);
  });

  it('an expired suppression is a finding and no longer suppresses; one that matches nothing is a notice', async () => {
    const r = await runCli([
      'check',
      STACK,
      ...NOW,
      '--format',
      'json',
      '--config',
      await config([
        { ...accepted, expires: '2026-11-01T00:00:00Z' },
        { ...accepted, ruleId: 'RG-16', resource: 'okta_log_stream.gone' },
      ]),
    ]);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.filter((f: { messageId: string }) => f.messageId === 'suppressionExpired')).toEqual([
      expect.objectContaining({
        ruleId: 'RG-01',
        resource: null,
        message: expect.stringMatching(/expired on 2026-11-01T00:00:00Z/),
      }),
    ]);
    expect(
      doc.findings.find(
        (f: { ruleId: string; messageId: string }) => f.ruleId === 'RG-01' && f.messageId === 'unscopedOkta',
      ).suppressed,
    ).toBeUndefined();
    expect(doc.notices).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /suppression of RG-16 for okta_log_stream\.gone \(SEC-3100\) matched no finding: remove it/,
        ),
      }),
    ]);
  });

  it('are refused when too long, too vague, or accepting a critical rule without an approver', async () => {
    const refuse = async (s: object, message: RegExp) => {
      const file = await config([s]);
      const r = await runCli(['check', STACK, ...NOW, '--config', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split('\n')).toHaveLength(2);
    };
    await refuse(
      { ...accepted, expires: '2027-06-01T00:00:00Z' },
      /config-\w+\.json: suppressions\[0\] \(RG-01 okta_group_role\.\*\): expires .* more than 90 days ahead/,
    );
    await refuse({ ...accepted, reason: 'later' }, /"suppressions\[0\]\.reason" must be at least 20 characters/);
    await refuse(
      { ...accepted, ruleId: 'RG-02', approver: undefined },
      /RG-02 is critical; a suppression of it needs a named approver/,
    );
    await refuse({ ...accepted, ticket: undefined }, /"suppressions\[0\]" needs "ticket"/);
  });
});

describe('baselines for gradual adoption', () => {
  it("--write-baseline records today's findings; --baseline then reports only new ones", async () => {
    const baseline = path.join(tmp, 'baseline.json');
    const first = await runCli(['check', PLAN, ...NOW, '--write-baseline', 'baseline.json', '--format', 'json']);
    await fs.writeFile(baseline, first.files.get('baseline.json')!);
    const again = await runCli(['check', PLAN, ...NOW, '--baseline', baseline, '--format', 'json']);
    const doc = JSON.parse(again.stdout);
    expect(doc.findings).toEqual([]);
    expect(doc.notices).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^\d+ finding\(s\) recorded in the baseline .* are not shown$/),
      }),
    ]);
    expect(again.code).toBe(0);
    const other = await runCli([
      'check',
      'test/fixtures/hcl/okta-org',
      ...NOW,
      '--baseline',
      baseline,
      '--format',
      'json',
    ]);
    expect(JSON.parse(other.stdout).findings.length).toBeGreaterThan(0);
    expect(await runCli(['check', PLAN, '--baseline', path.join(tmp, 'none.json')])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/none\.json: cannot read the baseline/),
    });
  });
});
