import type { RuleContext } from '../tenant/context';
import { graphUpdates } from '../tenant/msgraph';
import { ReportFn, defineRule } from '../engine/rule';
import { Unknown, isObject } from '../model/value';
import { REFERENCES } from '../facts/references';

/** Okta notification settings the rule needs; the provider's default for each is true. */
const OKTA_NOTIFICATIONS = [
  'send_email_for_factor_reset_enabled',
  'send_email_for_factor_enrollment_enabled',
  'send_email_for_password_changed_enabled',
  'report_suspicious_activity_enabled',
] as const;

const messages = {
  noOktaNotifications:
    'No okta_security_notification_emails resource manages end-user security notifications, so nothing in code keeps them on: a victim whose factor was reset by someone else is never told. Add okta_security_notification_emails with send_email_for_factor_reset_enabled, send_email_for_factor_enrollment_enabled, send_email_for_password_changed_enabled and report_suspicious_activity_enabled = true.',
  oktaNotificationsOff:
    '{{resource}} turns off {{settings}}: the person whose authentication changed does not hear about it, so a hijack goes unreported. Set each to true.',
  noEntraNotification:
    'Nothing manages "report suspicious activity" for Entra ID, and no RG-18 attestation says it is on: users cannot report an MFA prompt or change they did not start. Add a msgraph_update_resource on policies/authenticationMethodsPolicy with reportSuspiciousActivitySettings.state = "enabled", or an RG-18 attestation.',
  entraNotificationOff:
    '{{resource}} sets reportSuspiciousActivitySettings.state to {{value}}: users cannot report a change they did not make. Set it to "enabled".',
};

export default defineRule({
  meta: {
    id: 'RG-18',
    slug: 'user-notified',
    title: 'The person whose authentication changed hears about it',
    severity: 'medium',
    csf: ['PR.AA-02'],
    rationale:
      'The victim of a social-engineered reset is the first who could notice it. Telling them about every factor reset, enrollment and password change turns them into an alarm the attacker cannot switch off.',
    references: [REFERENCES.nistNotification, REFERENCES.msReportSuspiciousActivity],
    providers: { okta: 'configuration', entra: 'configuration or attestation' },
    messages,
  },
  check(ctx, report) {
    if (ctx.providers.has('okta')) checkOkta(ctx, report);
    if (ctx.providers.has('entra')) checkEntra(ctx, report);
  },
});

type Reporter = ReportFn<keyof typeof messages>;

function checkOkta(ctx: RuleContext, report: Reporter): void {
  const resources = ctx.resourcesOf('okta_security_notification_emails');
  if (resources.length === 0) return report({ resource: null, messageId: 'noOktaNotifications' });
  for (const resource of resources) {
    const off = OKTA_NOTIFICATIONS.filter((k) => resource.values[k] === false);
    const unknown = OKTA_NOTIFICATIONS.find((k) => resource.values[k] instanceof Unknown);
    if (off.length > 0)
      report({
        resource,
        messageId: 'oktaNotificationsOff',
        data: { resource: resource.address, settings: off.join(', ') },
      });
    else if (unknown)
      report({
        resource,
        messageId: 'cannotVerify',
        data: { what: `whether ${resource.address} notifies users`, why: `${unknown} is not known` },
      });
  }
}

function checkEntra(ctx: RuleContext, report: Reporter): void {
  const attested = ctx.attested('RG-18');
  if (attested === 'yes') return;
  const updates = graphUpdates(ctx, /policies\/authenticationMethodsPolicy\/?$/i).filter(
    (u) => u.body instanceof Unknown || (isObject(u.body) && 'reportSuspiciousActivitySettings' in u.body),
  );
  if (updates.length === 0) {
    if (attested === 'unknown')
      report({
        resource: null,
        messageId: 'cannotVerify',
        data: { what: 'whether user notification is attested (RG-18)', why: "an attestation's control is not known" },
      });
    else report({ resource: null, messageId: 'noEntraNotification' });
    return;
  }
  for (const { resource, body } of updates) {
    const settings = body instanceof Unknown ? body : body?.reportSuspiciousActivitySettings;
    const state = isObject(settings) ? settings.state : settings;
    if (state instanceof Unknown)
      report({
        resource,
        messageId: 'cannotVerify',
        data: {
          what: `whether ${resource.address} enables report suspicious activity`,
          why: 'the setting is not known',
        },
      });
    else if (state !== 'enabled')
      report({
        resource,
        messageId: 'entraNotificationOff',
        data: { resource: resource.address, value: JSON.stringify(state ?? null) },
      });
  }
}
