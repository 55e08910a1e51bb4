import rule from '../../policies/rules/RG-23-policies-enforced';
import { testRule } from '../support/rule-tester';
import { caPolicy } from '../support/fixtures';
import { configStack } from '../support/stacks';

const passwordPolicy = (status?: unknown) => ({ okta_policy_password: { staff: { name: 'Staff', ...(status === undefined ? {} : { status }) } } });

testRule(rule, {
  valid: [
    { name: 'enabled policy', provider: 'entra', stack: configStack({ azuread_conditional_access_policy: { mfa: caPolicy() } }) },
    { name: 'policies and rules active (explicitly or by default)', provider: 'okta', stack: configStack({ ...passwordPolicy('ACTIVE'), okta_app_signon_policy: { admin: { name: 'Admin', description: 'x' } }, okta_app_signon_policy_rule: { r: { policy_id: '${okta_app_signon_policy.admin.id}', name: 'r' } } }) },
  ],
  invalid: [
    { name: 'report-only', provider: 'entra', stack: configStack({ azuread_conditional_access_policy: { mfa: caPolicy({ state: 'enabledForReportingButNotEnforced' }) } }), expect: [{ messageId: 'entraNotEnforced', resource: 'azuread_conditional_access_policy.mfa' }] },
    { name: 'disabled', provider: 'entra', stack: configStack({ azuread_conditional_access_policy: { mfa: caPolicy({ state: 'disabled' }) } }), expect: [{ messageId: 'entraNotEnforced', resource: 'azuread_conditional_access_policy.mfa' }] },
    { name: 'inactive password policy', provider: 'okta', stack: configStack(passwordPolicy('INACTIVE')), expect: [{ messageId: 'oktaInactive', resource: 'okta_policy_password.staff' }] },
    { name: 'inactive sign-on rule', provider: 'okta', stack: configStack({ okta_app_signon_policy_rule: { r: { policy_id: 'p', name: 'r', status: 'INACTIVE' } } }), expect: [{ messageId: 'oktaInactive', resource: 'okta_app_signon_policy_rule.r' }] },
  ],
  unknown: [
    { name: 'state from a variable', provider: 'entra', stack: configStack({ azuread_conditional_access_policy: { mfa: caPolicy({ state: '${var.state}' }) } }), expect: [{ messageId: 'cannotVerify', resource: 'azuread_conditional_access_policy.mfa' }] },
    { name: 'status from a variable', provider: 'okta', stack: configStack(passwordPolicy('${var.status}')), expect: [{ messageId: 'cannotVerify', resource: 'okta_policy_password.staff' }] },
  ],
});
