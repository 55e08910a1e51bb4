/**
 * Recovery attack paths on realistic configurations: each chain found with its
 * steps and the resources that create them; compliant tenants have none.
 */
import { DEFAULT_CONFIG } from '../../policies/config/config';
import { RuleContext } from '../../policies/tenant/context';
import { describeStep, findPaths } from '../../policies/graph/paths';
import { buildResetGraph } from '../../policies/tenant/build-reset-graph';
import { formatMermaid } from '../../policies/reporters/paths';
import { loadInputs } from '../../policies/inputs/load';
import type { Stack } from '../../policies/model/resource';
import { ROLE, caPolicy } from '../support/fixtures';
import { configStack } from '../support/stacks';
import { runCli } from '../support/memory-io';

const pathsOf = (stack: Stack, options = {}) => {
  const graph = buildResetGraph(new RuleContext(stack, DEFAULT_CONFIG, new Date('2026-11-26T12:00:00Z')));
  return { graph, paths: findPaths(graph, options) };
};
const steps = (p: { steps: readonly Parameters<typeof describeStep>[0][] }) => p.steps.map(describeStep);

// Entra: a help desk scoped to the Staff unit, which (wrongly) holds an administrator.
const entraBase = {
  azuread_user: {
    admin: { user_principal_name: 'admin@acme.example', display_name: 'Admin' },
    agent: { user_principal_name: 'agent@acme.example', display_name: 'Agent' },
    dev: { user_principal_name: 'dev@acme.example', display_name: 'Developer' },
  },
  azuread_administrative_unit: { staff: { display_name: 'Staff', members: ['${azuread_user.admin.object_id}'] } },
  azuread_group: {
    helpdesk: { display_name: 'Help desk', security_enabled: true, assignable_to_role: true },
    vendor: { display_name: 'Contoso vendor support', security_enabled: true },
  },
  azuread_directory_role_assignment: {
    helpdesk: {
      role_id: ROLE.helpdeskAdministrator,
      principal_object_id: '${azuread_group.helpdesk.object_id}',
      directory_scope_id: '/administrativeUnits/${azuread_administrative_unit.staff.object_id}',
    },
    admin: { role_id: ROLE.securityAdministrator, principal_object_id: '${azuread_user.admin.object_id}' },
  },
};

describe('recovery attack paths', () => {
  it('a vendor group owning an operator group whose scope contains an administrator: three steps', () => {
    const stack = configStack({
      ...entraBase,
      azuread_group: {
        ...entraBase.azuread_group,
        helpdesk: { ...entraBase.azuread_group.helpdesk, owners: ['${azuread_group.vendor.object_id}'] },
      },
    });
    const vendorPath = pathsOf(stack).paths.find((p) => p.source === 'azuread_group.vendor')!;
    expect(steps(vendorPath)).toEqual([
      'azuread_group.vendor —can add members to (azuread_group.helpdesk: owner)→ azuread_group.helpdesk',
      'azuread_group.helpdesk —can reset (azuread_directory_role_assignment.helpdesk: Helpdesk Administrator)→ users in azuread_administrative_unit.staff',
      'users in azuread_administrative_unit.staff —includes (azuread_administrative_unit.staff)→ azuread_user.admin',
    ]);
  });

  it('an operator able to add itself to a privileged group', () => {
    const stack = configStack({
      okta_group: { helpdesk: { name: 'Help desk' }, admins: { name: 'Admins' } },
      okta_group_role: { admins: { group_id: '${okta_group.admins.id}', role_type: 'ORG_ADMIN' } },
      okta_admin_role_custom: {
        groups: {
          label: 'Group fixer',
          description: 'x',
          permissions: ['okta.groups.read', 'okta.groups.members.manage'],
        },
      },
      okta_resource_set: {
        set: {
          label: 'Set',
          description: 'x',
          resources: ['https://acme.okta.com/api/v1/groups/${okta_group.admins.id}'],
        },
      },
      okta_admin_role_custom_assignments: {
        fixer: {
          custom_role_id: '${okta_admin_role_custom.groups.id}',
          resource_set_id: '${okta_resource_set.set.id}',
          members: ['https://acme.okta.com/api/v1/groups/${okta_group.helpdesk.id}'],
        },
      },
    });
    expect(pathsOf(stack).paths.map(steps)).toEqual([
      [
        'okta_group.helpdesk —can add members to (okta_admin_role_custom_assignments.fixer: Group fixer)→ okta_group.admins',
      ],
    ]);
  });

  it('an application owner reaching a service principal that holds UserAuthenticationMethod.ReadWrite.All', () => {
    const stack = configStack({
      ...entraBase,
      azuread_administrative_unit: { staff: { display_name: 'Staff' } },
      azuread_application: { resetter: { display_name: 'Resetter', owners: ['${azuread_user.dev.object_id}'] } },
      azuread_service_principal: {
        resetter: { client_id: '${azuread_application.resetter.client_id}' },
        msgraph: { client_id: '00000003-0000-0000-c000-000000000000', use_existing: true },
      },
      azuread_app_role_assignment: {
        resetter: {
          app_role_id: '${azuread_service_principal.msgraph.app_role_ids["UserAuthenticationMethod.ReadWrite.All"]}',
          principal_object_id: '${azuread_service_principal.resetter.object_id}',
          resource_object_id: '${azuread_service_principal.msgraph.object_id}',
        },
      },
    });
    const { paths } = pathsOf(stack, { from: 'azuread_user.dev' });
    expect(paths.map(steps)).toEqual([
      [
        'azuread_user.dev —owns (azuread_application.resetter)→ azuread_application.resetter',
        'azuread_application.resetter —acts as (azuread_service_principal.resetter)→ azuread_service_principal.resetter',
        'azuread_service_principal.resetter —holds app permission (azuread_app_role_assignment.resetter: UserAuthenticationMethod.ReadWrite.All)→ every Entra ID user',
        'every Entra ID user —includes (azuread_user.admin)→ azuread_user.admin',
      ],
    ]);
  });

  it('an approver who is also eligible approves their own way to an administrator', () => {
    const stack = configStack({
      ...entraBase,
      azuread_group: {
        ...entraBase.azuread_group,
        agents: { display_name: 'Agents', security_enabled: true, members: ['${azuread_user.agent.object_id}'] },
      },
      azuread_privileged_access_group_eligibility_schedule: {
        agent: {
          group_id: '${azuread_group.helpdesk.object_id}',
          principal_id: '${azuread_user.agent.object_id}',
          assignment_type: 'member',
          duration: 'P90D',
        },
      },
      azuread_group_role_management_policy: {
        helpdesk: {
          group_id: '${azuread_group.helpdesk.object_id}',
          role_id: 'member',
          activation_rules: {
            require_approval: true,
            approval_stage: {
              primary_approver: [{ object_id: '${azuread_group.agents.object_id}', type: 'groupMembers' }],
            },
          },
        },
      },
    });
    expect(pathsOf(stack, { from: 'azuread_user.agent' }).paths.map(steps)).toEqual([
      [
        'azuread_user.agent —approves own activation of (azuread_group_role_management_policy.helpdesk)→ azuread_group.helpdesk',
        'azuread_group.helpdesk —can reset (azuread_directory_role_assignment.helpdesk: Helpdesk Administrator)→ users in azuread_administrative_unit.staff',
        'users in azuread_administrative_unit.staff —includes (azuread_administrative_unit.staff)→ azuread_user.admin',
      ],
    ]);
  });

  it('a Groups Administrator joins a break-glass exclusion group that is not role-assignable, and signs in without MFA', () => {
    const stack = configStack({
      ...entraBase,
      azuread_group: { ...entraBase.azuread_group, bg: { display_name: 'Break glass', security_enabled: true } },
      azuread_directory_role_assignment: {
        ...entraBase.azuread_directory_role_assignment,
        groups: {
          role_id: 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
          principal_object_id: '${azuread_user.agent.object_id}',
        },
      },
      azuread_conditional_access_policy: {
        everyone: caPolicy({ users: { included_users: ['All'], excluded_groups: ['${azuread_group.bg.object_id}'] } }),
      },
    });
    const { paths } = pathsOf(stack, { from: 'azuread_user.agent', goal: 'exemption' });
    expect(paths.map(steps)).toEqual([
      [
        'azuread_user.agent —can add members to (azuread_directory_role_assignment.groups: Groups Administrator)→ azuread_group.bg',
        'azuread_group.bg —excluded from (azuread_conditional_access_policy.everyone)→ exempt from azuread_conditional_access_policy.everyone',
      ],
    ]);
    // A report-only policy exempts nobody from anything it enforces.
    const reportOnly = configStack({
      ...entraBase,
      azuread_group: { ...entraBase.azuread_group, bg: { display_name: 'bg', security_enabled: true } },
      azuread_conditional_access_policy: {
        everyone: {
          ...caPolicy({ users: { included_users: ['All'], excluded_groups: ['${azuread_group.bg.object_id}'] } }),
          state: 'enabledForReportingButNotEnforced',
        },
      },
    });
    expect(pathsOf(reportOnly, { goal: 'exemption' }).paths).toEqual([]);
  });

  it('exemptions are searched apart: a help desk one step from an exemption still shows its way to the administrator', async () => {
    const stack = configStack({
      ...entraBase,
      azuread_conditional_access_policy: {
        everyone: caPolicy({
          users: { included_users: ['All'], excluded_groups: ['${azuread_group.helpdesk.object_id}'] },
        }),
      },
    });
    expect(pathsOf(stack, { from: 'azuread_group.helpdesk' }).paths.map((p) => p.target)).toEqual([
      'azuread_user.admin',
    ]);
    const { pathsOf: pathsReport } = await import('../../policies/workflows/paths');
    const ctx = new RuleContext(stack, DEFAULT_CONFIG, new Date('2026-11-26T12:00:00Z'));
    expect(
      pathsReport(ctx)
        .paths.filter((p) => p.source === 'azuread_group.helpdesk')
        .map((p) => p.target),
    ).toEqual(['exempt from azuread_conditional_access_policy.everyone', 'azuread_user.admin']);
  });

  it('Okta: GROUP_MEMBERSHIP_ADMIN over a group a two-factor rule excludes', () => {
    const stack = configStack({
      okta_group: { desk: { name: 'Desk' }, bypass: { name: 'MFA bypass' } },
      okta_group_role: {
        desk: {
          group_id: '${okta_group.desk.id}',
          role_type: 'GROUP_MEMBERSHIP_ADMIN',
          target_group_list: ['${okta_group.bypass.id}'],
        },
      },
      okta_app_signon_policy: { apps: { name: 'Apps', description: 'x' } },
      okta_app_signon_policy_rule: {
        mfa: {
          policy_id: '${okta_app_signon_policy.apps.id}',
          name: 'MFA',
          factor_mode: '2FA',
          groups_excluded: ['${okta_group.bypass.id}'],
        },
        one: {
          policy_id: '${okta_app_signon_policy.apps.id}',
          name: 'One factor',
          factor_mode: '1FA',
          groups_excluded: ['${okta_group.desk.id}'],
        },
      },
    });
    expect(pathsOf(stack, { from: 'okta_group.desk', goal: 'exemption' }).paths.map(steps)).toEqual([
      [
        'okta_group.desk —can add members to (okta_group_role.desk: GROUP_MEMBERSHIP_ADMIN)→ okta_group.bypass',
        'okta_group.bypass —excluded from (okta_app_signon_policy_rule.mfa)→ exempt from okta_app_signon_policy_rule.mfa',
      ],
    ]);
  });

  it('compliant tenants have no path, to privilege or to an exemption', async () => {
    for (const file of [
      'test/fixtures/tenants/acme-okta.cdk.tf.json',
      'test/fixtures/tenants/acme-entra.cdk.tf.json',
      'test/fixtures/tenants/fabrikam-entra.cdk.tf.json',
    ]) {
      const [stack] = await loadInputs([file]);
      expect(pathsOf(stack).paths).toEqual([]);
      expect(pathsOf(stack, { goal: 'exemption' }).paths).toEqual([]);
    }
  });

  it('mermaid output is a well-formed flowchart: declared nodes, labelled edges between them', () => {
    const stack = configStack({
      ...entraBase,
      azuread_group: {
        ...entraBase.azuread_group,
        helpdesk: { ...entraBase.azuread_group.helpdesk, owners: ['${azuread_group.vendor.object_id}'] },
      },
    });
    const { graph, paths } = pathsOf(stack);
    const mermaid = formatMermaid({ stack: 'test', graph, paths });
    const lines = mermaid.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    const declared = new Set<string>();
    for (const line of lines.slice(1)) {
      const node = /^ {2}(n\d+)(\[\["|\(\["|\[")([^"]*)("\]\]|"\]\)|"\])$/.exec(line);
      const edge = /^ {2}(n\d+) -->\|"([^"]+)"\| (n\d+)$/.exec(line);
      expect(node || edge).toBeTruthy();
      if (node) declared.add(node[1]);
      if (edge) {
        expect(declared.has(edge[1]) && declared.has(edge[3])).toBe(true);
      }
    }
    expect(lines.filter((l) => l.includes('-->'))).toHaveLength(
      new Set(paths.flatMap((p) => p.steps.map((s) => `${s.from}|${s.to}|${s.kind}`))).size,
    );
  });

  it('the paths command: text, json, markdown with a mermaid diagram, dot; exit 1 when a path exists', async () => {
    const plan = 'test/fixtures/plan/entra-tenant.json';
    const text = await runCli(['paths', plan]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      'azuread_group.service_desk —can reset (azuread_directory_role_assignment.service_desk_helpdesk: Helpdesk Administrator)→ every Entra ID user',
    );
    const json = JSON.parse((await runCli(['paths', plan, '--format', 'json'])).stdout);
    expect(json.stacks[0].paths[0]).toMatchObject({
      source: 'azuread_group.service_desk',
      target: 'azuread_user.alex',
    });
    expect((await runCli(['paths', plan, '--format', 'markdown'])).stdout).toMatch(/```mermaid\nflowchart LR\n/);
    expect((await runCli(['paths', plan, '--format', 'dot'])).stdout).toMatch(/^digraph recovery_paths \{/);
    expect((await runCli(['paths', 'test/fixtures/tenants/acme-entra.cdk.tf.json'])).code).toBe(0);
    expect((await runCli(['check', plan, '--now', '2026-11-26T12:00:00Z', '--format', 'markdown'])).stdout).toMatch(
      /### Recovery attack paths[\s\S]*```mermaid\nflowchart LR\n/,
    );
    expect(
      (await runCli(['check', 'test/fixtures/tenants/acme-entra.cdk.tf.json', '--format', 'markdown'])).stdout,
    ).not.toContain('```mermaid');
    expect(await runCli(['paths', plan, '--to', 'azuread_user.nobody'])).toMatchObject({
      code: 2,
      stderr: 'recovery-gate: --to azuread_user.nobody names no principal in entra-tenant\n',
    });
  });
});
