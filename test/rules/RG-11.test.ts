import rule from '../../policies/rules/RG-11-weak-recovery-channels-off';
import { testRule } from '../support/rule-tester';
import { configStack } from '../support/stacks';

const policy = (extra: Record<string, unknown>) => ({
  okta_policy_password: { staff: { name: 'Staff', groups_included: ['00g1'], ...extra } },
});
const defaultPolicy = (extra: Record<string, unknown>) => ({ okta_policy_password_default: { default: { ...extra } } });
const method = (name: string, state: unknown) => ({
  msgraph_update_resource: {
    [name.toLowerCase()]: {
      url: `policies/authenticationMethodsPolicy/authenticationMethodConfigurations/${name}`,
      body: { state },
    },
  },
});
const entra = { azuread_group: { staff: { display_name: 'Staff', security_enabled: true } } };

testRule(rule, {
  valid: [
    {
      name: 'questions off; SMS and voice off by default',
      provider: 'okta',
      stack: configStack(policy({ question_recovery: 'INACTIVE' })),
    },
    { name: 'inactive policy', provider: 'okta', stack: configStack(policy({ status: 'INACTIVE' })) },
    {
      name: 'the default policy with questions off',
      provider: 'okta',
      stack: configStack(defaultPolicy({ question_recovery: 'INACTIVE' })),
    },
    {
      name: 'SMS disabled through msgraph',
      provider: 'entra',
      stack: configStack({ ...entra, ...method('Sms', 'disabled') }),
    },
    { name: 'nothing manages SMS or voice', provider: 'entra', stack: configStack(entra) },
  ],
  invalid: [
    {
      name: 'question recovery left at its ACTIVE default',
      provider: 'okta',
      stack: configStack(policy({})),
      expect: [
        {
          messageId: 'oktaChannel',
          resource: 'okta_policy_password.staff',
          data: {
            policy: 'okta_policy_password.staff',
            channels: 'question_recovery',
            fix: 'question_recovery = "INACTIVE"',
          },
        },
      ],
    },
    {
      name: 'SMS recovery on',
      provider: 'okta',
      stack: configStack(policy({ sms_recovery: 'ACTIVE', question_recovery: 'INACTIVE' })),
      expect: [{ messageId: 'oktaChannel', resource: 'okta_policy_password.staff' }],
    },
    {
      name: 'the default policy, which no status can switch off, leaves questions at ACTIVE',
      provider: 'okta',
      stack: configStack(defaultPolicy({})),
      expect: [{ messageId: 'oktaChannel', resource: 'okta_policy_password_default.default' }],
    },
    {
      name: 'voice enabled',
      provider: 'entra',
      stack: configStack({ ...entra, ...method('Voice', 'enabled') }),
      expect: [
        {
          messageId: 'entraMethod',
          resource: 'msgraph_update_resource.voice',
          data: { resource: 'msgraph_update_resource.voice', method: 'voice' },
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'call recovery from a variable',
      provider: 'okta',
      stack: configStack(policy({ question_recovery: 'INACTIVE', call_recovery: '${var.call}' })),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'okta_policy_password.staff',
          data: { what: 'the recovery channels of okta_policy_password.staff', why: '${var.call} is not known' },
        },
      ],
    },
    {
      name: "the default policy's SMS recovery from a variable",
      provider: 'okta',
      stack: configStack(defaultPolicy({ question_recovery: 'INACTIVE', sms_recovery: '${var.sms}' })),
      expect: [{ messageId: 'cannotVerify', resource: 'okta_policy_password_default.default' }],
    },
    {
      name: 'SMS state from a variable',
      provider: 'entra',
      stack: configStack({ ...entra, ...method('Sms', '${var.sms_state}') }),
      expect: [{ messageId: 'cannotVerify', resource: 'msgraph_update_resource.sms' }],
    },
  ],
});
