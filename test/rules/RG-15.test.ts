import rule from '../../policies/rules/RG-15-break-glass-monitored';
import { testRule } from '../support/rule-tester';
import { attestationBody, ENTRA_BREAK_GLASS, OKTA_BREAK_GLASS } from '../support/fixtures';
import { configStack } from '../support/stacks';

const alert = (query: unknown, severity: unknown = 0) => ({
  name: 'break-glass sign-in',
  resource_group_name: 'rg',
  location: 'westeurope',
  scopes: ['ws'],
  evaluation_frequency: 'PT5M',
  window_duration: 'PT5M',
  severity,
  criteria: { query, time_aggregation_method: 'Count', operator: 'GreaterThan', threshold: 0 },
  action: { action_groups: ['ag'] },
});
const entra = (alerts: Record<string, unknown>) =>
  configStack({
    azuread_user: ENTRA_BREAK_GLASS,
    ...(Object.keys(alerts).length ? { azurerm_monitor_scheduled_query_rules_alert_v2: alerts } : {}),
  });
const BOTH =
  'SigninLogs | where UserPrincipalName in ("breakglass1@acme.onmicrosoft.com", "breakglass2@acme.onmicrosoft.com")';
const okta = (extra: Record<string, Record<string, unknown>> = {}) =>
  configStack({ okta_user: OKTA_BREAK_GLASS, ...extra });
const hook = (events: unknown, status?: string) => ({
  okta_event_hook: {
    signins: {
      name: 'Sign-ins',
      events,
      ...(status ? { status } : {}),
      channel: { type: 'HTTP', version: '1.0.0', uri: 'https://siem.acme.example/okta' },
    },
  },
});

testRule(rule, {
  valid: [
    { name: 'one alert names both accounts by UPN', provider: 'entra', stack: entra({ bg: alert(BOTH) }) },
    {
      name: 'alert built from references to the accounts',
      provider: 'entra',
      stack: entra({
        bg: alert('SigninLogs | where UserId in ("${azuread_user.bg1.object_id}", "${azuread_user.bg2.object_id}")', 1),
      }),
    },
    {
      name: 'a contains test on a part of the UPN both accounts share',
      provider: 'entra',
      stack: entra({
        bg: alert('SigninLogs\n| project UserPrincipalName\n| where UserPrincipalName contains "breakglass"'),
      }),
    },
    {
      name: 'a startswith test both accounts pass',
      provider: 'entra',
      stack: entra({ bg: alert("SigninLogs | where UserPrincipalName startswith_cs 'breakglass'") }),
    },
    {
      name: 'a has test on a term both UPNs hold',
      provider: 'entra',
      stack: entra({ bg: alert('SigninLogs | where UserPrincipalName has "onmicrosoft"') }),
    },
    { name: 'event hook on user.session.start', provider: 'okta', stack: okta(hook(['user.session.start'])) },
    { name: 'attested', provider: 'okta', stack: okta({ terraform_data: { a: attestationBody('RG-15') } }) },
  ],
  invalid: [
    {
      name: 'no alert',
      provider: 'entra',
      stack: entra({}),
      expect: [
        { messageId: 'entraUnmonitored', resource: 'azuread_user.bg1', data: { account: 'azuread_user.bg1' } },
        { messageId: 'entraUnmonitored', resource: 'azuread_user.bg2' },
      ],
    },
    {
      name: 'alert names only one account',
      provider: 'entra',
      stack: entra({ bg: alert('SigninLogs | where UserPrincipalName == "breakglass1@acme.onmicrosoft.com"') }),
      expect: [{ messageId: 'entraUnmonitored', resource: 'azuread_user.bg2' }],
    },
    {
      name: 'a contains test only one account passes',
      provider: 'entra',
      stack: entra({ bg: alert('SigninLogs | where UserPrincipalName contains "breakglass1"') }),
      expect: [{ messageId: 'entraUnmonitored', resource: 'azuread_user.bg2' }],
    },
    {
      name: 'a has test on part of a term is no match (KQL matches whole terms)',
      provider: 'entra',
      stack: entra({ bg: alert('SigninLogs | where UserPrincipalName has "glass"') }),
      expect: [
        { messageId: 'entraUnmonitored', resource: 'azuread_user.bg1' },
        { messageId: 'entraUnmonitored', resource: 'azuread_user.bg2' },
      ],
    },
    {
      name: 'alert at severity 3',
      provider: 'entra',
      stack: entra({ bg: alert(BOTH, 3) }),
      expect: [
        {
          messageId: 'lowSeverity',
          resource: 'azurerm_monitor_scheduled_query_rules_alert_v2.bg',
          data: { alert: 'azurerm_monitor_scheduled_query_rules_alert_v2.bg', severity: '3' },
        },
      ],
    },
    {
      name: 'inactive hook',
      provider: 'okta',
      stack: okta(hook(['user.session.start'], 'INACTIVE')),
      expect: [
        { messageId: 'oktaUnmonitored', resource: 'okta_user.bg1', data: { account: 'okta_user.bg1' } },
        { messageId: 'oktaUnmonitored', resource: 'okta_user.bg2' },
      ],
    },
  ],
  unknown: [
    {
      name: 'severity from a variable',
      provider: 'entra',
      stack: entra({ bg: alert(BOTH, '${var.severity}') }),
      expect: [
        { messageId: 'cannotVerify', resource: 'azurerm_monitor_scheduled_query_rules_alert_v2.bg' },
        { messageId: 'cannotVerify', resource: 'azurerm_monitor_scheduled_query_rules_alert_v2.bg' },
      ],
    },
    {
      name: 'a contains test, and an account whose UPN is not known',
      provider: 'entra',
      stack: configStack({
        azuread_user: {
          ...ENTRA_BREAK_GLASS,
          bg3: { user_principal_name: 'breakglass3@${var.domain}', display_name: 'Break glass 3' },
        },
        azurerm_monitor_scheduled_query_rules_alert_v2: {
          bg: alert('SigninLogs | where UserPrincipalName contains "breakglass"'),
        },
      }),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'azuread_user.bg3',
          data: {
            what: 'whether azurerm_monitor_scheduled_query_rules_alert_v2.bg alerts on azuread_user.bg3',
            why: 'its user principal name is not known',
          },
        },
      ],
    },
    {
      name: 'events from a variable',
      provider: 'okta',
      stack: okta(hook('${var.events}')),
      expect: [
        { messageId: 'cannotVerify', resource: 'okta_user.bg1' },
        { messageId: 'cannotVerify', resource: 'okta_user.bg2' },
      ],
    },
  ],
});
