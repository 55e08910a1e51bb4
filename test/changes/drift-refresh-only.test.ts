/**
 * `drift` on refresh-only plans as Terraform writes them: with nothing
 * drifted, `planned_values` is empty and everything is in `prior_state`.
 * Expiring and expired attestations and break-glass accounts, failed
 * postconditions and out-of-band weakenings are reported in every format,
 * with exit 1; nothing marked sensitive is printed.
 *
 * The attestation plan is real: recorded from `terraform plan -refresh-only`
 * (test/support/refresh-only.ts), and made afresh where terraform is on PATH.
 * The tenants' plans come from the test plan writer in refresh-only mode,
 * which test/inputs/plan-writer.test.ts holds to the real binary.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/memory-io';
import { type PlanWriterInput, writePlan } from '../support/plan-writer';
import { REFRESH_ONLY_DIR, refreshOnlyPlan } from '../support/refresh-only';
import { describeWithTerraform } from '../support/terraform';
import { modularEntraTenant } from '../plans/modular-tenants';

const FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit', 'html'] as const;
const CANARIES = ['RG-CANARY-WHOLE-VALUE-7f3a', 'RG-CANARY-NOTE-19c2'];

let tmp: string;
beforeAll(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'rg-refresh-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function saved(name: string, text: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

/** Every format of one drift run: the exit code, and each report. */
async function driftReports(file: string, now: string[]) {
  const reports = new Map<string, string>();
  let code = -1;
  for (const format of FORMATS) {
    const r = await runCli(['drift', file, ...now, '--format', format]);
    expect(r.stderr).toBe('');
    reports.set(format, r.stdout);
    code = r.code;
  }
  return { code, reports };
}

type Sarif = {
  runs: {
    results: { ruleId: string; level: string; locations: { logicalLocations?: { fullyQualifiedName: string }[] }[] }[];
  }[];
};

/** What each format says of the attestations, in its own words. */
function expectAttestationsReported(reports: Map<string, string>) {
  expect(reports.get('text')).toMatch(/EXPIRED: attestation terraform_data\.enrollment_verified/);
  expect(reports.get('text')).toMatch(/expires in \d day\(s\): attestation terraform_data\.codes_short_lived/);
  expect(reports.get('text')).toMatch(
    /check terraform_data\.enrollment_verified fail: The RG-09 attestation enrollment_verified has expired/,
  );
  const json = JSON.parse(reports.get('json')!).drift[0];
  expect(json.expiries.map((e: { resource: string; expired: boolean }) => `${e.resource} ${e.expired}`)).toEqual([
    'terraform_data.enrollment_verified true',
    'terraform_data.codes_short_lived false',
  ]);
  expect(json.failedChecks.map((c: { address: string }) => c.address)).toEqual(['terraform_data.enrollment_verified']);
  expect(reports.get('markdown')).toMatch(
    /❌ expired \d{4}-\d\d-\d\d: attestation `terraform_data\.enrollment_verified`/,
  );
  expect(reports.get('markdown')).toMatch(
    /⏳ expires \d{4}-\d\d-\d\d: attestation `terraform_data\.codes_short_lived`/,
  );
  const sarif = (JSON.parse(reports.get('sarif')!) as Sarif).runs[0].results.map(
    (r) => `${r.ruleId} ${r.level} ${r.locations[0].logicalLocations?.[0].fullyQualifiedName}`,
  );
  expect(sarif.sort()).toEqual([
    'D-CHECK error terraform_data.enrollment_verified',
    'D-EXPIRED error terraform_data.enrollment_verified',
    'D-EXPIRING warning terraform_data.codes_short_lived',
  ]);
  const junit = reports.get('junit')!;
  expect(junit).toMatch(
    /<testcase name="expiry terraform_data\.enrollment_verified" classname="[^"]+\.expiries"><failure/,
  );
  expect(junit).toMatch(
    /<testcase name="check terraform_data\.enrollment_verified" classname="[^"]+\.checks"><failure/,
  );
  expect(junit).toMatch(
    /<testcase name="expiry terraform_data\.codes_short_lived" classname="[^"]+\.expiries"><\/testcase>/,
  );
  expect(junit).not.toMatch(/RG-01 reset-authority-scoped/); // drift runs no rules
  for (const [format, text] of reports)
    for (const canary of CANARIES) expect(`${format}: ${text}`).not.toContain(canary);
}

describe('drift on a recorded refresh-only plan of attestations', () => {
  const recorded = path.join(REFRESH_ONLY_DIR, 'plan.json');

  it('the plan is what Terraform writes when nothing drifted: nothing planned, all in the state', () => {
    const plan = JSON.parse(readFileSync(recorded, 'utf8'));
    expect(plan.planned_values).toEqual({ root_module: {} });
    expect(plan.resource_drift).toBeUndefined();
    expect(plan.prior_state.values.root_module.resources).toHaveLength(4);
  });

  it('reports the expired and the expiring attestation and the failed postcondition in every format, exit 1', async () => {
    const { code, reports } = await driftReports(recorded, ['--now', '2026-11-30T12:00:00Z']);
    expectAttestationsReported(reports);
    expect(code).toBe(1);
  });

  it("check reads the same state: the expired attestation is RG-24's finding, and nothing sensitive is printed", async () => {
    const r = await runCli(['check', recorded, '--now', '2026-11-30T12:00:00Z', '--format', 'json']);
    const findings = JSON.parse(r.stdout).findings.map(
      (f: { ruleId: string; resource: string }) => `${f.ruleId} ${f.resource}`,
    );
    expect(findings).toContain('RG-24 terraform_data.enrollment_verified');
    for (const canary of CANARIES) expect(r.stdout).not.toContain(canary);
  });
});

describeWithTerraform('drift on a refresh-only plan made by terraform now', () => {
  jest.setTimeout(90_000);
  it('reports what expires in four days and what expired two days ago, exit 1', async () => {
    const day = 86_400_000;
    const at = (days: number) =>
      new Date(Math.floor(Date.now() / 1000) * 1000 + days * day).toISOString().replace(/\.\d+Z$/, 'Z');
    const file = saved('live.json', refreshOnlyPlan({ expiring: at(4), expired: at(-2), later: at(200) }));
    const { code, reports } = await driftReports(file, []);
    expectAttestationsReported(reports);
    expect(code).toBe(1);
  });
});

describe('drift on refresh-only plans of whole tenants', () => {
  /** The modular Entra tenant, applied; then someone exempts a user from MFA in the portal. */
  function tenant(drift?: PlanWriterInput['drift']): string {
    return saved(
      `tenant-${Math.random().toString(36).slice(2)}.json`,
      JSON.stringify(writePlan({ ...modularEntraTenant(), mode: 'refresh-only', drift })),
    );
  }
  const exclusion = {
    'azuread_conditional_access_policy.everyone_mfa': (applied: Record<string, unknown>) => {
      const users = (applied.conditions as { users: { excluded_users?: string[] }[] }[])[0].users[0];
      users.excluded_users = [...(users.excluded_users ?? []), '3f1c2b7a-0000-4000-8000-000000000001'];
      return applied;
    },
  };

  it('nothing drifted and nothing near expiry: no report of either, exit 0', async () => {
    const { code, reports } = await driftReports(tenant(), ['--now', '2026-11-26T12:00:00Z']);
    expect(JSON.parse(reports.get('json')!).drift[0]).toMatchObject({ drift: [], failedChecks: [], expiries: [] });
    expect(code).toBe(0);
  });

  it('break-glass accounts in modules whose re-attestation is due within the window are named, by account', async () => {
    const { code, reports } = await driftReports(tenant(), ['--now', '2027-01-20T12:00:00Z']);
    const expiries = JSON.parse(reports.get('json')!).drift[0].expiries.map(
      (e: { what: string; resource: string; days: number }) => `${e.what} ${e.resource} ${e.days}`,
    );
    expect(expiries).toEqual([
      'break-glass account module.break_glass["01"].azuread_user.this 4',
      'break-glass account module.break_glass["02"].azuread_user.this 4',
    ]);
    expect(reports.get('sarif')).toContain('"ruleId": "D-EXPIRING"');
    expect(code).toBe(0); // near, not passed
    const passed = await driftReports(tenant(), ['--now', '2027-01-26T12:00:00Z']);
    expect(
      JSON.parse(passed.reports.get('json')!).drift[0].expiries.every((e: { expired: boolean }) => e.expired),
    ).toBe(true);
    expect(passed.code).toBe(1);
  });

  it('an exclusion added outside code is a weakening in every format, exit 1', async () => {
    const { code, reports } = await driftReports(tenant(exclusion), ['--now', '2026-11-26T12:00:00Z']);
    expect(reports.get('text')).toMatch(/azuread_conditional_access_policy\.everyone_mfa/);
    expect(reports.get('text')).toMatch(/W-EXCLUSION/);
    expect(
      JSON.parse(reports.get('json')!).drift[0].drift.map(
        (e: { resource: string; weakenings: { kind: string }[] }) => `${e.resource} ${e.weakenings.map((w) => w.kind)}`,
      ),
    ).toEqual(['azuread_conditional_access_policy.everyone_mfa W-EXCLUSION']);
    expect(reports.get('markdown')).toMatch(/W-EXCLUSION/);
    expect((JSON.parse(reports.get('sarif')!) as Sarif).runs[0].results.map((r) => r.ruleId)).toEqual(['W-EXCLUSION']);
    expect(reports.get('junit')).toMatch(
      /<testcase name="drift azuread_conditional_access_policy\.everyone_mfa" classname="[^"]+\.drift"><failure[^>]*type="W-EXCLUSION"/,
    );
    expect(code).toBe(1);
  });
});
