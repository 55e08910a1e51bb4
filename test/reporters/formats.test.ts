/**
 * Every output format, for check, review and drift: SARIF validates against
 * the SARIF 2.1.0 schema, several formats can be written at once, and a canary
 * secret placed in every sensitive place of a plan appears in none of them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import { runCli } from '../support/memory-io';

const NOW = ['--now', '2026-11-26T12:00:00Z'];
const FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit', 'html'];
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

let tmp: string;
beforeAll(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'rg-formats-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CANARY = 'CANARY-7f3a';
/** A plan with the canary in every place a secret can sit: marked sensitive (before, after, planned values, drift), named like one, in variables and outputs. */
function canaryPlan(): string {
  const user = (extra: Record<string, unknown>) => ({
    user_principal_name: 'breakglass1@acme.onmicrosoft.com',
    display_name: 'Break glass 1',
    password: `${CANARY}-password`,
    ...extra,
  });
  const hook = {
    name: 'hook',
    events: ['user.session.start'],
    channel: { type: 'HTTP', version: '1.0.0', uri: 'https://siem.example/okta' },
    auth: { type: 'HEADER', key: 'Authorization', value: `${CANARY}-bearer` },
  };
  const app = { display_name: 'automation', notes: `${CANARY}-marked-only` };
  const secret = { application_id: 'app', value: `${CANARY}-client-secret`, end_date: '2030-01-01T00:00:00Z' };
  // Printed values: reports show the excluded principals of a changed policy, so a marked value here would leak if redaction failed.
  const policy = (excluded: string[]) => ({
    display_name: 'MFA',
    state: 'enabled',
    conditions: [
      {
        client_app_types: ['all'],
        users: [{ included_users: ['All'], excluded_users: excluded }],
        applications: [{ included_applications: ['All'] }],
      },
    ],
    grant_controls: [{ operator: 'OR', built_in_controls: ['mfa'] }],
  });
  const excludedSensitive = { conditions: [{ users: [{ excluded_users: true }] }] };
  const entry = (address: string, before: unknown, after: unknown, sensitive: unknown, actions = ['update']) => ({
    address,
    mode: 'managed',
    type: address.split('.')[0],
    name: address.split('.')[1],
    change: { actions, before, after, after_unknown: {}, before_sensitive: sensitive, after_sensitive: sensitive },
  });
  const plan = {
    format_version: '1.2',
    terraform_version: '1.11.4',
    variables: { token: { value: `${CANARY}-variable` } },
    planned_values: {
      outputs: { secret: { sensitive: true, value: `${CANARY}-output` } },
      root_module: {
        resources: [
          {
            address: 'azuread_user.bg1',
            mode: 'managed',
            type: 'azuread_user',
            name: 'bg1',
            values: user({}),
            sensitive_values: { password: true },
          },
          {
            address: 'okta_event_hook.hook',
            mode: 'managed',
            type: 'okta_event_hook',
            name: 'hook',
            values: hook,
            sensitive_values: { auth: { value: true } },
          },
          {
            address: 'azuread_application.app',
            mode: 'managed',
            type: 'azuread_application',
            name: 'app',
            values: app,
            sensitive_values: { notes: true },
          },
          {
            address: 'azuread_application_password.secret',
            mode: 'managed',
            type: 'azuread_application_password',
            name: 'secret',
            values: secret,
            sensitive_values: { value: true },
          },
          {
            address: 'azuread_conditional_access_policy.mfa',
            mode: 'managed',
            type: 'azuread_conditional_access_policy',
            name: 'mfa',
            values: policy([`${CANARY}-excluded`]),
            sensitive_values: excludedSensitive,
          },
          // `true` for a whole value: everything below it is secret.
          {
            address: 'azuread_user.whole',
            mode: 'managed',
            type: 'azuread_user',
            name: 'whole',
            values: user({ display_name: `${CANARY}-whole-planned` }),
            sensitive_values: true,
          },
          {
            address: 'terraform_data.whole_input',
            mode: 'managed',
            type: 'terraform_data',
            name: 'whole_input',
            values: { input: { note: `${CANARY}-whole-input` }, output: { note: `${CANARY}-whole-output` } },
            sensitive_values: { input: true, output: {} },
          },
        ],
      },
    },
    resource_changes: [
      entry('azuread_user.bg1', user({ display_name: 'Old' }), user({}), { password: true }),
      entry(
        'okta_event_hook.hook',
        { ...hook, status: 'ACTIVE' },
        { ...hook, status: 'INACTIVE' },
        { auth: { value: true } },
      ),
      entry('azuread_application.app', { ...app, notes: `${CANARY}-before` }, app, { notes: true }),
      entry('azuread_application_password.secret', null, secret, { value: true }, ['create']),
      entry('azuread_conditional_access_policy.mfa', policy([]), policy([`${CANARY}-excluded`]), excludedSensitive),
      entry('azuread_conditional_access_policy.whole', policy([]), policy([`${CANARY}-whole-excluded`]), true),
    ],
    resource_drift: [
      entry(
        'azuread_conditional_access_policy.drifted_whole',
        policy([]),
        policy([`${CANARY}-drift-whole-excluded`]),
        true,
      ),
      entry(
        'azuread_application.app',
        { ...app, notes: `${CANARY}-drift-before` },
        { ...app, notes: `${CANARY}-drift-after` },
        { notes: true },
      ),
      entry(
        'azuread_conditional_access_policy.mfa',
        policy([]),
        policy([`${CANARY}-drift-excluded`]),
        excludedSensitive,
      ),
    ],
    output_changes: {
      secret: { actions: ['create'], before: null, after: `${CANARY}-output-change`, after_sensitive: true },
    },
    configuration: {
      root_module: {
        variables: { token: { sensitive: true } },
        resources: [
          {
            address: 'azuread_user.bg1',
            mode: 'managed',
            type: 'azuread_user',
            name: 'bg1',
            expressions: { password: { constant_value: `${CANARY}-config` } },
          },
        ],
      },
    },
  };
  const file = path.join(tmp, 'canary-plan.json');
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

describe('output formats', () => {
  it('a canary secret from every sensitive place of a plan appears in no format of check, review, drift or paths', async () => {
    const plan = canaryPlan();
    const runs = [
      ...FORMATS.flatMap((format) =>
        [
          ['check', plan],
          ['review', '--plan', plan],
          ['drift', plan],
        ].map((args) => [...args, '--format', format]),
      ),
      ...['text', 'json', 'markdown', 'mermaid', 'dot'].map((format) => ['paths', plan, '--format', format]),
    ];
    for (const args of runs) {
      const r = await runCli([...args, ...NOW]);
      expect(r.stderr).toBe('');
      expect(`${args.join(' ')}: ${r.stdout}`).not.toContain(CANARY);
      expect(r.stdout.length).toBeGreaterThan(args[0] === 'paths' ? 5 : 20);
    }
  });

  it('SARIF validates against the SARIF 2.1.0 schema, for check, review and drift, with rules, severities, fingerprints and lines ≥ 1', async () => {
    const plan = canaryPlan();
    for (const args of [
      ['check', 'test/fixtures/plan/entra-tenant.json'],
      ['check', 'test/fixtures/hcl/okta-org'],
      [
        'review',
        '--base',
        'test/fixtures/tenants/acme-entra.cdk.tf.json',
        '--head',
        'test/fixtures/tenants/contoso-entra-defects.tf.json',
      ],
      ['drift', plan],
    ]) {
      const r = await runCli([...args, ...NOW, '--format', 'sarif']);
      const log = JSON.parse(r.stdout);
      const valid = validateSarif(log);
      expect(validateSarif.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      const run = log.runs[0];
      expect(run.tool.driver.rules.filter((x: { id: string }) => /^RG-\d\d$/.test(x.id))).toHaveLength(24);
      for (const rule of run.tool.driver.rules) expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
      for (const result of run.results) {
        expect(run.tool.driver.rules.some((x: { id: string }) => x.id === result.ruleId)).toBe(true);
        expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
        expect(result.partialFingerprints['recoveryGate/v1']).toMatch(/^[0-9a-f]{32}$/);
      }
    }
  });

  it('the same input gives byte-identical reports in every format', async () => {
    for (const format of FORMATS) {
      const a = await runCli(['check', 'test/fixtures/hcl/okta-org', ...NOW, '--format', format]);
      const b = await runCli(['check', 'test/fixtures/hcl/okta-org', ...NOW, '--format', format]);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('several formats at once, each to its own file, written whole; stdout gets the summary', async () => {
    const r = await runCli([
      'check',
      'test/fixtures/plan/entra-tenant.json',
      ...NOW,
      '--format',
      'sarif',
      '--output',
      'out.sarif',
      '--format',
      'junit',
      '--output',
      'out.xml',
      '--format',
      'markdown',
      '--output',
      'out.md',
    ]);
    expect([...r.files.keys()].sort()).toEqual(['out.md', 'out.sarif', 'out.xml']);
    expect(JSON.parse(r.files.get('out.sarif')!).version).toBe('2.1.0');
    expect(r.files.get('out.xml')).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="recovery-gate">/,
    );
    expect(r.stdout).toMatch(/^\d+ findings: /);
    expect(
      await runCli(['check', 'test/fixtures/plan/entra-tenant.json', '--format', 'sarif', '--format', 'junit']),
    ).toMatchObject({ code: 2, stderr: 'recovery-gate: several --format values need an --output for each\n' });
  });

  it('JUnit has one test case per rule and resource: failures for findings, passes for clean rules', async () => {
    const r = await runCli(['check', 'test/fixtures/plan/entra-tenant.json', ...NOW, '--format', 'junit']);
    expect(r.stdout).toContain(
      '<testcase name="RG-01 azuread_directory_role_assignment.service_desk_helpdesk" classname="entra-tenant"><failure message="Helpdesk Administrator is assigned',
    );
    expect(r.stdout).toContain('<testcase name="RG-24 attestations-current" classname="entra-tenant"></testcase>');
    expect(r.stdout).toMatch(
      /<testsuite name="recovery-gate entra-tenant" tests="\d+" failures="\d+" errors="0" skipped="0">/,
    );
  });
});

describe('--format github', () => {
  it('one workflow annotation per finding, at its file and line, at a level from its severity, then the summary', async () => {
    const r = await runCli(['check', 'test/fixtures/cdktf/unscoped-helpdesk.json', ...NOW, '--format', 'github']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toContain(
      '::error file=test/fixtures/cdktf/unscoped-helpdesk.json,line=11,title=RG-01 (high) in acme::okta_group_role.hd: HELP_DESK_ADMIN is granted to okta_group.helpdesk over the whole organisation: one convincing call to whoever holds it resets the factors of any user. Set target_group_list (or resource_set_id) to the groups it supports.',
    );
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(1); // the medium finding
    expect(lines[lines.length - 1]).toBe('7 findings: 1 critical, 5 high, 1 medium, 0 low.');
  });
});
