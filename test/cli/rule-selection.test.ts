/** Rule selection as peers have it: `rules` in recovery-gate.json, `--rule` and `--skip-rule`; every report says what was off, and by whom. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Group } from '@cdktf/provider-okta/lib/group';
import { GroupRole } from '@cdktf/provider-okta/lib/group-role';
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { checkStack } from '../../constructs/check-stack';
import { givenStack } from '../constructs/support';
import { DEFAULT_CONFIG } from '../../policies/config/config';
import { runCli } from '../support/memory-io';

const NOW = ['--now', '2026-11-26T12:00:00Z'];
const STACK = 'test/fixtures/cdktf/unscoped-helpdesk.json';
let tmp: string;
beforeAll(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'rg-select-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const config = (rules: object) => {
  const file = path.join(tmp, `c${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ rules }));
  return file;
};
const json = async (args: string[]) =>
  JSON.parse((await runCli(['check', STACK, ...NOW, '--format', 'json', ...args])).stdout) as {
    findings: { ruleId: string; severity: string }[];
    rulesOff?: { ruleId: string; by: string }[];
  };

it("recovery-gate.json turns a rule off and changes another's severity; the report says which and by whom", async () => {
  const file = config({ 'RG-18': 'off', 'RG-01': 'low' });
  const doc = await json(['--config', file]);
  expect(doc.findings.map((f) => f.ruleId)).not.toContain('RG-18');
  expect(doc.findings.filter((f) => f.ruleId === 'RG-01').map((f) => f.severity)).toEqual(['low']);
  expect(doc.rulesOff).toEqual([{ ruleId: 'RG-18', by: file }]);
  const text = await runCli(['check', STACK, ...NOW, '--config', file]);
  expect(text.stdout).toContain(`Rules off: RG-18 (${file}).`);
});

it('--rule runs only the rules named, --skip-rule leaves some out, for one run; each report format says so', async () => {
  const only = await json(['--rule', 'RG-01', '--rule', 'RG-04']);
  expect([...new Set(only.findings.map((f) => f.ruleId))].sort()).toEqual(['RG-01', 'RG-04']);
  expect(only.rulesOff).toHaveLength(22);
  const skipped = await json(['--skip-rule', 'RG-06']);
  expect(skipped.findings.map((f) => f.ruleId)).not.toContain('RG-06');
  expect(skipped.rulesOff).toEqual([{ ruleId: 'RG-06', by: '--skip-rule' }]);
  const junit = (await runCli(['check', STACK, ...NOW, '--skip-rule', 'RG-06', '--format', 'junit'])).stdout;
  expect(junit).toMatch(
    /<testcase name="RG-06 privileged-phishing-resistant" classname="acme"><skipped message="rule turned off by --skip-rule"\/><\/testcase>/,
  );
  expect((await runCli(['check', STACK, ...NOW, '--skip-rule', 'RG-06', '--format', 'markdown'])).stdout).toContain(
    '> **Rules off:** RG-06 (--skip-rule)',
  );
  const sarif = JSON.parse(
    (await runCli(['check', STACK, ...NOW, '--skip-rule', 'RG-06', '--format', 'sarif'])).stdout,
  );
  expect(sarif.runs[0].properties.rulesOff).toEqual([{ ruleId: 'RG-06', by: '--skip-rule' }]);
  expect((await runCli(['check', STACK, ...NOW, '--skip-rule', 'RG-06', '--format', 'github'])).stdout).toMatch(
    /^::notice title=rules off::Rules off in this run: RG-06 \(--skip-rule\)$/m,
  );
});

it('an unknown rule or selection is a usage or configuration error', async () => {
  const r = await runCli(['check', STACK, ...NOW, '--rule', 'RG-99']);
  expect({ code: r.code, stderr: r.stderr }).toEqual({
    code: 2,
    stderr: 'recovery-gate: --rule RG-99: no such rule (the catalogue is RG-01 to RG-24)\n',
  });
  expect((await runCli(['check', STACK, ...NOW, '--config', config({ 'RG-77': 'off' })])).stderr).toMatch(
    /unknown key "rules\.RG-77"/,
  );
  expect((await runCli(['check', STACK, ...NOW, '--config', config({ 'RG-01': 'disabled' })])).stderr).toMatch(
    /"rules\.RG-01" must match/,
  );
});

it('review runs the same selection on both sides', async () => {
  const r = JSON.parse(
    (
      await runCli([
        'review',
        '--base',
        'test/fixtures/tenants/acme-entra.cdk.tf.json',
        '--head',
        'test/fixtures/tenants/contoso-entra-defects.tf.json',
        ...NOW,
        '--skip-rule',
        'RG-06',
        '--format',
        'json',
      ])
    ).stdout,
  ) as { introduced: { ruleId: string }[]; rulesOff: unknown[] };
  expect(r.introduced.map((f) => f.ruleId)).not.toContain('RG-06');
  expect(r.rulesOff).toEqual([{ ruleId: 'RG-06', by: '--skip-rule' }]);
});

it("constructs honour the configuration's selection at synth", () => {
  const { stack } = givenStack('okta');
  new OktaProvider(stack, 'okta', { orgName: 'acme', baseUrl: 'okta.com' });
  const desk = new Group(stack, 'desk', { name: 'Desk' });
  new GroupRole(stack, 'desk_role', { groupId: desk.id, roleType: 'HELP_DESK_ADMIN' });
  expect(checkStack(stack).findings.map((f) => f.ruleId)).toContain('RG-01');
  const selected = checkStack(stack, { config: { ...DEFAULT_CONFIG, rules: { 'RG-01': 'off' } } });
  expect(selected.findings.map((f) => f.ruleId)).not.toContain('RG-01');
  expect(selected.rulesOff).toEqual([{ ruleId: 'RG-01', by: 'recovery-gate.json' }]);
});
