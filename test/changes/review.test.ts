/**
 * `review` on realistic base/head pairs: exactly the expected weakening changes
 * and finding deltas, for Okta and Entra, configuration and plans — including a
 * pull request that weakens without failing any rule.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/memory-io';

const NOW = ['--now', '2026-11-26T12:00:00Z'];
const T = 'test/fixtures/tenants';

type Doc = {
  changes: { kind: string; resource: string; attribute: string; before: string; after: string; ruleId: string }[];
  introduced: { ruleId: string; resource: string | null }[];
  resolved: unknown[];
};

async function reviewJson(args: string[]): Promise<{ code: number; doc: Doc }> {
  const r = await runCli(['review', ...args, ...NOW, '--format', 'json']);
  if (r.stderr) throw new Error(r.stderr);
  return { code: r.code, doc: JSON.parse(r.stdout) as Doc };
}
const kinds = (doc: Doc) => doc.changes.map((c) => `${c.kind} ${c.resource} ${c.attribute} (${c.ruleId})`).sort();

let tmp: string;
beforeAll(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'rg-review-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function mutated(
  fixture: string,
  name: string,
  change: (doc: { resource: Record<string, Record<string, Record<string, unknown>>> }) => void,
): string {
  const doc = JSON.parse(readFileSync(path.join(T, fixture), 'utf8'));
  change(doc);
  const file = path.join(tmp, name);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

describe('review of configuration', () => {
  it('Entra: every weakening of the Contoso pull request, and the findings it introduces', async () => {
    const { code, doc } = await reviewJson([
      '--base',
      `${T}/acme-entra.cdk.tf.json`,
      '--head',
      `${T}/contoso-entra-defects.tf.json`,
    ]);
    expect(kinds(doc)).toEqual([
      'W-APPROVAL azuread_group_role_management_policy.service_desk_activation activation_rules.require_ticket_info (RG-04)',
      'W-BREAKGLASS azurerm_monitor_scheduled_query_rules_alert_v2.break_glass_sign_in enabled (RG-15)',
      'W-ENFORCEMENT azuread_conditional_access_policy.register_security_info state (RG-23)',
      'W-EXCLUSION azuread_conditional_access_policy.everyone_mfa conditions.users.excluded_groups (RG-08)',
      'W-EXCLUSION azuread_conditional_access_policy.privileged_phishing_resistant conditions.users.included_groups (RG-06)',
      'W-PRIVILEGE azuread_app_role_assignment.method_reset_automation app_role_id (RG-22)',
      'W-PRIVILEGE azuread_app_role_assignment.method_reset_automation path (RG-02)',
      'W-PRIVILEGE azuread_service_principal.method_reset_automation path (RG-02)',
      'W-RECOVERY msgraph_update_resource.temporary_access_pass body.isUsableOnce (RG-10)',
      'W-VENDOR azuread_privileged_access_group_eligibility_schedule.contoso_consultant_eligible group_id (RG-20)',
    ]);
    expect(doc.introduced).toHaveLength(12);
    expect(doc.resolved).toEqual([]);
    expect(code).toBe(1);
    const ticket = doc.changes.find((c) => c.attribute.endsWith('require_ticket_info'))!;
    expect([ticket.before, ticket.after]).toEqual(['true', 'false']);
  });

  it('Okta: the Globex pull request, with the help desk widened to the admins group', async () => {
    const { doc } = await reviewJson([
      '--base',
      `${T}/acme-okta.cdk.tf.json`,
      '--head',
      `${T}/globex-okta-defects.tf.json`,
    ]);
    expect(kinds(doc)).toEqual([
      'W-EXCLUSION okta_app_signon_policy_rule.admins_phishing_resistant groups_excluded (RG-08)',
      'W-EXCLUSION okta_app_signon_policy_rule.admins_phishing_resistant groups_included (RG-06)',
      'W-PRIVILEGE okta_admin_role_custom_assignments.tier2_reset role (RG-03)',
      'W-PRIVILEGE okta_app_oauth_api_scope.provisioning path (RG-02)',
      'W-PRIVILEGE okta_app_oauth_api_scope.provisioning scopes (RG-22)',
      'W-PRIVILEGE okta_group_memberships.admins_members users (RG-03)',
      'W-PRIVILEGE okta_group_role.service_desk_help_desk path (RG-02)',
      'W-RECOVERY okta_policy_password.staff_passwords question_recovery (RG-11)',
      'W-SCOPE okta_group_role.service_desk_help_desk target_group_list (RG-01)',
      'W-VENDOR okta_group_role.msp_org_admin role (RG-20)',
    ]);
  });

  it('a pull request that weakens without failing any rule: longer passes and longer activations, still within the limits', async () => {
    const head = mutated('acme-entra.cdk.tf.json', 'quiet.tf.json', (doc) => {
      (
        doc.resource.msgraph_update_resource.temporary_access_pass.body as Record<string, unknown>
      ).maximumLifetimeInMinutes = 480;
      (
        doc.resource.azuread_group_role_management_policy.service_desk_activation.activation_rules as Record<
          string,
          unknown
        >
      ).maximum_duration = 'PT8H';
    });
    const { code, doc } = await reviewJson(['--base', `${T}/acme-entra.cdk.tf.json`, '--head', head]);
    expect(kinds(doc)).toEqual([
      'W-APPROVAL azuread_group_role_management_policy.service_desk_activation activation_rules.maximum_duration (RG-04)',
      'W-RECOVERY msgraph_update_resource.temporary_access_pass body.maximumLifetimeInMinutes (RG-10)',
    ]);
    expect(doc.introduced).toEqual([]);
    expect(code).toBe(0);
    expect(
      (
        await runCli([
          'review',
          '--base',
          `${T}/acme-entra.cdk.tf.json`,
          '--head',
          head,
          ...NOW,
          '--fail-on-weakening',
          '--format',
          'json',
        ])
      ).code,
    ).toBe(1);
  });

  it('a change that resolves findings and weakens nothing', async () => {
    const { code, doc } = await reviewJson([
      '--base',
      `${T}/contoso-entra-defects.tf.json`,
      '--head',
      `${T}/acme-entra.cdk.tf.json`,
    ]);
    expect(doc.introduced).toEqual([]);
    expect(doc.resolved).toHaveLength(12);
    expect(code).toBe(0);
  });

  it('taking a group out of what a policy includes weakens it; widening a policy to everyone does not', async () => {
    const narrowed = mutated('acme-okta.cdk.tf.json', 'narrowed.tf.json', (doc) => {
      doc.resource.okta_app_signon_policy_rule.admins_phishing_resistant.groups_included = [
        '${okta_group.admins.id}',
        '${okta_group.break_glass.id}',
      ];
    });
    expect(kinds((await reviewJson(['--base', `${T}/acme-okta.cdk.tf.json`, '--head', narrowed])).doc)).toEqual([
      'W-EXCLUSION okta_app_signon_policy_rule.admins_phishing_resistant groups_included (RG-06)',
    ]);
    const everyone = mutated('acme-okta.cdk.tf.json', 'everyone.tf.json', (doc) => {
      delete doc.resource.okta_app_signon_policy_rule.admins_phishing_resistant.groups_included;
    });
    expect(kinds((await reviewJson(['--base', `${T}/acme-okta.cdk.tf.json`, '--head', everyone])).doc)).toEqual([]);
    const allUsers = mutated('acme-entra.cdk.tf.json', 'all-users.tf.json', (doc) => {
      const users = (
        doc.resource.azuread_conditional_access_policy.privileged_phishing_resistant.conditions as {
          users: Record<string, unknown>;
        }
      ).users;
      delete users.included_groups;
      users.included_users = ['All'];
    });
    expect(kinds((await reviewJson(['--base', `${T}/acme-entra.cdk.tf.json`, '--head', allUsers])).doc)).toEqual([]);
  });

  it('matches resources by construct path when an address changed', async () => {
    const head = mutated('acme-entra.cdk.tf.json', 'renamed.tf.json', (doc) => {
      const policies = doc.resource.azuread_conditional_access_policy;
      const policy = policies.everyone_mfa;
      delete policies.everyone_mfa;
      policies.everyone_mfa_v2 = { ...policy, state: 'disabled' };
    });
    const { doc } = await reviewJson(['--base', `${T}/acme-entra.cdk.tf.json`, '--head', head]);
    expect(kinds(doc)).toEqual(['W-ENFORCEMENT azuread_conditional_access_policy.everyone_mfa_v2 state (RG-23)']);
  });
});

describe('review --plan', () => {
  const planOf = (changes: { address: string; before: unknown; after: unknown; actions: string[] }[]) => ({
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: {
      root_module: {
        resources: changes
          .filter((c) => c.after)
          .map((c) => ({
            address: c.address,
            mode: 'managed',
            type: c.address.split('.')[0],
            name: c.address.split('.')[1],
            values: c.after,
            sensitive_values: {},
          })),
      },
    },
    resource_changes: changes.map((c) => ({
      address: c.address,
      mode: 'managed',
      type: c.address.split('.')[0],
      name: c.address.split('.')[1],
      change: {
        actions: c.actions,
        before: c.before,
        after: c.after,
        after_unknown: {},
        before_sensitive: {},
        after_sensitive: {},
      },
    })),
    configuration: { root_module: {} },
  });
  const policy = (state: string, excluded: string[]) => ({
    display_name: 'MFA',
    state,
    conditions: [
      {
        client_app_types: ['all'],
        users: [{ included_users: ['All'], excluded_users: excluded, excluded_groups: [] }],
        applications: [{ included_applications: ['All'] }],
      },
    ],
    grant_controls: [{ operator: 'OR', built_in_controls: ['mfa'] }],
  });

  it("compares the plan's before and after: a policy moved to report-only and an exclusion added", async () => {
    const file = path.join(tmp, 'plan.json');
    writeFileSync(
      file,
      JSON.stringify(
        planOf([
          {
            address: 'azuread_conditional_access_policy.mfa',
            actions: ['update'],
            before: policy('enabled', []),
            after: policy('enabledForReportingButNotEnforced', ['11111111-1111-1111-1111-111111111111']),
          },
          { address: 'okta_group.staff', actions: ['no-op'], before: { name: 'Staff' }, after: { name: 'Staff' } },
        ]),
      ),
    );
    const { doc } = await reviewJson(['--plan', file]);
    expect(kinds(doc)).toEqual([
      'W-ENFORCEMENT azuread_conditional_access_policy.mfa state (RG-23)',
      'W-EXCLUSION azuread_conditional_access_policy.mfa conditions.users.excluded_users (RG-08)',
    ]);
    expect(doc.introduced.map((f) => f.ruleId)).toContain('RG-23');
  });

  it('usage errors are one line, exit 2', async () => {
    expect(await runCli(['review', '--base', `${T}/acme-entra.cdk.tf.json`])).toMatchObject({
      code: 2,
      stderr: 'recovery-gate: review needs --base PATH and --head PATH (or --plan plan.json)\n',
    });
    expect(await runCli(['review', '--plan', `${T}/acme-entra.cdk.tf.json`])).toMatchObject({
      code: 2,
      stderr: `recovery-gate: ${T}/acme-entra.cdk.tf.json: not a terraform show -json plan\n`,
    });
  });
});
