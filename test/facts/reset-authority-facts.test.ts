/**
 * What Okta and Entra actually grant (RULES.md, "Reset authority" and
 * "Attack-path edges"): Graph permissions known by id alone, as a plan holds
 * them; the partner support, group-management and federation roles; Okta's
 * current OAuth scopes. Each as the rules and the graph see it.
 */
import { DEFAULT_CONFIG } from '../../policies/config/config';
import { RuleContext } from '../../policies/tenant/context';
import { runRules } from '../../policies/engine/run';
import { describeStep } from '../../policies/graph/paths';
import { buildResetGraph } from '../../policies/tenant/build-reset-graph';
import type { Stack } from '../../policies/model/resource';
import rg20 from '../../policies/rules/RG-20-vendor-cannot-weaken-mfa';
import rg22 from '../../policies/rules/RG-22-nhi-reset-authority';
import { configStack, planStack, simplePlan } from '../support/stacks';

const NOW = new Date('2026-11-26T12:00:00Z');
const findings = (stack: Stack, rule: typeof rg22 | typeof rg20) =>
  runRules([stack], [rule], { config: DEFAULT_CONFIG, now: NOW })
    .findings.map((f) => `${f.messageId} ${f.resource}`)
    .sort();
const edges = (stack: Stack) =>
  buildResetGraph(new RuleContext(stack, DEFAULT_CONFIG, NOW)).edges.map((e) =>
    describeStep({
      from: e.from,
      kind: e.kind,
      to: e.to,
      resource: e.resource,
      ...(e.detail ? { detail: e.detail } : {}),
    }),
  );

/** A plan in which an application's service principal holds one Graph permission, by id, and a secret that never expires. */
function automationPlan(appRoleId: string): Stack {
  return planStack(
    simplePlan({
      'azuread_application.automation': {
        values: {
          display_name: 'Automation',
          id: '/applications/app-object',
          object_id: 'app-object',
          client_id: 'app-client',
        },
      },
      'azuread_service_principal.automation': { values: { client_id: 'app-client', object_id: 'sp-object' } },
      'azuread_app_role_assignment.graph': {
        values: { app_role_id: appRoleId, principal_object_id: 'sp-object', resource_object_id: 'graph-sp' },
      },
      'azuread_application_password.automation': {
        values: { application_id: '/applications/app-object', value: 'secret' },
        sensitive: { value: true },
      },
      'azuread_group.exempt': {
        values: { display_name: 'MFA exempt', object_id: 'exempt-object', security_enabled: true },
      },
    }),
  );
}

describe('Graph permissions a plan holds only as ids', () => {
  it.each([
    ['cc117bb9-00cf-4eb8-b580-ea2a878fe8f7', 'User-PasswordProfile.ReadWrite.All'],
    ['627169a8-8c15-451c-861a-5b80e383de5c', 'UserAuthMethod-TAP.ReadWrite.All'],
    ['06b708a9-e830-4db3-a914-8e69da51d44f', 'AppRoleAssignment.ReadWrite.All (it can grant itself the rest)'],
    ['1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9', 'Application.ReadWrite.All (it can add a credential to any application)'],
    ['618b6020-bca8-4de6-99f6-ef445fa4d857', 'PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup'],
  ])('%s (%s) is reset authority: RG-22 holds the application to the bar', (id) => {
    expect(findings(automationPlan(id), rg22)).toEqual([
      'noOwner azuread_application.automation',
      'secretNeverExpires azuread_application_password.automation',
    ]);
  });

  it('an unrelated permission is not', () => {
    expect(findings(automationPlan('df021288-bdef-4463-88db-98f22de89214'), rg22)).toEqual([]); // User.Read.All
  });

  it('GroupMember.ReadWrite.All adds members to every group that is not role-assignable, and Domain.ReadWrite.All changes how everyone signs in: edges of the graph', () => {
    expect(edges(automationPlan('dbaae8cf-10b5-4b86-a4a1-f871c94c6695'))).toContain(
      'azuread_service_principal.automation —can add members to (azuread_app_role_assignment.graph: GroupMember.ReadWrite.All)→ azuread_group.exempt',
    );
    expect(edges(automationPlan('7e05723c-0bb0-42da-be95-ae9f08a6e53c'))).toContainEqual(
      expect.stringMatching(
        /^azuread_service_principal\.automation —can change \(azuread_app_role_assignment\.graph: Domain\.ReadWrite\.All \(federation\)\)→ /,
      ),
    );
  });
});

describe('Entra roles', () => {
  const holding = (roleId: string, extra: Record<string, Record<string, unknown>> = {}) =>
    configStack({
      azuread_user: {
        pat: { user_principal_name: 'pat@partner.example', display_name: 'Pat (vendor)' },
        staff: { user_principal_name: 'sam@acme.example', display_name: 'Sam' },
      },
      azuread_group: { staff: { display_name: 'Staff', security_enabled: true } },
      azuread_directory_role_assignment: {
        pat: { role_id: roleId, principal_object_id: '${azuread_user.pat.object_id}' },
      },
      ...extra,
    });

  it.each([
    ['4ba39ca4-527c-499a-b93d-d9b492c50246', 'Partner Tier1 Support'],
    ['e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8', 'Partner Tier2 Support'],
  ])('%s (%s) resets passwords: an edge to every user', (id, name) => {
    expect(edges(holding(id))).toContainEqual(
      expect.stringContaining(`azuread_user.pat —can reset (azuread_directory_role_assignment.pat: ${name})→`),
    );
  });

  it('Privileged Role Administrator grants any role: as much as changing the policy', () => {
    expect(edges(holding('e8611ab8-c189-46e8-94e1-60213ab1f814'))).toContainEqual(
      expect.stringContaining(
        'azuread_user.pat —can change (azuread_directory_role_assignment.pat: Privileged Role Administrator (grants any role))→',
      ),
    );
  });

  it.each([
    ['3a2c62db-5318-420d-8d74-23affee5d9d5', 'Intune Administrator'],
    ['9360feb5-f418-4baa-8175-e2a00bac4301', 'Directory Writers'],
  ])('%s (%s) adds members to groups that are not role-assignable', (id, name) => {
    expect(edges(holding(id))).toContain(
      `azuread_user.pat —can add members to (azuread_directory_role_assignment.pat: ${name})→ azuread_group.staff`,
    );
  });

  it.each([
    ['8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2'],
    ['8329153b-31d0-4727-b945-745eb3bc5f31'],
    ['be2f45a1-457d-42af-a067-6ec1fa63bc45'],
  ])('a vendor holding the federation role %s can change how everyone signs in (RG-20)', (id) => {
    expect(findings(holding(id), rg20)).toEqual(['vendorPrivileged azuread_directory_role_assignment.pat']);
  });
});

describe('Okta OAuth scopes', () => {
  it.each([
    'okta.authenticators.manage',
    'okta.groups.manage',
    'okta.roles.manage',
    'okta.policies.manage',
    'okta.idps.manage',
    'okta.factors.manage',
  ])('%s is reset authority: a client secret is RG-22', (scope) => {
    const stack = configStack({
      okta_app_oauth: {
        automation: {
          label: 'Automation',
          type: 'service',
          grant_types: ['client_credentials'],
          response_types: ['token'],
        },
      },
      okta_app_oauth_api_scope: {
        automation: { app_id: '${okta_app_oauth.automation.id}', issuer: 'https://acme.okta.com', scopes: [scope] },
      },
    });
    expect(findings(stack, rg22)).toEqual(['oktaClientSecret okta_app_oauth.automation']);
  });
});

describe('Okta resource sets and group membership', () => {
  const org = (extra: Record<string, Record<string, unknown>>) =>
    configStack({
      okta_user: { sam: { login: 'sam@acme.example', email: 'sam@acme.example', first_name: 'Sam', last_name: 'S' } },
      okta_group: { admins: { name: 'Admins' }, desk: { name: 'Desk' }, staff: { name: 'Staff' } },
      okta_group_role: { admins: { group_id: '${okta_group.admins.id}', role_type: 'SUPER_ADMIN' } },
      ...extra,
    });
  const customOver = (permissions: string[], entry: string) => ({
    okta_admin_role_custom: { members: { label: 'Members', description: 'x', permissions } },
    okta_resource_set: { set: { label: 'Set', description: 'x', resources: [entry] } },
    okta_admin_role_custom_assignments: {
      members: {
        custom_role_id: '${okta_admin_role_custom.members.id}',
        resource_set_id: '${okta_resource_set.set.id}',
        members: ['https://acme.okta.com/api/v1/groups/${okta_group.desk.id}'],
      },
    },
  });

  it('group permissions over the group object let the holder add members to it: an edge to the admins group', () => {
    expect(
      edges(
        org(customOver(['okta.groups.members.manage'], 'https://acme.okta.com/api/v1/groups/${okta_group.admins.id}')),
      ),
    ).toContain(
      'okta_group.desk —can add members to (okta_admin_role_custom_assignments.members: Members)→ okta_group.admins',
    );
  });

  it('user permissions over the users of a group are reset authority over them; over the group object, over nobody', () => {
    const reset = (entry: string) =>
      edges(org(customOver(['okta.users.credentials.resetFactors'], entry))).filter((e) =>
        e.startsWith('okta_group.desk —can reset'),
      );
    expect(reset('https://acme.okta.com/api/v1/groups/${okta_group.staff.id}/users')).toEqual([
      'okta_group.desk —can reset (okta_admin_role_custom_assignments.members: Members)→ users in okta_group.staff',
    ]);
    expect(reset('https://acme.okta.com/api/v1/groups/${okta_group.staff.id}')).toEqual([]);
  });

  it('GROUP_MEMBERSHIP_ADMIN adds members to its target groups', () => {
    expect(
      edges(
        org({
          okta_group_role: {
            admins: { group_id: '${okta_group.admins.id}', role_type: 'SUPER_ADMIN' },
            desk: {
              group_id: '${okta_group.desk.id}',
              role_type: 'GROUP_MEMBERSHIP_ADMIN',
              target_group_list: ['${okta_group.staff.id}'],
            },
          },
        }),
      ),
    ).toContainEqual(
      expect.stringMatching(
        /^okta_group\.desk —can add members to \(okta_group_role\.desk: GROUP_MEMBERSHIP_ADMIN\)→ okta_group\.staff$/,
      ),
    );
  });
});
