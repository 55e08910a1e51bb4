import rule from '../../policies/rules/RG-16-identity-logs-exported';
import { testRule } from '../support/rule-tester';
import { configStack } from '../support/stacks';

const group = { okta_group: { a: { name: 'A' } } };
const entra = { azuread_group: { a: { display_name: 'A', security_enabled: true } } };
const setting = (categories: unknown[]) => ({
  name: 'identity-to-sentinel',
  log_analytics_workspace_id: 'ws',
  enabled_log: categories.map((category) => ({ category })),
});
const ALL = [
  'AuditLogs',
  'SignInLogs',
  'NonInteractiveUserSignInLogs',
  'ServicePrincipalSignInLogs',
  'RiskyUsers',
  'UserRiskEvents',
  'ManagedIdentitySignInLogs',
  'MicrosoftGraphActivityLogs',
];

testRule(rule, {
  valid: [
    {
      name: 'active log stream (status defaults to ACTIVE)',
      provider: 'okta',
      stack: configStack({
        ...group,
        okta_log_stream: {
          siem: {
            name: 'SIEM',
            type: 'aws_eventbridge',
            settings: { account_id: '1', region: 'eu-west-1', event_source_name: 'okta' },
          },
        },
      }),
    },
    {
      name: 'diagnostic setting with every category',
      provider: 'entra',
      stack: configStack({ ...entra, azurerm_monitor_aad_diagnostic_setting: { logs: setting(ALL) } }),
    },
  ],
  invalid: [
    {
      name: 'no log stream',
      provider: 'okta',
      stack: configStack(group),
      expect: [{ messageId: 'noOktaStream', resource: null, data: {} }],
    },
    {
      name: 'inactive log stream',
      provider: 'okta',
      stack: configStack({
        ...group,
        okta_log_stream: { s: { name: 'S', type: 'aws_eventbridge', status: 'INACTIVE' } },
      }),
      expect: [
        {
          messageId: 'inactiveOktaStream',
          resource: 'okta_log_stream.s',
          data: { stream: 'okta_log_stream.s', status: 'INACTIVE' },
        },
      ],
    },
    {
      name: 'no diagnostic setting',
      provider: 'entra',
      stack: configStack(entra),
      expect: [
        {
          messageId: 'noEntraSetting',
          resource: null,
          data: { categories: 'AuditLogs, SignInLogs, NonInteractiveUserSignInLogs, ServicePrincipalSignInLogs' },
        },
      ],
    },
    {
      name: 'sign-in categories missing',
      provider: 'entra',
      stack: configStack({
        ...entra,
        azurerm_monitor_aad_diagnostic_setting: { logs: setting(['AuditLogs', 'SignInLogs']) },
      }),
      expect: [
        {
          messageId: 'missingCategories',
          resource: 'azurerm_monitor_aad_diagnostic_setting.logs',
          data: {
            setting: 'azurerm_monitor_aad_diagnostic_setting.logs',
            categories: 'NonInteractiveUserSignInLogs, ServicePrincipalSignInLogs',
          },
        },
      ],
    },
    {
      name: 'recommended categories missing is low severity',
      provider: 'entra',
      stack: configStack({ ...entra, azurerm_monitor_aad_diagnostic_setting: { logs: setting(ALL.slice(0, 4)) } }),
      expect: [
        {
          messageId: 'missingRecommended',
          resource: 'azurerm_monitor_aad_diagnostic_setting.logs',
          data: {
            setting: 'azurerm_monitor_aad_diagnostic_setting.logs',
            categories: 'RiskyUsers, UserRiskEvents, ManagedIdentitySignInLogs, MicrosoftGraphActivityLogs',
          },
          severity: 'low',
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'stream status from a variable',
      provider: 'okta',
      stack: configStack({
        ...group,
        okta_log_stream: { s: { name: 'S', type: 'aws_eventbridge', status: '${var.status}' } },
      }),
      expect: [{ messageId: 'cannotVerify', resource: 'okta_log_stream.s' }],
    },
    {
      name: 'categories from a variable',
      provider: 'entra',
      stack: configStack({
        ...entra,
        azurerm_monitor_aad_diagnostic_setting: { logs: setting(['AuditLogs', '${var.category}']) },
      }),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'azurerm_monitor_aad_diagnostic_setting.logs',
          data: {
            what: 'the log categories azurerm_monitor_aad_diagnostic_setting.logs exports',
            why: 'some enabled_log categories are not known',
          },
        },
      ],
    },
  ],
});
