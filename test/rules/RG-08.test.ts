import rule from '../../policies/rules/RG-08-no-standing-bypass';
import { testRule } from '../support/rule-tester';
import { caPolicy, ENTRA_BREAK_GLASS, OKTA_BREAK_GLASS } from '../support/fixtures';
import { configStack } from '../support/stacks';

const entra = (
  users: Record<string, unknown>,
  extra: Record<string, Record<string, unknown>> = {},
  grant?: Record<string, unknown>,
) =>
  configStack({
    azuread_user: { ...ENTRA_BREAK_GLASS, ceo: { user_principal_name: 'ceo@acme.example', display_name: 'CEO' } },
    azuread_group: { exempt: { display_name: 'MFA exempt', security_enabled: true } },
    azuread_conditional_access_policy: { mfa: caPolicy({ users, ...(grant ? { grant } : {}) }) },
    ...extra,
  });
/** The break-glass accounts' own group, excluded from the policy; role-assignable or not. */
const bgGroup = (assignable: unknown) =>
  entra(
    { included_users: ['All'], excluded_groups: ['${azuread_group.break_glass.object_id}'] },
    {
      azuread_group: {
        exempt: { display_name: 'MFA exempt', security_enabled: true },
        break_glass: {
          display_name: 'Break glass',
          security_enabled: true,
          assignable_to_role: assignable,
          members: ['${azuread_user.bg1.object_id}', '${azuread_user.bg2.object_id}'],
        },
      },
    },
  );
const BG_EXCLUDED = ['${azuread_user.bg1.object_id}', '${azuread_user.bg2.object_id}'];

const okta = (excluded: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  configStack({
    okta_user: {
      ...OKTA_BREAK_GLASS,
      ceo: { login: 'ceo@acme.example', email: 'ceo@acme.example', first_name: 'C', last_name: 'EO' },
    },
    okta_group: { bypass: { name: 'MFA bypass' }, staff: { name: 'Staff' } },
    okta_app_signon_policy_rule: {
      staff: {
        policy_id: 'p',
        name: 'Staff',
        groups_included: ['${okta_group.staff.id}'],
        factor_mode: '2FA',
        ...excluded,
        ...extra,
      },
    },
  });

testRule(rule, {
  valid: [
    {
      name: 'only break-glass accounts excluded',
      provider: 'entra',
      stack: entra({ included_users: ['All'], excluded_users: BG_EXCLUDED }),
    },
    {
      name: 'an id managed elsewhere, declared break-glass',
      provider: 'entra',
      stack: entra({ included_users: ['All'], excluded_users: ['9c1f0e3a-0000-4000-8000-000000000001'] }),
      declarations: { breakGlass: ['9c1f0e3a-0000-4000-8000-000000000001'] },
    },
    { name: 'the break-glass group excluded, role-assignable', provider: 'entra', stack: bgGroup(true) },
    {
      name: 'only break-glass users excluded',
      provider: 'okta',
      stack: okta({ users_excluded: ['${okta_user.bg1.id}', '${okta_user.bg2.id}'] }),
    },
  ],
  invalid: [
    {
      name: 'a named user excluded',
      provider: 'entra',
      stack: entra({ included_users: ['All'], excluded_users: [...BG_EXCLUDED, '${azuread_user.ceo.object_id}'] }),
      expect: [
        {
          messageId: 'entraExclusion',
          resource: 'azuread_conditional_access_policy.mfa',
          data: { policy: 'azuread_conditional_access_policy.mfa', excluded: 'azuread_user.ceo' },
        },
      ],
    },
    {
      name: 'a role excluded',
      provider: 'entra',
      stack: entra({ included_users: ['All'], excluded_roles: ['62e90394-69f5-4237-9190-012177145e10'] }),
      expect: [{ messageId: 'entraExclusion', resource: 'azuread_conditional_access_policy.mfa' }],
    },
    {
      name: 'strength for everyone allows a multi-use pass',
      provider: 'entra',
      stack: entra(
        { included_users: ['All'] },
        {
          azuread_authentication_strength_policy: {
            s: { display_name: 'S', allowed_combinations: ['fido2', 'temporaryAccessPassMultiUse'] },
          },
        },
        { operator: 'OR', authentication_strength_policy_id: '${azuread_authentication_strength_policy.s.id}' },
      ),
      expect: [
        {
          messageId: 'multiUsePass',
          resource: 'azuread_authentication_strength_policy.s',
          data: { strength: 'azuread_authentication_strength_policy.s' },
        },
      ],
    },
    {
      name: 'the break-glass group excluded, but anyone who manages groups can join it',
      provider: 'entra',
      stack: bgGroup(false),
      expect: [
        {
          messageId: 'joinableExclusion',
          resource: 'azuread_conditional_access_policy.mfa',
          data: { policy: 'azuread_conditional_access_policy.mfa', group: 'azuread_group.break_glass' },
        },
      ],
    },
    {
      name: 'a named user excluded',
      provider: 'okta',
      stack: okta({ users_excluded: ['${okta_user.ceo.id}'] }),
      expect: [
        {
          messageId: 'oktaExclusion',
          resource: 'okta_app_signon_policy_rule.staff',
          data: { rule: 'okta_app_signon_policy_rule.staff', excluded: 'okta_user.ceo' },
        },
      ],
    },
    {
      name: 'a bypass group excluded, even from a one-factor rule',
      provider: 'okta',
      stack: okta({ groups_excluded: ['${okta_group.bypass.id}'] }, { factor_mode: '1FA' }),
      expect: [
        {
          messageId: 'bypassGroup',
          resource: 'okta_app_signon_policy_rule.staff',
          data: { rule: 'okta_app_signon_policy_rule.staff', group: 'okta_group.bypass' },
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'exclusions from a variable',
      provider: 'entra',
      stack: entra({ included_users: ['All'], excluded_groups: '${var.exempt_groups}' }),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'azuread_conditional_access_policy.mfa',
          data: {
            what: 'whom azuread_conditional_access_policy.mfa exempts from MFA',
            why: 'its exclusions are not known',
          },
        },
      ],
    },
    {
      name: 'whether the break-glass group is role-assignable comes from a variable',
      provider: 'entra',
      stack: bgGroup('${var.assignable}'),
      expect: [{ messageId: 'cannotVerify', resource: 'azuread_conditional_access_policy.mfa' }],
    },
    {
      name: 'excluded users from a variable',
      provider: 'okta',
      stack: okta({ users_excluded: '${var.exempt}' }),
      expect: [{ messageId: 'cannotVerify', resource: 'okta_app_signon_policy_rule.staff' }],
    },
  ],
});
