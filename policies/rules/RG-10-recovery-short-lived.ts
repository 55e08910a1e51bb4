import type { RuleContext } from '../tenant/context';
import { TAP_URL, graphUpdates } from '../tenant/msgraph';
import { ReportFn, defineRule } from '../engine/rule';
import { Unknown, describeValue } from '../model/value';
import { type ResourcePair, type WeakeningReport, requestBodyOn, shown } from '../engine/weakening';
import { REFERENCES } from '../facts/references';

const UNKNOWN_ATTESTATION = {
  what: 'whether temporary recovery credentials are attested (RG-10)',
  why: "an attestation's control is not known",
};

const messages = {
  noEntraTap:
    "Nothing manages the Temporary Access Pass settings, so the tenant keeps Microsoft's default, which allows multi-use passes: a pass issued on a convincing call keeps working. Add a msgraph_update_resource on policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass with isUsableOnce = true and maximumLifetimeInMinutes ≤ {{max}}, or an RG-10 attestation.",
  multiUse:
    '{{resource}} lets a Temporary Access Pass be used more than once (isUsableOnce is {{value}}): a pass read out to the wrong caller stays valid. Set isUsableOnce = true in its body.',
  tooLong:
    '{{resource}} allows Temporary Access Passes of {{value}} minutes: a stolen pass outlives the recovery it was issued for. Set maximumLifetimeInMinutes to at most {{max}} in its body.',
  noOktaAttestation:
    'Okta temporary access codes cannot be managed with provider 4.20, and no RG-10 attestation says they are single-use and short-lived: a long-lived code is a standing bypass. Add a terraform_data attestation with control = "RG-10", owner, approver, evidence and expires.',
};

export default defineRule({
  meta: {
    id: 'RG-10',
    slug: 'recovery-short-lived',
    title: 'Temporary recovery credentials are single-use and short-lived',
    severity: 'high',
    csf: ['PR.AA-02'],
    rationale:
      'Short-lived recovery beats standing bypass: a temporary pass that can be used once, for a few hours, limits what a social-engineered help desk hands over.',
    references: [REFERENCES.nistRecovery, REFERENCES.msTemporaryAccessPass],
    providers: { okta: 'attestation', entra: 'configuration or attestation' },
    messages,
  },
  check(ctx, report) {
    if (ctx.providers.has('entra')) checkEntra(ctx, report);
    if (ctx.providers.has('okta')) {
      const attested = ctx.attested('RG-10');
      if (attested === 'no') report({ resource: null, messageId: 'noOktaAttestation' });
      else if (attested === 'unknown') report({ resource: null, messageId: 'cannotVerify', data: UNKNOWN_ATTESTATION });
    }
  },
  weakenings: [{ types: ['msgraph_update_resource'], detect: passesLonger }],
});

function checkEntra(ctx: RuleContext, report: ReportFn<keyof typeof messages>): void {
  const max = ctx.config.thresholds.tapMaxLifetimeMinutes;
  const updates = graphUpdates(ctx, TAP_URL);
  if (updates.length === 0) {
    const attested = ctx.attested('RG-10');
    if (attested === 'no') report({ resource: null, messageId: 'noEntraTap', data: { max } });
    else if (attested === 'unknown') report({ resource: null, messageId: 'cannotVerify', data: UNKNOWN_ATTESTATION });
    return;
  }
  for (const { resource, body } of updates) {
    const what = `the Temporary Access Pass settings in ${resource.address}`;
    if (body === undefined || body instanceof Unknown) {
      report({ resource, messageId: 'cannotVerify', data: { what, why: 'its body is not known' } });
      continue;
    }
    const once = body.isUsableOnce;
    const lifetime = body.maximumLifetimeInMinutes;
    if (once instanceof Unknown || lifetime instanceof Unknown) {
      report({
        resource,
        messageId: 'cannotVerify',
        data: { what, why: `${once instanceof Unknown ? 'isUsableOnce' : 'maximumLifetimeInMinutes'} is not known` },
      });
      continue;
    }
    if (once !== true)
      report({ resource, messageId: 'multiUse', data: { resource: resource.address, value: describeValue(once) } });
    // Unset keeps the tenant's current lifetime, which the configuration cannot show.
    if (lifetime === undefined)
      report({
        resource,
        messageId: 'cannotVerify',
        data: { what, why: 'maximumLifetimeInMinutes is not set, so the tenant keeps whatever it has' },
      });
    else if (typeof lifetime !== 'number' || lifetime > max)
      report({
        resource,
        messageId: 'tooLong',
        data: { resource: resource.address, value: describeValue(lifetime), max },
      });
  }
}

// ------------------------------------------------------------ weakenings (W-RECOVERY)

/** Temporary Access Passes made reusable or longer-lived. */
function passesLonger({ before, after }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (!before || !after || !TAP_URL.test(String(after.values.url ?? ''))) return;
  const b = requestBodyOn(before);
  const a = requestBodyOn(after);
  if (b.isUsableOnce === true && a.isUsableOnce !== true)
    report({
      kind: 'W-RECOVERY',
      attribute: 'body.isUsableOnce',
      before: shown(b.isUsableOnce),
      after: shown(a.isUsableOnce),
      message: 'Temporary Access Passes can be used more than once',
    });
  if (
    typeof b.maximumLifetimeInMinutes === 'number' &&
    !(typeof a.maximumLifetimeInMinutes === 'number' && a.maximumLifetimeInMinutes <= b.maximumLifetimeInMinutes)
  ) {
    report({
      kind: 'W-RECOVERY',
      attribute: 'body.maximumLifetimeInMinutes',
      before: shown(b.maximumLifetimeInMinutes),
      after: shown(a.maximumLifetimeInMinutes),
      message: 'Temporary Access Passes live longer',
    });
  }
}
