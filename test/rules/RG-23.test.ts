import rule from '../../policies/rules/RG-23-policies-enforced';
import { testRule } from '../support/rule-tester';
import { caPolicy } from '../support/fixtures';
import { configStack } from '../support/stacks';

/** A device-compliance pilot for one team, in report-only: no rule relies on it. */
const pilot = (
  state: string,
  grant: Record<string, unknown> = { operator: 'OR', built_in_controls: ['compliantDevice'] },
) =>
  configStack({
    azuread_group: { pilot: { display_name: 'Device pilot', security_enabled: true } },
    azuread_conditional_access_policy: {
      pilot: caPolicy({ state, users: { included_groups: ['${azuread_group.pilot.object_id}'] }, grant }),
    },
  });
const passwordPolicy = (status?: unknown) => ({
  okta_policy_password: { staff: { name: 'Staff', ...(status === undefined ? {} : { status }) } },
});

testRule(rule, {
  valid: [
    {
      name: 'enabled policy',
      provider: 'entra',
      stack: configStack({ azuread_conditional_access_policy: { mfa: caPolicy() } }),
    },
    {
      name: 'a report-only device-compliance pilot for one team, which no rule relies on',
      provider: 'entra',
      stack: pilot('enabledForReportingButNotEnforced'),
    },
    {
      name: 'an MFA pilot for one ordinary team, which no rule counts',
      provider: 'entra',
      stack: pilot('enabledForReportingButNotEnforced', { operator: 'OR', built_in_controls: ['mfa'] }),
    },
    {
      name: 'policies and rules active (explicitly or by default)',
      provider: 'okta',
      stack: configStack({
        ...passwordPolicy('ACTIVE'),
        okta_app_signon_policy: { admin: { name: 'Admin', description: 'x' } },
        okta_app_signon_policy_rule: { r: { policy_id: '${okta_app_signon_policy.admin.id}', name: 'r' } },
      }),
    },
  ],
  invalid: [
    {
      name: 'report-only',
      provider: 'entra',
      stack: configStack({
        azuread_conditional_access_policy: { mfa: caPolicy({ state: 'enabledForReportingButNotEnforced' }) },
      }),
      expect: [
        {
          messageId: 'entraNotEnforced',
          resource: 'azuread_conditional_access_policy.mfa',
          data: {
            policy: 'azuread_conditional_access_policy.mfa',
            state: 'report-only (enabledForReportingButNotEnforced)',
          },
        },
      ],
    },
    {
      name: 'disabled',
      provider: 'entra',
      stack: configStack({ azuread_conditional_access_policy: { mfa: caPolicy({ state: 'disabled' }) } }),
      expect: [{ messageId: 'entraNotEnforced', resource: 'azuread_conditional_access_policy.mfa' }],
    },
    {
      name: 'inactive password policy',
      provider: 'okta',
      stack: configStack(passwordPolicy('INACTIVE')),
      expect: [
        {
          messageId: 'oktaInactive',
          resource: 'okta_policy_password.staff',
          data: { policy: 'okta_policy_password.staff' },
        },
      ],
    },
    {
      name: 'inactive sign-on rule',
      provider: 'okta',
      stack: configStack({ okta_app_signon_policy_rule: { r: { policy_id: 'p', name: 'r', status: 'INACTIVE' } } }),
      expect: [{ messageId: 'oktaInactive', resource: 'okta_app_signon_policy_rule.r' }],
    },
  ],
  unknown: [
    {
      name: 'state from a variable',
      provider: 'entra',
      stack: configStack({ azuread_conditional_access_policy: { mfa: caPolicy({ state: '${var.state}' }) } }),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'azuread_conditional_access_policy.mfa',
          data: { what: 'whether azuread_conditional_access_policy.mfa is enforced', why: 'state is ${var.state}' },
        },
      ],
    },
    {
      name: 'a disabled MFA policy for groups from a variable may be one the rules rely on',
      provider: 'entra',
      stack: configStack({
        azuread_conditional_access_policy: {
          p: caPolicy({ state: 'disabled', users: { included_groups: '${var.groups}' } }),
        },
      }),
      expect: [{ messageId: 'cannotVerify', resource: 'azuread_conditional_access_policy.p' }],
    },
    {
      name: 'status from a variable',
      provider: 'okta',
      stack: configStack(passwordPolicy('${var.status}')),
      expect: [{ messageId: 'cannotVerify', resource: 'okta_policy_password.staff' }],
    },
  ],
});
