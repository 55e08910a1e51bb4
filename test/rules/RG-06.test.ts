import rule from '../../policies/rules/RG-06-privileged-phishing-resistant';
import { testRule } from '../support/rule-tester';
import { caPolicy, ENTRA_BREAK_GLASS, OKTA_BREAK_GLASS, ROLE } from '../support/fixtures';
import { configStack } from '../support/stacks';

const PR_STRENGTH = '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004';
const MFA_STRENGTH = '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000002';

// Entra: Security Administrator held through a role-assignable group; break-glass holds Global Administrator.
const entraTenant = (
  policies: Record<string, Record<string, unknown>>,
  extra: Record<string, Record<string, unknown>> = {},
) =>
  configStack({
    azuread_user: ENTRA_BREAK_GLASS,
    azuread_group: { secops: { display_name: 'Security operators', security_enabled: true, assignable_to_role: true } },
    azuread_directory_role_assignment: {
      secops: { role_id: ROLE.securityAdministrator, principal_object_id: '${azuread_group.secops.object_id}' },
      bg1: { role_id: ROLE.globalAdministrator, principal_object_id: '${azuread_user.bg1.object_id}' },
    },
    azuread_conditional_access_policy: policies,
    ...extra,
  });
// The help desk holds Helpdesk Administrator at an administrative unit's scope (or at a scope from a variable).
const helpdeskTenant = (
  policies: Record<string, Record<string, unknown>>,
  scope = '/administrativeUnits/${azuread_administrative_unit.staff.object_id}',
) =>
  entraTenant(policies, {
    azuread_administrative_unit: { staff: { display_name: 'Staff' } },
    azuread_group: {
      secops: { display_name: 'Security operators', security_enabled: true, assignable_to_role: true },
      desk: { display_name: 'Service desk', security_enabled: true, assignable_to_role: true },
    },
    azuread_directory_role_assignment: {
      secops: { role_id: ROLE.securityAdministrator, principal_object_id: '${azuread_group.secops.object_id}' },
      bg1: { role_id: ROLE.globalAdministrator, principal_object_id: '${azuread_user.bg1.object_id}' },
      desk: {
        role_id: ROLE.helpdeskAdministrator,
        principal_object_id: '${azuread_group.desk.object_id}',
        directory_scope_id: scope,
      },
    },
  });
const adminPolicy = (
  grant: Record<string, unknown>,
  users: Record<string, unknown> = { included_roles: [ROLE.securityAdministrator] },
) => caPolicy({ users, grant });
const PR_GRANT = { operator: 'OR', authentication_strength_policy_id: PR_STRENGTH };
/** The phishing-resistant admin policy with one more condition. */
const narrowed = (conditions: Record<string, unknown>) => {
  const p = adminPolicy(PR_GRANT);
  return { ...p, conditions: { ...(p.conditions as Record<string, unknown>), ...conditions } };
};

// Okta: the Admins group holds ORG_ADMIN; break-glass holds SUPER_ADMIN through its own group.
const PHISHING_RESISTANT = JSON.stringify({ possession: { required: true, phishingResistant: 'REQUIRED' } });
const OKTA_ROLES = {
  admins: { group_id: '${okta_group.admins.id}', role_type: 'ORG_ADMIN' },
  bg: { group_id: '${okta_group.bg.id}', role_type: 'SUPER_ADMIN' },
};
const oktaOrgWith = (
  { data, ...extra }: Record<string, Record<string, unknown>>,
  rules: Record<string, Record<string, unknown>>,
) =>
  configStack(
    {
      okta_user: OKTA_BREAK_GLASS,
      okta_group: { admins: { name: 'Admins' }, bg: { name: 'Break glass' } },
      okta_group_role: OKTA_ROLES,
      okta_app_signon_policy: { admin: { name: 'Admin apps', description: 'x' } },
      ...(Object.keys(rules).length ? { okta_app_signon_policy_rule: rules } : {}),
      ...extra,
    },
    data ? { data } : {},
  );
const oktaOrg = (rules: Record<string, Record<string, unknown>>) => oktaOrgWith({}, rules);
const oktaRule = (extra: Record<string, unknown>) => ({
  policy_id: '${okta_app_signon_policy.admin.id}',
  name: 'Admins',
  groups_included: ['${okta_group.admins.id}'],
  factor_mode: '2FA',
  ...extra,
});

testRule(rule, {
  valid: [
    {
      name: 'role covered with the built-in phishing-resistant strength',
      provider: 'entra',
      stack: entraTenant({ admins: adminPolicy({ operator: 'OR', authentication_strength_policy_id: PR_STRENGTH }) }),
    },
    {
      name: 'group covered with a custom strength of FIDO2 and Windows Hello only',
      provider: 'entra',
      stack: entraTenant(
        {
          admins: adminPolicy(
            { operator: 'OR', authentication_strength_policy_id: '${azuread_authentication_strength_policy.pr.id}' },
            { included_groups: ['${azuread_group.secops.object_id}'] },
          ),
        },
        {
          azuread_authentication_strength_policy: {
            pr: { display_name: 'PR', allowed_combinations: ['fido2', 'windowsHelloForBusiness'] },
          },
        },
      ),
    },
    {
      name: 'conditions that narrow nothing: all client apps, all locations, all platforms',
      provider: 'entra',
      stack: entraTenant({
        admins: narrowed({ locations: { included_locations: ['All'] }, platforms: { included_platforms: ['all'] } }),
      }),
    },
    {
      name: 'a help desk scoped to a unit, covered through its group',
      provider: 'entra',
      stack: helpdeskTenant({
        admins: adminPolicy(PR_GRANT, {
          included_roles: [ROLE.securityAdministrator, ROLE.helpdeskAdministrator],
          included_groups: ['${azuread_group.desk.object_id}'],
        }),
      }),
    },
    {
      name: 'a help desk at directory scope, covered by role',
      provider: 'entra',
      stack: helpdeskTenant(
        { admins: adminPolicy(PR_GRANT, { included_roles: [ROLE.securityAdministrator, ROLE.helpdeskAdministrator] }) },
        '/',
      ),
    },
    {
      name: 'a rule without people conditions on the existing Admin Console policy (a data source) covers every admin, the help desk too',
      provider: 'okta',
      stack: oktaOrgWith(
        {
          okta_group: { admins: { name: 'Admins' }, bg: { name: 'Break glass' }, desk: { name: 'Help desk' } },
          okta_group_role: { ...OKTA_ROLES, desk: { group_id: '${okta_group.desk.id}', role_type: 'HELP_DESK_ADMIN' } },
          data: { okta_policy: { console: { name: 'Okta Admin Console', type: 'ACCESS_POLICY' } } },
        },
        {
          console: {
            policy_id: '${data.okta_policy.console.id}',
            name: 'All admins',
            factor_mode: '2FA',
            constraints: [PHISHING_RESISTANT],
          },
        },
      ),
    },
    {
      name: 'admin group under a phishing-resistant rule',
      provider: 'okta',
      stack: oktaOrg({ admins: oktaRule({ constraints: [PHISHING_RESISTANT] }) }),
    },
  ],
  invalid: [
    {
      name: 'no policy covers the role (break-glass alone is not "in use")',
      provider: 'entra',
      stack: entraTenant({ all: caPolicy() }),
      expect: [
        {
          messageId: 'weakEntraPolicy',
          resource: 'azuread_conditional_access_policy.all',
          data: { policy: 'azuread_conditional_access_policy.all', roles: 'Security Administrator' },
        },
      ],
    },
    {
      name: 'nothing at all',
      provider: 'entra',
      stack: entraTenant({}),
      expect: [{ messageId: 'noEntraPolicy', resource: null, data: { roles: 'Security Administrator' } }],
    },
    {
      name: 'covered with the MFA strength only',
      provider: 'entra',
      stack: entraTenant({ admins: adminPolicy({ operator: 'OR', authentication_strength_policy_id: MFA_STRENGTH }) }),
      expect: [{ messageId: 'weakEntraPolicy', resource: 'azuread_conditional_access_policy.admins' }],
    },
    {
      name: 'a custom strength that allows SMS',
      provider: 'entra',
      stack: entraTenant(
        {
          admins: adminPolicy({
            operator: 'OR',
            authentication_strength_policy_id: '${azuread_authentication_strength_policy.weak.id}',
          }),
        },
        {
          azuread_authentication_strength_policy: {
            weak: { display_name: 'Weak', allowed_combinations: ['fido2', 'password,sms'] },
          },
        },
      ),
      expect: [{ messageId: 'weakEntraPolicy', resource: 'azuread_conditional_access_policy.admins' }],
    },
    {
      name: 'report-only policy counts as missing',
      provider: 'entra',
      stack: entraTenant({
        admins: {
          ...adminPolicy({ operator: 'OR', authentication_strength_policy_id: PR_STRENGTH }),
          state: 'enabledForReportingButNotEnforced',
        },
      }),
      expect: [{ messageId: 'noEntraPolicy', resource: null }],
    },
    {
      name: 'phishing-resistant only outside trusted locations',
      provider: 'entra',
      stack: entraTenant({
        admins: narrowed({ locations: { included_locations: ['All'], excluded_locations: ['AllTrusted'] } }),
      }),
      expect: [
        {
          messageId: 'narrowEntraPolicy',
          resource: 'azuread_conditional_access_policy.admins',
          data: {
            policy: 'azuread_conditional_access_policy.admins',
            roles: 'Security Administrator',
            narrowing: 'locations other than AllTrusted',
          },
        },
      ],
    },
    {
      name: 'phishing-resistant only for risky sign-ins',
      provider: 'entra',
      stack: entraTenant({ admins: narrowed({ sign_in_risk_levels: ['high', 'medium'] }) }),
      expect: [{ messageId: 'narrowEntraPolicy', resource: 'azuread_conditional_access_policy.admins' }],
    },
    {
      name: 'phishing-resistant only on some platforms',
      provider: 'entra',
      stack: entraTenant({ admins: narrowed({ platforms: { included_platforms: ['windows', 'macOS'] } }) }),
      expect: [{ messageId: 'narrowEntraPolicy', resource: 'azuread_conditional_access_policy.admins' }],
    },
    {
      name: 'an all-users MFA policy and a weak policy for the role: the finding is on the one that targets the role',
      provider: 'entra',
      stack: entraTenant({
        all: caPolicy(),
        admins: adminPolicy({ operator: 'OR', authentication_strength_policy_id: MFA_STRENGTH }),
      }),
      expect: [{ messageId: 'weakEntraPolicy', resource: 'azuread_conditional_access_policy.admins' }],
    },
    {
      name: 'a help desk scoped to a unit, named only by role: Entra does not apply included_roles to it',
      provider: 'entra',
      stack: helpdeskTenant({
        admins: adminPolicy(PR_GRANT, { included_roles: [ROLE.securityAdministrator, ROLE.helpdeskAdministrator] }),
      }),
      expect: [
        {
          messageId: 'scopedRoleNotCovered',
          resource: 'azuread_conditional_access_policy.admins',
          data: {
            policy: 'azuread_conditional_access_policy.admins',
            assignments: 'Helpdesk Administrator (azuread_directory_role_assignment.desk)',
          },
        },
      ],
    },
    {
      name: 'an operator role counts as a role in use: a help desk with MFA only',
      provider: 'entra',
      stack: helpdeskTenant({ all: caPolicy(), admins: adminPolicy(PR_GRANT) }),
      expect: [{ messageId: 'weakEntraPolicy', resource: 'azuread_conditional_access_policy.all' }],
    },
    {
      name: 'a help desk group under no phishing-resistant rule (HELP_DESK_ADMIN is in use)',
      provider: 'okta',
      stack: oktaOrgWith(
        {
          okta_group: { admins: { name: 'Admins' }, bg: { name: 'Break glass' }, desk: { name: 'Help desk' } },
          okta_group_role: {
            ...OKTA_ROLES,
            desk: { group_id: '${okta_group.desk.id}', role_type: 'HELP_DESK_ADMIN', target_group_list: ['x'] },
          },
        },
        { admins: oktaRule({ constraints: [PHISHING_RESISTANT] }) },
      ),
      expect: [{ messageId: 'noOktaRule', resource: null }],
    },
    {
      name: 'a rule on the Admin Console policy for the admin group only does not cover the help desk',
      provider: 'okta',
      stack: oktaOrgWith(
        {
          okta_group: { admins: { name: 'Admins' }, bg: { name: 'Break glass' }, desk: { name: 'Help desk' } },
          okta_group_role: { ...OKTA_ROLES, desk: { group_id: '${okta_group.desk.id}', role_type: 'HELP_DESK_ADMIN' } },
          okta_app_signon_policy: { admin: { name: 'Okta Admin Console' } },
        },
        { admins: oktaRule({ constraints: [PHISHING_RESISTANT] }) },
      ),
      expect: [{ messageId: 'noOktaRule', resource: null }],
    },
    {
      name: 'no rule for the admin group',
      provider: 'okta',
      stack: oktaOrg({}),
      expect: [{ messageId: 'noOktaRule', resource: null, data: { groups: 'okta_group.admins' } }],
    },
    {
      name: 'rule without the phishing-resistant constraint',
      provider: 'okta',
      stack: oktaOrg({ admins: oktaRule({}) }),
      expect: [
        {
          messageId: 'weakOktaRule',
          resource: 'okta_app_signon_policy_rule.admins',
          data: {
            rule: 'okta_app_signon_policy_rule.admins',
            groups: 'okta_group.admins',
            shortfall: 'its constraints do not require a phishing-resistant possession factor',
          },
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'a help desk assignment whose scope comes from a variable, named only by role',
      provider: 'entra',
      stack: helpdeskTenant(
        { admins: adminPolicy(PR_GRANT, { included_roles: [ROLE.securityAdministrator, ROLE.helpdeskAdministrator] }) },
        '${var.scope}',
      ),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'azuread_conditional_access_policy.admins',
          data: {
            what: 'whether azuread_conditional_access_policy.admins requires phishing-resistant authentication for Helpdesk Administrator',
            why: 'its authentication strength, applications, conditions or the scope of a role assignment are not known',
          },
        },
      ],
    },
    {
      name: 'strength id from a variable',
      provider: 'entra',
      stack: entraTenant({
        admins: adminPolicy({ operator: 'OR', authentication_strength_policy_id: '${var.strength}' }),
      }),
      expect: [{ messageId: 'cannotVerify', resource: 'azuread_conditional_access_policy.admins' }],
    },
    {
      name: 'locations from a variable',
      provider: 'entra',
      stack: entraTenant({ admins: narrowed({ locations: { included_locations: '${var.locations}' } }) }),
      expect: [{ messageId: 'cannotVerify', resource: 'azuread_conditional_access_policy.admins' }],
    },
    {
      name: 'constraints from a variable',
      provider: 'okta',
      stack: oktaOrg({ admins: oktaRule({ constraints: '${var.constraints}' }) }),
      expect: [{ messageId: 'cannotVerify', resource: 'okta_app_signon_policy_rule.admins' }],
    },
  ],
});
