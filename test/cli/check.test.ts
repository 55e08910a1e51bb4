import { promises as fs, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/memory-io';

const NOW = ['--now', '2026-11-26T12:00:00Z'];
const HCL = 'test/fixtures/hcl/okta-org';
const PLAN = 'test/fixtures/plan/entra-tenant.json';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'rg-cli-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function write(name: string, content: string): Promise<string> {
  const file = path.join(tmp, name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, content);
  return file;
}

describe('check: realistic inputs', () => {
  // The exact sets of findings of these fixtures are pinned in test/tenants.test.ts; here, what the CLI adds.
  const ids = (doc: { findings: { ruleId: string; resource: string | null }[] }, rules: string[]) =>
    doc.findings.filter((f) => rules.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.resource}`);
  const summaryOf = (findings: { severity: string }[]) =>
    Object.fromEntries(
      ['critical', 'high', 'medium', 'low'].map((s) => [s, findings.filter((f) => f.severity === s).length]),
    );

  it('reads an HCL directory with tfvars, for_each and a local module, and fails on high findings', async () => {
    const r = await runCli(['check', HCL, ...NOW, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(ids(doc, ['RG-01', 'RG-03', 'RG-07'])).toEqual([
      'RG-01 module.helpdesk.okta_group_role.this',
      'RG-01 okta_user_admin_roles.ops_lead',
      'RG-03 okta_user_admin_roles.ops_lead',
      'RG-07 okta_app_signon_policy_rule.legacy_kiosk',
    ]);
    const moduleFinding = doc.findings.find((f: { ruleId: string }) => f.ruleId === 'RG-01');
    expect(moduleFinding).toMatchObject({
      stack: 'okta-org',
      file: 'test/fixtures/hcl/okta-org/modules/helpdesk/main.tf',
      line: 14,
      frameworks: ['PR.AA-05'],
      severity: 'high',
    });
    expect(doc.summary).toEqual(summaryOf(doc.findings));
    expect(doc.tool.name).toBe('recovery-gate');
  });

  it('reads a plan: references from configuration, computed attributes absent, deleted resources gone', async () => {
    const r = await runCli(['check', PLAN, ...NOW, '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(ids(doc, ['RG-01', 'RG-03', 'RG-16'])).toEqual([
      'RG-01 azuread_directory_role_assignment.service_desk_helpdesk',
      'RG-03 azuread_directory_role_assignment.alex_priv_auth_admin',
      'RG-16 null',
    ]);
    expect(r.stdout).not.toMatch(/CANARY/);
  });

  it('names the construct path for cdktf output', async () => {
    const r = await runCli(['check', 'test/fixtures/cdktf/unscoped-helpdesk.json', '--format', 'json']);
    expect(JSON.parse(r.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'RG-01')).toEqual([
      expect.objectContaining({
        ruleId: 'RG-01',
        resource: 'okta_group_role.hd',
        stack: 'acme',
        constructPath: 'acme/helpdesk/role',
        line: 11,
      }),
    ]);
  });

  it('--now decides expiry: the same HCL fails RG-13 once the attestation date has passed', async () => {
    const r = await runCli(['check', HCL, '--now', '2027-01-05T00:00:00Z', '--format', 'json']);
    const rg13 = JSON.parse(r.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'RG-13');
    expect(rg13.map((f: { resource: string; messageId: string }) => `${f.messageId} ${f.resource}`)).toEqual([
      'expired okta_user.breakglass["breakglass-1"]',
      'expired okta_user.breakglass["breakglass-2"]',
    ]);
  });

  it('exit code follows --fail-on', async () => {
    const HIGH_AND_MEDIUM = 'test/fixtures/cdktf/unscoped-helpdesk-phishing-resistant.json'; // no critical finding
    expect((await runCli(['check', HIGH_AND_MEDIUM, ...NOW, '--fail-on', 'critical'])).code).toBe(0);
    expect((await runCli(['check', HIGH_AND_MEDIUM, ...NOW])).code).toBe(1);
    expect((await runCli(['check', PLAN, ...NOW, '--fail-on', 'critical'])).code).toBe(1);
    expect((await runCli(['check', PLAN, ...NOW, '--fail-on', 'none'])).code).toBe(0);
    expect((await runCli(['check', PLAN, ...NOW, '--fail-on', 'low'])).code).toBe(1);
  });

  it('text output groups by stack and severity and ends with a summary line, without colour off a TTY', async () => {
    const r = await runCli(['check', PLAN, ...NOW]);
    const json = JSON.parse((await runCli(['check', PLAN, ...NOW, '--format', 'json'])).stdout);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('entra-tenant');
    const headers = lines.filter((l) => /^ {2}[A-Z]+$/.test(l));
    expect(headers).toEqual(['  CRITICAL', '  HIGH', '  MEDIUM']);
    const high = lines.indexOf('  HIGH');
    expect(lines.slice(high + 1)).toContain(
      '    RG-01 azuread_directory_role_assignment.service_desk_helpdesk (test/fixtures/plan/entra-tenant.json:112)',
    );
    const s = json.summary;
    expect(lines.at(-1)).toBe(
      `${json.findings.length} findings: ${s.critical} critical, ${s.high} high, ${s.medium} medium, ${s.low} low.`,
    );
    expect(r.stdout.includes(String.fromCharCode(27))).toBe(false);
  });

  it('is deterministic: the same input gives byte-identical reports, in whatever order the paths come', async () => {
    const a = await runCli(['check', HCL, PLAN, ...NOW, '--format', 'json']);
    const b = await runCli(['check', PLAN, HCL, ...NOW, '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
    // Two stacks with notices (what static HCL cannot evaluate): notices too are in stack order.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-order-'));
    try {
      for (const name of ['first', 'second']) {
        mkdirSync(path.join(dir, name));
        writeFileSync(
          path.join(dir, name, 'main.tf'),
          'variable "n" {}\nresource "okta_group" "g" {\n  count = var.n\n  name  = "g"\n}\n',
        );
      }
      const [first, second] = ['first', 'second'].map((n) => path.join(dir, n));
      for (const format of ['json', 'text', 'markdown']) {
        const x = await runCli(['check', first, second, ...NOW, '--format', format]);
        const y = await runCli(['check', second, first, ...NOW, '--format', format]);
        expect(x.stdout).toContain('okta_group.g[*]');
        expect(y.stdout).toBe(x.stdout);
      }
      const paths = (...inputs: string[]) => runCli(['paths', ...inputs, ...NOW, '--format', 'json']);
      expect((await paths(second, HCL, first)).stdout).toBe((await paths(first, second, HCL)).stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--output writes the report whole and prints the summary', async () => {
    const r = await runCli(['check', PLAN, ...NOW, '--format', 'json', '--output', 'report.json']);
    const report = JSON.parse(r.files.get('report.json') ?? '');
    expect(report.summary).toEqual(summaryOf(report.findings));
    const s = report.summary;
    expect(r.stdout).toBe(
      `${report.findings.length} findings: ${s.critical} critical, ${s.high} high, ${s.medium} medium, ${s.low} low.\n`,
    );
  });

  it('--stack selects stacks, and names the available ones when it matches none', async () => {
    const r = await runCli(['check', HCL, PLAN, ...NOW, '--stack', 'entra-tenant', '--format', 'json']);
    expect(new Set(JSON.parse(r.stdout).findings.map((f: { stack: string }) => f.stack))).toEqual(
      new Set(['entra-tenant']),
    );
    const bad = await runCli(['check', HCL, '--stack', 'nope']);
    expect(bad).toMatchObject({ code: 2, stderr: 'recovery-gate: no stack named nope (stacks: okta-org)\n' });
  });

  it('a config file declares break-glass accounts', async () => {
    const config = await write(
      'decl.json',
      JSON.stringify({ declarations: { breakGlass: ['alex.kim@acme.example'] } }),
    );
    const r = await runCli(['check', PLAN, ...NOW, '--format', 'json', '--config', config]);
    const ids = JSON.parse(r.stdout).findings.map(
      (f: { ruleId: string; resource: string }) => `${f.ruleId} ${f.resource}`,
    );
    expect(ids).toContain('RG-13 azuread_user.alex'); // now a break-glass account, it needs an expiry
    expect(ids).not.toContain('RG-03 azuread_directory_role_assignment.alex_priv_auth_admin');
  });

  it('static limits of HCL are one notice, not a "cannot verify" per resource', async () => {
    const dir = path.join(tmp, 'unset-var');
    await write(
      'unset-var/main.tf',
      'variable "scope" {}\nresource "azuread_directory_role_assignment" "hd" {\n  role_id = "729827e3-9c14-49f7-bb1b-9608f156bbb8"\n  principal_object_id = "x"\n  directory_scope_id = var.scope\n}\n',
    );
    const r = await runCli(['check', dir, ...NOW, '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.filter((f: { messageId: string }) => f.messageId === 'cannotVerify')).toEqual([]);
    expect(doc.notices).toContainEqual(
      expect.objectContaining({ resources: ['azuread_directory_role_assignment.hd'] }),
    );
  });
});

describe('check: bad input is one line naming the file, exit 2, no stack trace', () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    [
      'malformed JSON',
      () => write('malformed.json', '{"resource": {"okta_group": [}'),
      /malformed\.json: malformed JSON at line 1, column \d+$/,
    ],
    [
      'a truncated file',
      () => write('stack/cdk.tf.json', '{\n  "resource": {\n    "okta_group": {\n'),
      /cdk\.tf\.json: truncated JSON \(it ends too early\) at line 4, column 1$/,
    ],
    [
      'JSON that is neither configuration nor a plan',
      () => write('neither.json', '{"hello": "world"}'),
      /neither\.json: neither Terraform configuration nor a plan \(found hello\)$/,
    ],
    [
      'an HCL syntax error',
      () =>
        write('hcl-bad/main.tf', 'resource "okta_group" "a" {\n  name = \n}\n').then(() => path.join(tmp, 'hcl-bad')),
      /main\.tf: HCL syntax error at line 2, column 10: Invalid expression/,
    ],
    [
      'an empty directory',
      async () => {
        const d = path.join(tmp, 'empty');
        await fs.mkdir(d, { recursive: true });
        return d;
      },
      /empty: no Terraform configuration, plan or cdktf output found/,
    ],
    ['a missing path', async () => path.join(tmp, 'does-not-exist'), /does-not-exist: no such file or directory$/],
    [
      'a plan of another major format',
      () => write('plan2.json', JSON.stringify({ format_version: '2.0', planned_values: {} })),
      /plan2\.json: unsupported plan format_version 2\.0 \(recovery-gate reads 1\.x\)$/,
    ],
    ['an empty file', () => write('blank.tf.json', '  \n'), /blank\.tf\.json: file is empty$/],
    [
      'a manifest whose stack file is missing',
      () =>
        write(
          'out/manifest.json',
          JSON.stringify({
            version: '0.21.0',
            stacks: { a: { name: 'a', synthesizedStackPath: 'stacks/a/cdk.tf.json' } },
          }),
        ).then(() => path.join(tmp, 'out')),
      /stacks\/a\/cdk\.tf\.json: no such file or directory$/,
    ],
  ];
  for (const [name, make, message] of cases) {
    it(name, async () => {
      const target = await make();
      const r = await runCli(['check', target]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toHaveLength(2); // one line and its newline
      expect(r.stderr.trimEnd()).toMatch(/^recovery-gate: /);
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('an unreadable file', async () => {
    const file = await write('secret.tf.json', '{}');
    const spy = jest
      .spyOn(fs, 'readFile')
      .mockRejectedValueOnce(Object.assign(new Error('EACCES'), { code: 'EACCES' }));
    const r = await runCli(['check', file]);
    spy.mockRestore();
    expect(r).toMatchObject({ code: 2, stderr: `recovery-gate: ${file}: cannot read: permission denied\n` });
  });

  it('a config file with an unknown key', async () => {
    const config = await write('rg.json', JSON.stringify({ thresholds: { breakGlassExpiryDays: 30, pimMaxHours: 4 } }));
    const r = await runCli(['check', PLAN, '--config', config]);
    expect(r).toMatchObject({
      code: 2,
      stderr: `recovery-gate: ${config}: unknown key "thresholds.pimMaxHours" (expected one of: pimMaxActivationHours, tapMaxLifetimeMinutes, breakGlassExpiryDays, breakGlassMinAccounts, breakGlassMaxAccounts, topRoleMaxHolders, vendorAccessDays, nhiCredentialDays, attestationValidityDays, suppressionMaxDays)\n`,
    });
  });

  it('a config key that is also a member of Object.prototype is still unknown', async () => {
    const config = await write('rg-proto.json', JSON.stringify({ thresholds: { toString: 3 } }));
    const r = await runCli(['check', PLAN, '--config', config]);
    expect(r).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`${config}: unknown key "thresholds.toString"`),
    });
  });

  it('a config value out of range', async () => {
    const config = await write('rg2.json', JSON.stringify({ thresholds: { breakGlassExpiryDays: 400 } }));
    const r = await runCli(['check', PLAN, '--config', config]);
    expect(r).toMatchObject({
      code: 2,
      stderr: `recovery-gate: ${config}: "thresholds.breakGlassExpiryDays" must be at most 365\n`,
    });
  });

  it('usage errors: unknown flag, bad --format, bad --now, unknown command', async () => {
    expect(await runCli(['check', '--colour'])).toMatchObject({
      code: 2,
      stderr: "recovery-gate: Unknown option '--colour'\n",
    });
    expect(await runCli(['check', PLAN, '--format', 'xml'])).toMatchObject({
      code: 2,
      stderr: 'recovery-gate: --format must be one of text, json, markdown, sarif, junit, github, html, not "xml"\n',
    });
    expect(await runCli(['check', PLAN, '--now', 'tomorrow'])).toMatchObject({
      code: 2,
      stderr: 'recovery-gate: --now must be an RFC 3339 time such as 2026-01-31T00:00:00Z, not "tomorrow"\n',
    });
    expect(await runCli(['frobnicate'])).toMatchObject({
      code: 2,
      stderr: 'recovery-gate: unknown command "frobnicate" (commands: check, review, drift, paths, rules, explain)\n',
    });
  });

  it('--debug adds the stack trace', async () => {
    const r = await runCli(['check', path.join(tmp, 'nope'), '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});
