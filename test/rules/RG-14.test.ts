import rule from '../../policies/rules/RG-14-break-glass-covered';
import { testRule } from '../support/rule-tester';
import { caPolicy, ENTRA_BREAK_GLASS, OKTA_BREAK_GLASS } from '../support/fixtures';
import { configStack } from '../support/stacks';

const PR = '00000000-0000-0000-0000-000000000004';
const bgGroup = {
  display_name: 'Break glass accounts',
  security_enabled: true,
  members: ['${azuread_user.bg1.object_id}', '${azuread_user.bg2.object_id}'],
};
const everyone = (excluded: Record<string, unknown>) => caPolicy({ users: { included_users: ['All'], ...excluded } });
const bgPolicy = (strength: unknown) =>
  caPolicy({
    users: { included_groups: ['${azuread_group.bg.object_id}'] },
    grant: { operator: 'OR', authentication_strength_policy_id: strength },
  });
const entra = (policies: Record<string, Record<string, unknown>>) =>
  configStack({
    azuread_user: ENTRA_BREAK_GLASS,
    azuread_group: { bg: bgGroup },
    azuread_conditional_access_policy: policies,
  });

const PHISHING_RESISTANT = JSON.stringify({ possession: { required: true, phishingResistant: 'REQUIRED' } });
const okta = (rules: Record<string, Record<string, unknown>>) =>
  configStack({
    okta_user: OKTA_BREAK_GLASS,
    okta_group: { bg: { name: 'Break glass' } },
    okta_group_memberships: {
      bg: { group_id: '${okta_group.bg.id}', users: ['${okta_user.bg1.id}', '${okta_user.bg2.id}'] },
    },
    okta_app_signon_policy_rule: rules,
  });
const bgRule = (extra: Record<string, unknown>) => ({
  policy_id: 'p',
  name: 'Break glass',
  groups_included: ['${okta_group.bg.id}'],
  factor_mode: '2FA',
  ...extra,
});

testRule(rule, {
  valid: [
    {
      name: 'everyday policy excludes the break-glass group; their own policy is phishing-resistant',
      provider: 'entra',
      stack: entra({ all: everyone({ excluded_groups: ['${azuread_group.bg.object_id}'] }), bg: bgPolicy(PR) }),
    },
    {
      name: 'break-glass group under a phishing-resistant rule',
      provider: 'okta',
      stack: okta({ bg: bgRule({ constraints: [PHISHING_RESISTANT] }) }),
    },
  ],
  invalid: [
    {
      name: 'everyday policy does not exclude them',
      provider: 'entra',
      stack: entra({ all: everyone({}), bg: bgPolicy(PR) }),
      expect: [
        {
          messageId: 'notExcluded',
          resource: 'azuread_conditional_access_policy.all',
          data: { policy: 'azuread_conditional_access_policy.all', accounts: 'azuread_user.bg1, azuread_user.bg2' },
        },
      ],
    },
    {
      name: 'no policy of their own',
      provider: 'entra',
      stack: entra({
        all: everyone({ excluded_users: ['${azuread_user.bg1.object_id}', '${azuread_user.bg2.object_id}'] }),
      }),
      expect: [
        { messageId: 'noEntraPolicy', resource: null, data: { accounts: 'azuread_user.bg1, azuread_user.bg2' } },
      ],
    },
    {
      name: 'their policy asks only for MFA',
      provider: 'entra',
      stack: entra({
        all: everyone({ excluded_groups: ['${azuread_group.bg.object_id}'] }),
        bg: bgPolicy('00000000-0000-0000-0000-000000000002'),
      }),
      expect: [{ messageId: 'noEntraPolicy', resource: null }],
    },
    {
      name: 'rule without the constraint',
      provider: 'okta',
      stack: okta({ bg: bgRule({}) }),
      expect: [{ messageId: 'noOktaRule', resource: null, data: { accounts: 'okta_user.bg1, okta_user.bg2' } }],
    },
  ],
  unknown: [
    {
      name: 'their strength from a variable',
      provider: 'entra',
      stack: entra({
        all: everyone({ excluded_groups: ['${azuread_group.bg.object_id}'] }),
        bg: bgPolicy('${var.strength}'),
      }),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'azuread_conditional_access_policy.bg',
          data: {
            what: 'whether azuread_conditional_access_policy.bg requires phishing-resistant authentication of the break-glass accounts',
            why: 'its authentication strength is not known',
          },
        },
      ],
    },
    {
      name: 'constraints from a variable',
      provider: 'okta',
      stack: okta({ bg: bgRule({ constraints: '${var.constraints}' }) }),
      expect: [{ messageId: 'cannotVerify', resource: 'okta_app_signon_policy_rule.bg' }],
    },
  ],
});
