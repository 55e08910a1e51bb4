import { mayNameAccount, namesAccount, readEventHooks, readLogAlerts } from '../tenant/alerts';
import type { RuleContext } from '../tenant/context';
import { ReportFn, defineRule } from '../engine/rule';
import { Unknown } from '../model/value';
import { ALERTING_TYPES, type ResourcePair, type WeakeningReport, alertingDropped } from '../engine/weakening';
import { REFERENCES } from '../facts/references';

const SIGN_IN_EVENT = 'user.session.start';

const messages = {
  entraUnmonitored:
    'No enabled alert fires when break-glass account {{account}} signs in: an attacker who gets hold of it works unseen with the top role. Add an azurerm_monitor_scheduled_query_rules_alert_v2 whose query reads SigninLogs and names this account (its UPN or object id), with severity 0 or 1.',
  lowSeverity:
    'Alert {{alert}} watches break-glass sign-ins at severity {{severity}}: it will wait in a queue while the top role is in use. Set severity to 0 or 1.',
  oktaUnmonitored:
    'Nothing raises an alert when break-glass account {{account}} signs in: no active okta_event_hook subscribes to user.session.start and no RG-15 attestation covers it. Add an event hook for user.session.start that your SIEM turns into an alert, or attest the alert that exists.',
};

export default defineRule({
  meta: {
    id: 'RG-15',
    slug: 'break-glass-monitored',
    title: 'Any sign-in by a break-glass account raises an alert',
    severity: 'critical',
    csf: ['DE.CM-03'],
    rationale:
      'Break-glass accounts are excluded from the everyday controls by design; the alert on their use is the control. A sign-in nobody planned is an incident until proven otherwise.',
    references: [REFERENCES.msEmergencyAccess, REFERENCES.atypicalUsage],
    providers: { okta: 'configuration or attestation', entra: 'configuration' },
    messages,
  },
  check(ctx, report) {
    checkEntra(ctx, report);
    checkOkta(ctx, report);
  },
  weakenings: [{ types: ALERTING_TYPES, detect: signInAlertDropped }],
});

type Reporter = ReportFn<keyof typeof messages>;

function checkEntra(ctx: RuleContext, report: Reporter): void {
  const accounts = ctx.principals.breakGlassAccounts('entra');
  if (accounts.length === 0) return;
  const alerts = readLogAlerts(ctx).filter((a) => a.enabled !== false && /signinlogs/i.test(a.query));
  const lowSeverity = new Set<string>();
  for (const account of accounts) {
    const watching = alerts.filter((a) => namesAccount(a, account));
    if (watching.some((a) => a.enabled && (a.severity === 0 || a.severity === 1))) continue;
    const doubtful = watching.find((a) => a.enabled === undefined || a.severity instanceof Unknown);
    const low = watching.find((a) => a.enabled);
    if (doubtful)
      report({
        resource: doubtful.resource,
        messageId: 'cannotVerify',
        data: {
          what: `whether ${doubtful.resource.address} alerts on ${account.address}`,
          why: 'its enabled flag or severity is not known',
        },
      });
    else if (low) {
      if (!lowSeverity.has(low.resource.address))
        report({
          resource: low.resource,
          messageId: 'lowSeverity',
          data: { alert: low.resource.address, severity: String(low.severity ?? 'unset') },
        });
      lowSeverity.add(low.resource.address);
    } else if (alerts.some((a) => mayNameAccount(a, account))) {
      const a = alerts.find((x) => mayNameAccount(x, account))!;
      report({
        resource: account,
        messageId: 'cannotVerify',
        data: {
          what: `whether ${a.resource.address} alerts on ${account.address}`,
          why: 'its user principal name is not known',
        },
      });
    } else if (alerts.some((a) => a.queryUnknown && a.referenced.length === 0)) {
      const a = alerts.find((x) => x.queryUnknown)!;
      report({
        resource: account,
        messageId: 'cannotVerify',
        data: {
          what: `whether an alert names ${account.address}`,
          why: `the query of ${a.resource.address} is not known`,
        },
      });
    } else report({ resource: account, messageId: 'entraUnmonitored', data: { account: account.address } });
  }
}

function checkOkta(ctx: RuleContext, report: Reporter): void {
  const accounts = ctx.principals.breakGlassAccounts('okta');
  if (accounts.length === 0) return;
  const hooks = readEventHooks(ctx);
  if (hooks.some((h) => h.active && h.events.includes(SIGN_IN_EVENT))) return;
  const doubtful = hooks.find((h) => h.active !== false && (h.active === undefined || h.eventsUnknown));
  for (const account of accounts) {
    const attested = ctx.attested('RG-15', [account]);
    if (attested === 'yes') continue;
    if (doubtful || attested === 'unknown')
      report({
        resource: account,
        messageId: 'cannotVerify',
        data: {
          what: `whether sign-ins by ${account.address} raise an alert`,
          why: doubtful
            ? `the status or events of ${doubtful.resource.address} are not known`
            : "an attestation's control is not known",
        },
      });
    else report({ resource: account, messageId: 'oktaUnmonitored', data: { account: account.address } });
  }
}

// ------------------------------------------------------------ weakenings (W-BREAKGLASS)

function signInAlertDropped(pair: ResourcePair, report: (w: WeakeningReport) => void): void {
  const dropped = alertingDropped(pair, 'sign-ins');
  if (dropped) report(dropped);
}
