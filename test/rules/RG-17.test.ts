import { ENTRA_RECOVERY_OPERATIONS, OKTA_RECOVERY_EVENTS } from '../../policies/facts/monitoring';
import rule from '../../policies/rules/RG-17-recovery-events-alerted';
import { testRule } from '../support/rule-tester';
import { ROLE } from '../support/fixtures';
import { configStack } from '../support/stacks';

const okta = (hooks: Record<string, unknown> = {}) =>
  configStack({
    okta_group: { staff: { name: 'Staff' } },
    ...(Object.keys(hooks).length ? { okta_event_hook: hooks } : {}),
  });
const hook = (events: unknown) => ({
  name: 'Recovery',
  events,
  channel: { type: 'HTTP', version: '1.0.0', uri: 'https://siem.acme.example/okta' },
});
const query = (ops: readonly string[]) =>
  `AuditLogs | where OperationName in (${ops.map((o) => JSON.stringify(o)).join(', ')})`;
const alert = (q: unknown) => ({
  name: 'recovery',
  resource_group_name: 'rg',
  location: 'westeurope',
  scopes: ['ws'],
  evaluation_frequency: 'PT5M',
  window_duration: 'PT5M',
  severity: 1,
  criteria: { query: q },
});
const notify = {
  eligible_activations: {
    admin_notifications: {
      default_recipients: false,
      notification_level: 'All',
      additional_recipients: ['secops@acme.example'],
    },
  },
};
const entra = (q: unknown, notificationRules?: unknown) =>
  configStack({
    azuread_group: { helpdesk: { display_name: 'Help desk', security_enabled: true, assignable_to_role: true } },
    azuread_directory_role_assignment: {
      helpdesk: {
        role_id: ROLE.helpdeskAdministrator,
        principal_object_id: '${azuread_group.helpdesk.object_id}',
        directory_scope_id: '/administrativeUnits/x',
      },
    },
    azuread_group_role_management_policy: {
      helpdesk: {
        group_id: '${azuread_group.helpdesk.object_id}',
        role_id: 'member',
        ...(notificationRules ? { notification_rules: notificationRules } : {}),
      },
    },
    ...(q === undefined ? {} : { azurerm_monitor_scheduled_query_rules_alert_v2: { recovery: alert(q) } }),
  });

testRule(rule, {
  valid: [
    {
      name: 'hook with all four events',
      provider: 'okta',
      stack: okta({ recovery: hook([...OKTA_RECOVERY_EVENTS, 'user.session.start']) }),
    },
    {
      name: 'alert on every recovery operation; activations notify secops',
      provider: 'entra',
      stack: entra(query(ENTRA_RECOVERY_OPERATIONS), notify),
    },
  ],
  invalid: [
    {
      name: 'no hook',
      provider: 'okta',
      stack: okta(),
      expect: [
        {
          messageId: 'noOktaHook',
          resource: null,
          data: {
            events:
              'user.mfa.factor.reset_all, user.mfa.factor.deactivate, user.account.reset_password, user.account.privilege.grant',
            recommended: 'group.privilege.grant, app.oauth2.client.privilege.grant, group.user_membership.add',
          },
        },
      ],
    },
    {
      name: 'hook without privilege grants',
      provider: 'okta',
      stack: okta({ recovery: hook(OKTA_RECOVERY_EVENTS.slice(0, 3)) }),
      expect: [
        {
          messageId: 'oktaHookIncomplete',
          resource: 'okta_event_hook.recovery',
          data: { hook: 'okta_event_hook.recovery', missing: 'user.account.privilege.grant' },
        },
      ],
    },
    {
      name: 'no alert',
      provider: 'entra',
      stack: entra(undefined, notify),
      expect: [
        {
          messageId: 'noEntraAlert',
          resource: null,
          data: {
            operations: '"Admin registered security info", "Admin deleted security info", "Reset password (by admin)"',
            recommended: '"Admin updated security info", "Add member to role", "Add eligible member to role"',
          },
        },
      ],
    },
    {
      name: 'alert misses admin password resets',
      provider: 'entra',
      stack: entra(query(ENTRA_RECOVERY_OPERATIONS.slice(0, 2)), notify),
      expect: [
        {
          messageId: 'entraAlertIncomplete',
          resource: 'azurerm_monitor_scheduled_query_rules_alert_v2.recovery',
          data: {
            alert: 'azurerm_monitor_scheduled_query_rules_alert_v2.recovery',
            missing: '"Reset password (by admin)"',
          },
        },
      ],
    },
    {
      name: 'the TAP status reason is no operation: an alert naming it instead of "Admin registered security info" misses pass issuance',
      provider: 'entra',
      stack: entra(
        query([
          'Admin registered temporary access pass method for user',
          'Admin deleted security info',
          'Reset password (by admin)',
        ]),
        notify,
      ),
      expect: [
        { messageId: 'entraAlertIncomplete', resource: 'azurerm_monitor_scheduled_query_rules_alert_v2.recovery' },
      ],
    },
    {
      name: 'activation tells nobody',
      provider: 'entra',
      stack: entra(query(ENTRA_RECOVERY_OPERATIONS)),
      expect: [
        {
          messageId: 'silentActivation',
          resource: 'azuread_group_role_management_policy.helpdesk',
          data: { policy: 'azuread_group_role_management_policy.helpdesk' },
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'events from a variable',
      provider: 'okta',
      stack: okta({ recovery: hook('${var.events}') }),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'okta_event_hook.recovery',
          data: {
            what: 'which recovery events okta_event_hook.recovery reports',
            why: 'its status or events are not known',
          },
        },
      ],
    },
    {
      name: 'query from a variable',
      provider: 'entra',
      stack: entra('AuditLogs | ${var.filter}', notify),
      expect: [{ messageId: 'cannotVerify', resource: 'azurerm_monitor_scheduled_query_rules_alert_v2.recovery' }],
    },
  ],
});
