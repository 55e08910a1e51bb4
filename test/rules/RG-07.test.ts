import rule from '../../policies/rules/RG-07-everyone-has-mfa';
import { testRule } from '../support/rule-tester';
import { configStack } from '../support/stacks';

const caPolicy = (
  over: Record<string, unknown> = {},
  grant: Record<string, unknown> = { operator: 'OR', built_in_controls: ['mfa'] },
) => ({
  display_name: 'All users MFA',
  state: 'enabled',
  conditions: {
    client_app_types: ['all'],
    users: { included_users: ['All'], excluded_groups: [] },
    applications: { included_applications: ['All'] },
  },
  grant_controls: grant,
  ...over,
});
const signon = {
  okta_policy_signon: { default: { name: 'Default', status: 'ACTIVE', groups_included: ['00g-everyone'] } },
};
const bgUser = {
  okta_user: { bg1: { login: 'breakglass1@acme.example', first_name: 'B', last_name: 'G', email: 'bg1@acme.example' } },
};

testRule(rule, {
  valid: [
    {
      name: 'sign-on rule requires MFA; app rule requires two factors by default',
      provider: 'okta',
      stack: configStack({
        ...signon,
        okta_policy_rule_signon: {
          mfa: { policy_id: '${okta_policy_signon.default.id}', name: 'MFA', mfa_required: true, mfa_prompt: 'ALWAYS' },
        },
        okta_app_signon_policy_rule: { admin: { policy_id: 'p1', name: 'Admins' } },
      }),
    },
    {
      name: 'one-factor rule that applies only to a break-glass account',
      provider: 'okta',
      stack: configStack({
        ...bgUser,
        okta_app_signon_policy_rule: {
          bg: { policy_id: 'p1', name: 'BG', factor_mode: '1FA', users_included: ['${okta_user.bg1.id}'] },
        },
      }),
    },
    {
      name: 'enabled all-users policy granting mfa',
      provider: 'entra',
      stack: configStack({ azuread_conditional_access_policy: { all: caPolicy() } }),
    },
    {
      name: 'enabled all-users policy with an authentication strength',
      provider: 'entra',
      stack: configStack({
        azuread_conditional_access_policy: {
          all: caPolicy(
            {},
            {
              operator: 'OR',
              authentication_strength_policy_id:
                '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000002',
            },
          ),
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'the only all-users policy blocks legacy clients: nothing requires MFA',
      provider: 'entra',
      stack: configStack({
        azuread_conditional_access_policy: {
          legacy: caPolicy(
            {
              conditions: {
                client_app_types: ['exchangeActiveSync', 'other'],
                users: { included_users: ['All'] },
                applications: { included_applications: ['All'] },
              },
            },
            { operator: 'OR', built_in_controls: ['block'] },
          ),
          mfa: caPolicy({ state: 'enabledForReportingButNotEnforced' }),
        },
      }),
      expect: [{ messageId: 'noEntraPolicy', resource: null, data: {} }],
    },
    {
      name: 'no sign-on rules at all',
      provider: 'okta',
      stack: configStack({ okta_group: { a: { name: 'A' } } }),
      expect: [{ messageId: 'noOktaRules', resource: null, data: {} }],
    },
    {
      name: 'one-factor app rule and a sign-on rule without mfa_required',
      provider: 'okta',
      stack: configStack({
        ...signon,
        okta_app_signon_policy_rule: { weak: { policy_id: 'p1', name: 'Weak', factor_mode: '1FA', access: 'ALLOW' } },
        okta_policy_rule_signon: { weak: { policy_id: '${okta_policy_signon.default.id}', name: 'Weak' } },
      }),
      expect: [
        {
          messageId: 'oneFactorRule',
          resource: 'okta_app_signon_policy_rule.weak',
          data: {
            rule: 'okta_app_signon_policy_rule.weak',
            setting: 'factor_mode = "1FA"',
            fix: 'factor_mode = "2FA"',
          },
          line: 13,
        },
        {
          messageId: 'oneFactorRule',
          resource: 'okta_policy_rule_signon.weak',
          data: {
            rule: 'okta_policy_rule_signon.weak',
            setting: 'mfa_required is not true',
            fix: 'mfa_required = true',
          },
          line: 21,
        },
      ],
    },
    {
      name: 'only a report-only policy (treated as missing)',
      provider: 'entra',
      stack: configStack({
        azuread_conditional_access_policy: { all: caPolicy({ state: 'enabledForReportingButNotEnforced' }) },
      }),
      expect: [{ messageId: 'noEntraPolicy', resource: null }],
    },
    {
      name: 'all-users policy that grants on a compliant device only',
      provider: 'entra',
      stack: configStack({
        azuread_conditional_access_policy: {
          all: caPolicy({}, { operator: 'OR', built_in_controls: ['compliantDevice'] }),
        },
      }),
      expect: [
        {
          messageId: 'entraPolicyWithoutMfa',
          resource: 'azuread_conditional_access_policy.all',
          data: { policy: 'azuread_conditional_access_policy.all' },
        },
      ],
    },
    {
      name: 'a policy for some groups only does not cover everyone',
      provider: 'entra',
      stack: configStack({
        azuread_conditional_access_policy: {
          some: caPolicy({
            conditions: { users: { included_groups: ['g1'] }, applications: { included_applications: ['All'] } },
          }),
        },
      }),
      expect: [{ messageId: 'noEntraPolicy', resource: null }],
    },
  ],
  unknown: [
    {
      name: 'factor mode from a variable',
      provider: 'okta',
      stack: configStack({
        okta_app_signon_policy_rule: { r: { policy_id: 'p1', name: 'R', factor_mode: '${var.mode}' } },
      }),
      expect: [{ messageId: 'cannotVerify', resource: 'okta_app_signon_policy_rule.r' }],
    },
    {
      name: 'policy state from a variable',
      provider: 'entra',
      stack: configStack({ azuread_conditional_access_policy: { all: caPolicy({ state: '${var.state}' }) } }),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'azuread_conditional_access_policy.all',
          data: {
            what: 'whether azuread_conditional_access_policy.all requires MFA for everyone',
            why: 'state is not known',
          },
        },
      ],
    },
  ],
});
