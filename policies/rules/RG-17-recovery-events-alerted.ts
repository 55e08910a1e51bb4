import { readEventHooks, readLogAlerts } from '../tenant/alerts';
import type { RuleContext } from '../tenant/context';
import { ReportFn, defineRule } from '../engine/rule';
import {
  ENTRA_RECOMMENDED_OPERATIONS,
  ENTRA_RECOVERY_OPERATIONS,
  OKTA_RECOMMENDED_EVENTS,
  OKTA_RECOVERY_EVENTS,
} from '../facts/monitoring';
import type { Resource } from '../model/resource';
import { Unknown, Value, blocks, elements, valueAt } from '../model/value';
import { ALERTING_TYPES, type ResourcePair, type WeakeningReport, alertingDropped } from '../engine/weakening';
import { REFERENCES } from '../facts/references';

const messages = {
  noOktaHook:
    'No active okta_event_hook reports factor resets, password resets and privilege grants: a social-engineered reset leaves no alert anyone reviews. Add an event hook with events {{events}} (and, better, {{recommended}}).',
  oktaHookIncomplete:
    'Event hook {{hook}} does not subscribe to {{missing}}: those recovery events happen without an alert. Add them to events.',
  noEntraAlert:
    "No enabled alert reads AuditLogs for admin recovery operations: a help-desk reset of someone's methods goes unnoticed. Add an azurerm_monitor_scheduled_query_rules_alert_v2 whose query reads AuditLogs and matches {{operations}} (and, better, {{recommended}}).",
  entraAlertIncomplete:
    'Alert {{alert}} reads AuditLogs but does not match {{missing}}: those recovery operations raise nothing. Add them to its query.',
  silentActivation:
    'Group role management policy {{policy}} governs reset authority but tells nobody besides the activating user when it is activated: misuse leaves no one informed. Set notification_rules.eligible_activations.admin_notifications (or approver_notifications) with default_recipients = true or additional_recipients naming the security team.',
};

export default defineRule({
  meta: {
    id: 'RG-17',
    slug: 'recovery-events-alerted',
    title: 'Factor resets, recovery and privilege grants raise alerts that someone reviews',
    severity: 'high',
    csf: ['DE.CM-03', 'DE.AE-02'],
    rationale:
      'Exceptions are recorded in logs that security teams actually review. A factor reset or a privilege grant is the moment a help-desk attack turns into a takeover; an alert on it is the last chance to stop the next step.',
    references: [
      REFERENCES.nistNotification,
      REFERENCES.scubaAssignmentAlert,
      REFERENCES.scubaActivationAlert,
      REFERENCES.scubaOtherActivationAlert,
      REFERENCES.msPimAlerts,
      REFERENCES.oktaImpersonation,
    ],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages,
  },
  check(ctx, report) {
    if (ctx.providers.has('okta')) checkOkta(ctx, report);
    if (ctx.providers.has('entra')) checkEntra(ctx, report);
  },
  weakenings: [{ types: ALERTING_TYPES, detect: recoveryAlertDropped }],
});

type Reporter = ReportFn<keyof typeof messages>;

function checkOkta(ctx: RuleContext, report: Reporter): void {
  const hooks = readEventHooks(ctx).filter((h) => h.active !== false);
  const missingFrom = (events: readonly string[]) => OKTA_RECOVERY_EVENTS.filter((e) => !events.includes(e));
  if (hooks.some((h) => h.active && missingFrom(h.events).length === 0)) return;
  const doubtful = hooks.find((h) => h.active === undefined || h.eventsUnknown);
  if (doubtful)
    return report({
      resource: doubtful.resource,
      messageId: 'cannotVerify',
      data: {
        what: `which recovery events ${doubtful.resource.address} reports`,
        why: 'its status or events are not known',
      },
    });
  const best = hooks.sort((a, b) => missingFrom(a.events).length - missingFrom(b.events).length)[0];
  if (best && missingFrom(best.events).length < OKTA_RECOVERY_EVENTS.length)
    report({
      resource: best.resource,
      messageId: 'oktaHookIncomplete',
      data: { hook: best.resource.address, missing: missingFrom(best.events).join(', ') },
    });
  else
    report({
      resource: null,
      messageId: 'noOktaHook',
      data: { events: OKTA_RECOVERY_EVENTS.join(', '), recommended: OKTA_RECOMMENDED_EVENTS.join(', ') },
    });
}

function checkEntra(ctx: RuleContext, report: Reporter): void {
  const alerts = readLogAlerts(ctx).filter((a) => a.enabled !== false && /auditlogs/i.test(a.query));
  const missingFrom = (query: string) =>
    ENTRA_RECOVERY_OPERATIONS.filter((op) => !query.toLowerCase().includes(op.toLowerCase()));
  if (!alerts.some((a) => a.enabled && missingFrom(a.query).length === 0)) {
    const doubtful = alerts.find((a) => a.enabled === undefined || a.queryUnknown);
    const best = alerts.sort((a, b) => missingFrom(a.query).length - missingFrom(b.query).length)[0];
    if (doubtful)
      report({
        resource: doubtful.resource,
        messageId: 'cannotVerify',
        data: {
          what: `which recovery operations ${doubtful.resource.address} matches`,
          why: 'its query or enabled flag is not known',
        },
      });
    else if (best)
      report({
        resource: best.resource,
        messageId: 'entraAlertIncomplete',
        data: {
          alert: best.resource.address,
          missing: missingFrom(best.query)
            .map((o) => JSON.stringify(o))
            .join(', '),
        },
      });
    else
      report({
        resource: null,
        messageId: 'noEntraAlert',
        data: {
          operations: ENTRA_RECOVERY_OPERATIONS.map((o) => JSON.stringify(o)).join(', '),
          recommended: ENTRA_RECOMMENDED_OPERATIONS.map((o) => JSON.stringify(o)).join(', '),
        },
      });
  }
  for (const policy of ctx.resourcesOf('azuread_group_role_management_policy')) {
    const group = ctx.target(policy, 'group_id');
    if (!group || !ctx.principals.grantsHeldBy(group).some((g) => g.role.resetAuthority)) continue;
    const told = notifiesOthers(policy);
    if (told === undefined)
      report({
        resource: policy,
        messageId: 'cannotVerify',
        data: { what: `whom ${policy.address} notifies on activation`, why: 'its notification rules are not known' },
      });
    else if (!told) report({ resource: policy, messageId: 'silentActivation', data: { policy: policy.address } });
  }
}

/** Someone besides the activating user hears of an activation: admin or approver notifications with recipients. */
function notifiesOthers(policy: Resource): boolean | undefined {
  let unknown = false;
  for (const kind of ['admin_notifications', 'approver_notifications']) {
    for (const n of [valueAt(policy.values, `notification_rules.eligible_activations.${kind}`)]) {
      if (n instanceof Unknown) unknown = true;
      for (const b of blocks(n as Value)) {
        const recipients = elements(b.additional_recipients);
        if (b.default_recipients === true || recipients.some((r) => typeof r === 'string' && r !== '')) return true;
        if (b.default_recipients instanceof Unknown || recipients.some((r) => r instanceof Unknown)) unknown = true;
      }
    }
  }
  return unknown ? undefined : false;
}

// ------------------------------------------------------------ weakenings (W-LOGGING)

function recoveryAlertDropped(pair: ResourcePair, report: (w: WeakeningReport) => void): void {
  const dropped = alertingDropped(pair, 'recovery operations');
  if (dropped) report(dropped);
}
