/**
 * Violations a plan shows only through references: every id is unknown, so
 * only the configuration says which object an attribute names. Each is found,
 * on the address of the resource to change, whichever language the
 * configuration is written in.
 */
import { DEFAULT_CONFIG } from '../../policies/config/config';
import { runRules } from '../../policies/engine/run';
import { loadFile } from '../../policies/inputs/load';
import { RULES } from '../../policies/rules';
import { type PlanWriterInput, writePlan } from '../support/plan-writer';
import { modularEntraTenant, modularOktaTenant } from './modular-tenants';

const NOW = new Date('2026-11-26T12:00:00Z');

type Body = Record<string, unknown> & {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  module: Record<string, Record<string, unknown>>;
};

async function findings(input: PlanWriterInput, form: 'json' | 'hcl'): Promise<string[]> {
  const stacks = await loadFile('plan.json', JSON.stringify(writePlan({ ...input, form })));
  const result = runRules(stacks, RULES, { config: DEFAULT_CONFIG, now: NOW });
  expect(result.errors).toEqual([]);
  return result.findings.map((f) => `${f.ruleId} ${f.messageId} ${f.resource}`).sort();
}

/** The modular tenant with one change made to it. */
function changed(tenant: () => PlanWriterInput, change: (root: Body) => void): PlanWriterInput {
  const t = tenant();
  const root = structuredClone(t.root) as Body;
  change(root);
  return { root, modules: t.modules };
}

describe.each(['json', 'hcl'] as const)('violations visible only through references (%s)', (form) => {
  it('Entra: an MFA policy excluding a group that is not the break-glass group, by a module output', async () => {
    const tenant = changed(modularEntraTenant, (root) => {
      const users = (
        root.resource.azuread_conditional_access_policy.everyone_mfa.conditions as { users: Record<string, string[]> }
      ).users;
      users.excluded_groups.push('${module.operator_team["service_desk"].group_id}');
    });
    expect(await findings(tenant, form)).toEqual([
      'RG-08 entraExclusion azuread_conditional_access_policy.everyone_mfa',
    ]);
  });

  it("Entra: a member resource that adds a break-glass account to the help desk's unit", async () => {
    const tenant = changed(modularEntraTenant, (root) => {
      root.resource.azuread_administrative_unit_member = {
        bg_in_staff: {
          administrative_unit_object_id: '${azuread_administrative_unit.staff.object_id}',
          member_object_id: '${module.break_glass["02"].user_object_id}',
        },
      };
    });
    expect(await findings(tenant, form)).toEqual([
      'RG-02 reachesPrivileged module.operator_team["service_desk"].azuread_directory_role_assignment.role',
    ]);
  });

  it('Entra: a module variable that makes the eligible agent its own approver', async () => {
    const tenant = changed(modularEntraTenant, (root) => {
      root.module.operator_team.approver_group_id = '${azuread_user.service_desk_agent.object_id}';
    });
    expect(await findings(tenant, form)).toEqual([
      'RG-05 selfApproval module.operator_team["service_desk"].azuread_group_role_management_policy.activation',
    ]);
  });

  it('Okta: a sign-on rule excluding a user who is not a break-glass account', async () => {
    const tenant = changed(modularOktaTenant, (root) => {
      root.resource.okta_user = {
        contractor: { login: 'pat@acme.example', email: 'pat@acme.example', first_name: 'Pat', last_name: 'Lee' },
      };
      root.resource.okta_policy_rule_signon.everyone_mfa.users_excluded = ['${okta_user.contractor.id}'];
    });
    expect(await findings(tenant, form)).toEqual(['RG-08 oktaExclusion okta_policy_rule_signon.everyone_mfa']);
  });

  it('Okta: a help desk whose supported group gains a Super Admin through a membership resource', async () => {
    const tenant = changed(modularOktaTenant, (root) => {
      root.resource.okta_user = {
        admin: { login: 'ada@acme.example', email: 'ada@acme.example', first_name: 'Ada', last_name: 'Admin' },
      };
      root.resource.okta_group_memberships.admins_members = {
        group_id: '${okta_group.admins.id}',
        users: ['${okta_user.admin.id}'],
      };
      root.resource.okta_group_memberships.staff_members = {
        group_id: '${okta_group.staff.id}',
        users: ['${okta_user.admin.id}'],
      };
    });
    expect(await findings(tenant, form)).toEqual([
      'RG-02 reachesPrivileged module.operator_team["service_desk"].okta_group_role.role',
    ]);
  });
});
