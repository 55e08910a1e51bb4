/**
 * `drift` on realistic refresh-only plans: an exclusion added in the portal,
 * a TAP lifetime raised, a break-glass expiry passed, an attestation expired,
 * and failed checks — decided from the plan's content.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/memory-io';

const NOW = ['--now', '2026-11-26T12:00:00Z'];
let tmp: string;
beforeAll(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'rg-drift-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Res = { address: string; values: Record<string, unknown> };
const split = (address: string) => ({ type: address.split('.')[0], name: address.split('.')[1] });
const TAP = 'policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass';
const attestation = (control: string, subject: string | undefined, expires: string) => ({
  input: {
    recovery_gate_attestation: {
      control,
      ...(subject ? { subject } : {}),
      owner: 'identity-platform',
      approver: 'ciso-office',
      evidence: 'SEC-1',
      expires,
    },
  },
  output: null,
});
const policy = (excluded: string[]) => ({
  display_name: 'All users: MFA',
  state: 'enabled',
  conditions: [
    {
      client_app_types: ['all'],
      users: [{ included_users: ['All'], excluded_users: excluded, excluded_groups: [] }],
      applications: [{ included_applications: ['All'] }],
    },
  ],
  grant_controls: [{ operator: 'OR', built_in_controls: ['mfa'] }],
});

/** A refresh-only plan: the current state, what drifted (before = as last applied, after = live), and check results. */
function refreshOnlyPlan(
  state: Res[],
  drifted: { address: string; before: unknown; after: unknown }[],
  checks: unknown[] = [],
) {
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: {
      root_module: {
        resources: state.map((r) => ({
          address: r.address,
          mode: 'managed',
          ...split(r.address),
          values: r.values,
          sensitive_values: {},
        })),
      },
    },
    resource_drift: drifted.map((d) => ({
      address: d.address,
      mode: 'managed',
      ...split(d.address),
      change: {
        actions: ['update'],
        before: d.before,
        after: d.after,
        after_unknown: {},
        before_sensitive: {},
        after_sensitive: {},
      },
    })),
    resource_changes: [],
    configuration: { root_module: {} },
    checks,
  };
}

async function driftOf(plan: object, extra: string[] = []) {
  const file = path.join(tmp, `plan-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(plan));
  const r = await runCli(['drift', file, ...NOW, '--format', 'json', ...extra]);
  if (r.stderr) throw new Error(r.stderr);
  return {
    code: r.code,
    drift: JSON.parse(r.stdout).drift[0] as {
      drift: {
        resource: string;
        attributes: string[];
        weakenings: { kind: string; attribute: string; before: string; after: string }[];
      }[];
      failedChecks: { address: string; problems: string[] }[];
      expiries: { resource: string; what: string; expired: boolean; days: number }[];
    },
  };
}

const bg = {
  user_principal_name: 'breakglass1@acme.onmicrosoft.com',
  display_name: 'Break glass 1',
  object_id: 'bg1-id',
};

describe('drift', () => {
  it('an exclusion added in the portal and a TAP lifetime raised are weakening drift', async () => {
    const { code, drift } = await driftOf(
      refreshOnlyPlan(
        [
          {
            address: 'azuread_conditional_access_policy.mfa',
            values: policy(['22222222-2222-2222-2222-222222222222']),
          },
          {
            address: 'msgraph_update_resource.tap',
            values: { url: TAP, body: { isUsableOnce: true, maximumLifetimeInMinutes: 1440 } },
          },
          { address: 'azuread_group.staff', values: { display_name: 'Staff (renamed)' } },
        ],
        [
          {
            address: 'azuread_conditional_access_policy.mfa',
            before: policy([]),
            after: policy(['22222222-2222-2222-2222-222222222222']),
          },
          {
            address: 'msgraph_update_resource.tap',
            before: { url: TAP, body: { isUsableOnce: true, maximumLifetimeInMinutes: 240 } },
            after: { url: TAP, body: { isUsableOnce: true, maximumLifetimeInMinutes: 1440 } },
          },
          {
            address: 'azuread_group.staff',
            before: { display_name: 'Staff' },
            after: { display_name: 'Staff (renamed)' },
          },
        ],
      ),
    );
    expect(
      drift.drift.map(
        (e) =>
          `${e.resource} ${e.weakenings.map((w) => `${w.kind} ${w.attribute} ${w.before}→${w.after}`).join('; ') || 'harmless'}`,
      ),
    ).toEqual([
      'azuread_conditional_access_policy.mfa W-EXCLUSION conditions.users.excluded_users []→["22222222-2222-2222-2222-222222222222"]',
      'azuread_group.staff harmless',
      'msgraph_update_resource.tap W-RECOVERY body.maximumLifetimeInMinutes 240→1440',
    ]);
    expect(code).toBe(1);
  });

  it('a break-glass expiry and an attestation that have passed, one about to, and failed checks', async () => {
    const { code, drift } = await driftOf(
      refreshOnlyPlan(
        [
          { address: 'azuread_user.bg1', values: bg },
          {
            address: 'terraform_data.bg1_expiry',
            values: attestation('RG-13', 'azuread_user.bg1', '2026-11-20T00:00:00Z'),
          },
          { address: 'terraform_data.tap_codes', values: attestation('RG-10', undefined, '2026-11-01T00:00:00Z') },
          { address: 'terraform_data.enrollment', values: attestation('RG-09', undefined, '2026-12-05T00:00:00Z') },
          { address: 'terraform_data.far', values: attestation('RG-18', undefined, '2027-06-01T00:00:00Z') },
        ],
        [],
        [
          {
            address: { kind: 'resource', to_display: 'azuread_user.bg1' },
            status: 'fail',
            instances: [
              {
                address: { to_display: 'azuread_user.bg1' },
                status: 'fail',
                problems: [{ message: 'Break-glass account was due for re-attestation on 2026-11-20T00:00:00Z.' }],
              },
            ],
          },
        ],
      ),
    );
    expect(drift.drift).toEqual([]);
    expect(drift.expiries.map((e) => `${e.what} ${e.resource} ${e.expired ? 'expired' : `in ${e.days} days`}`)).toEqual(
      [
        'attestation terraform_data.tap_codes expired',
        'break-glass account azuread_user.bg1 expired',
        'attestation terraform_data.enrollment in 8 days',
      ],
    );
    expect(drift.failedChecks).toEqual([
      {
        address: 'azuread_user.bg1',
        status: 'fail',
        problems: ['Break-glass account was due for re-attestation on 2026-11-20T00:00:00Z.'],
      },
    ]);
    expect(code).toBe(1);
  });

  it('vendor schedules and suppressions that expire soon are listed too', async () => {
    const config = path.join(tmp, 'recovery-gate.json');
    writeFileSync(
      config,
      JSON.stringify({
        suppressions: [
          {
            ruleId: 'RG-01',
            resource: 'okta_group_role.legacy',
            reason: 'Legacy help desk scoping moves in Q1',
            ticket: 'SEC-1',
            approver: 'ciso',
            expires: '2026-12-01T00:00:00Z',
          },
        ],
      }),
    );
    const { drift } = await driftOf(
      refreshOnlyPlan(
        [
          {
            address: 'azuread_invitation.pat',
            values: {
              user_email_address: 'pat@contoso.example',
              redirect_url: 'https://myapps.microsoft.com',
              user_id: 'pat-id',
            },
          },
          { address: 'azuread_group.support', values: { display_name: 'Support', object_id: 'support-id' } },
          {
            address: 'azuread_privileged_access_group_eligibility_schedule.pat',
            values: {
              group_id: 'support-id',
              principal_id: 'pat-id',
              assignment_type: 'member',
              expiration_date: '2026-12-03T00:00:00Z',
            },
          },
        ],
        [],
      ),
      ['--config', config],
    );
    expect(drift.expiries.map((e) => `${e.what} ${e.resource} in ${e.days} days`)).toEqual([
      'suppression RG-01 okta_group_role.legacy in 4 days',
      'vendor access azuread_privileged_access_group_eligibility_schedule.pat in 6 days',
    ]);
  });

  it("nothing drifted and nothing near expiry: exit 0 whatever terraform's exit code was", async () => {
    const { code, drift } = await driftOf(
      refreshOnlyPlan(
        [{ address: 'terraform_data.far', values: attestation('RG-18', undefined, '2027-06-01T00:00:00Z') }],
        [],
      ),
      ['--warn-days', '30'],
    );
    expect(drift).toMatchObject({ drift: [], failedChecks: [], expiries: [] });
    expect(code).toBe(0);
  });

  it('reports in every format, and a bad --warn-days is a usage error', async () => {
    const plan = refreshOnlyPlan(
      [{ address: 'terraform_data.tap_codes', values: attestation('RG-10', undefined, '2026-11-01T00:00:00Z') }],
      [],
    );
    const file = path.join(tmp, 'formats.json');
    writeFileSync(file, JSON.stringify(plan));
    const md = await runCli(['drift', file, ...NOW, '--format', 'markdown']);
    expect(md.stdout).toMatch(/❌ expired 2026-11-01: attestation `terraform_data.tap_codes`/);
    const junit = await runCli(['drift', file, ...NOW, '--format', 'junit']);
    expect(junit.stdout).toMatch(
      /<testcase name="expiry terraform_data.tap_codes" classname="formats.expiries"><failure/,
    );
    expect(await runCli(['drift', file, '--warn-days', 'soon'])).toMatchObject({
      code: 2,
      stderr: 'recovery-gate: --warn-days must be a whole number of days, not "soon"\n',
    });
  });
});
