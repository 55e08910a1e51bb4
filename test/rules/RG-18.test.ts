import rule from '../../policies/rules/RG-18-user-notified';
import { testRule } from '../support/rule-tester';
import { configStack } from '../support/stacks';

const okta = { okta_group: { staff: { name: 'Staff' } } };
const entra = { azuread_group: { staff: { display_name: 'Staff', security_enabled: true } } };
const emails = (extra: Record<string, unknown> = {}) => ({
  okta_security_notification_emails: {
    this: {
      send_email_for_factor_reset_enabled: true,
      send_email_for_factor_enrollment_enabled: true,
      send_email_for_password_changed_enabled: true,
      report_suspicious_activity_enabled: true,
      ...extra,
    },
  },
});
const graph = (state: unknown) => ({
  msgraph_update_resource: {
    methods: {
      url: 'policies/authenticationMethodsPolicy',
      body: { reportSuspiciousActivitySettings: { state, includeTarget: { targetType: 'group', id: 'all_users' } } },
    },
  },
});

testRule(rule, {
  valid: [
    { name: 'all four notifications on', provider: 'okta', stack: configStack({ ...okta, ...emails() }) },
    {
      name: 'unset settings keep the provider default (true)',
      provider: 'okta',
      stack: configStack({ ...okta, okta_security_notification_emails: { this: {} } }),
    },
    {
      name: 'report suspicious activity enabled',
      provider: 'entra',
      stack: configStack({ ...entra, ...graph('enabled') }),
    },
    {
      name: 'attested',
      provider: 'entra',
      stack: configStack({
        ...entra,
        terraform_data: {
          n: {
            input: {
              recovery_gate_attestation: {
                control: 'RG-18',
                owner: 'iam',
                approver: 'ciso',
                evidence: 'SEC-3',
                expires: '2027-03-01T00:00:00Z',
              },
            },
          },
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'no notification resource',
      provider: 'okta',
      stack: configStack(okta),
      expect: [{ messageId: 'noOktaNotifications', resource: null, data: {} }],
    },
    {
      name: 'factor reset emails off',
      provider: 'okta',
      stack: configStack({ ...okta, ...emails({ send_email_for_factor_reset_enabled: false }) }),
      expect: [
        {
          messageId: 'oktaNotificationsOff',
          resource: 'okta_security_notification_emails.this',
          data: { resource: 'okta_security_notification_emails.this', settings: 'send_email_for_factor_reset_enabled' },
        },
      ],
    },
    {
      name: 'nothing manages it',
      provider: 'entra',
      stack: configStack(entra),
      expect: [{ messageId: 'noEntraNotification', resource: null, data: {} }],
    },
    {
      name: 'disabled',
      provider: 'entra',
      stack: configStack({ ...entra, ...graph('disabled') }),
      expect: [
        {
          messageId: 'entraNotificationOff',
          resource: 'msgraph_update_resource.methods',
          data: { resource: 'msgraph_update_resource.methods', value: '"disabled"' },
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'a setting from a variable',
      provider: 'okta',
      stack: configStack({ ...okta, ...emails({ report_suspicious_activity_enabled: '${var.report}' }) }),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'okta_security_notification_emails.this',
          data: {
            what: 'whether okta_security_notification_emails.this notifies users',
            why: 'report_suspicious_activity_enabled is not known',
          },
        },
      ],
    },
    {
      name: 'state from a variable',
      provider: 'entra',
      stack: configStack({ ...entra, ...graph('${var.state}') }),
      expect: [{ messageId: 'cannotVerify', resource: 'msgraph_update_resource.methods' }],
    },
  ],
});
