import { WEAK_METHOD_URL, graphUpdates } from '../tenant/msgraph';
import { defineRule } from '../engine/rule';
import { Unknown } from '../model/value';
import { type ResourcePair, type WeakeningReport, requestBodyOn, shown, valueOn } from '../engine/weakening';
import { REFERENCES } from '../facts/references';

/** Okta password policy recovery channels and the provider's default for each. */
const OKTA_CHANNELS = [
  ['sms_recovery', 'INACTIVE'],
  ['call_recovery', 'INACTIVE'],
  ['question_recovery', 'ACTIVE'],
] as const;

export default defineRule({
  meta: {
    id: 'RG-11',
    slug: 'weak-recovery-channels-off',
    title: 'Recovery does not ride on SMS, voice calls or security questions',
    severity: 'medium',
    csf: ['PR.AA-03'],
    rationale:
      "SIM swaps, call forwarding and guessable answers are how attackers recover someone else's account without talking to anyone. Recovery should need a factor the attacker cannot port or research.",
    references: [REFERENCES.nistAuthenticators, REFERENCES.scubaWeakMethodsOff, REFERENCES.msAuthenticationMethods],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages: {
      oktaChannel:
        'Password policy {{policy}} lets users recover with {{channels}}: an attacker who swaps a SIM, forwards a call or researches an answer resets the password. Set {{fix}}.',
      entraMethod:
        '{{resource}} enables the {{method}} authentication method: codes sent by {{method}} can be intercepted or redirected, and a recovery that accepts them is only as strong as the phone network. Set state = "disabled" in its body.',
    },
  },
  check(ctx, report) {
    // okta_policy_password_default is the policy for everyone no other catches: always active, with the same defaults.
    for (const policy of ctx.resourcesOf('okta_policy_password', 'okta_policy_password_default')) {
      const status = policy.type === 'okta_policy_password_default' ? 'ACTIVE' : (policy.values.status ?? 'ACTIVE');
      if (status === 'INACTIVE') continue; // RG-23's concern, and an inactive policy offers nothing
      const on = OKTA_CHANNELS.filter(([attr, fallback]) => (policy.values[attr] ?? fallback) === 'ACTIVE').map(
        ([attr]) => attr,
      );
      const unknown = [status, ...OKTA_CHANNELS.map(([attr]) => policy.values[attr])].find((v) => v instanceof Unknown);
      if (on.length > 0) {
        report({
          resource: policy,
          messageId: 'oktaChannel',
          data: { policy: policy.address, channels: on.join(', '), fix: on.map((a) => `${a} = "INACTIVE"`).join(', ') },
        });
      } else if (unknown) {
        report({
          resource: policy,
          messageId: 'cannotVerify',
          data: { what: `the recovery channels of ${policy.address}`, why: `${String(unknown)} is not known` },
        });
      }
    }
    for (const { resource, body, url } of graphUpdates(ctx, WEAK_METHOD_URL)) {
      const method = /Sms\/?$/i.test(url) ? 'SMS' : 'voice';
      const state = body instanceof Unknown || body === undefined ? body : body.state;
      if (state instanceof Unknown)
        report({
          resource,
          messageId: 'cannotVerify',
          data: { what: `whether ${resource.address} enables ${method}`, why: 'its state is not known' },
        });
      else if (state === 'enabled')
        report({ resource, messageId: 'entraMethod', data: { resource: resource.address, method } });
    }
  },
  weakenings: [
    { types: ['okta_policy_password'], detect: oktaRecoveryTurnedOn },
    { types: ['msgraph_update_resource'], detect: weakMethodTurnedOn },
  ],
});

// ------------------------------------------------------------ weakenings (W-RECOVERY)

function oktaRecoveryTurnedOn({ before, after }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (!before || !after) return;
  for (const [attr, fallback] of [
    ['sms_recovery', 'INACTIVE'],
    ['call_recovery', 'INACTIVE'],
    ['question_recovery', 'ACTIVE'],
  ] as const) {
    const b = valueOn(before, attr) ?? fallback;
    const a = valueOn(after, attr) ?? fallback;
    if (b === 'INACTIVE' && a === 'ACTIVE')
      report({
        kind: 'W-RECOVERY',
        attribute: attr,
        before: shown(b),
        after: shown(a),
        message: `${attr.replace('_recovery', '')} recovery is turned on`,
      });
  }
}

function weakMethodTurnedOn({ before, after }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (!before || !after) return;
  const url = String(after.values.url ?? '');
  const b = requestBodyOn(before);
  const a = requestBodyOn(after);
  if (WEAK_METHOD_URL.test(url) && b.state !== 'enabled' && a.state === 'enabled')
    report({
      kind: 'W-RECOVERY',
      attribute: 'body.state',
      before: shown(b.state),
      after: shown(a.state),
      message: `${/Sms/i.test(url) ? 'SMS' : 'voice'} is turned on`,
    });
}
