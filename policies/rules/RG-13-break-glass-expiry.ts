import { parseTime } from '../model/time';
import type { RuleContext } from '../tenant/context';
import { defineRule } from '../engine/rule';
import type { Resource } from '../model/resource';
import { Unknown, Value, describeValue } from '../model/value';
import { type ResourcePair, type WeakeningReport, shown } from '../engine/weakening';
import { isObject } from '../model/value';
import { REFERENCES } from '../facts/references';

export default defineRule({
  meta: {
    id: 'RG-13',
    slug: 'break-glass-expiry',
    title: 'Every break-glass account carries an expiry that forces re-attestation',
    severity: 'high',
    csf: ['PR.AA-01', 'PR.AA-05'],
    rationale:
      'Break-glass accounts hold the top role with the fewest controls. An expiry that stops the pipeline forces someone to confirm, at least every quarter, that each account is still needed, still narrow and still monitored.',
    references: [REFERENCES.msEmergencyAccess, REFERENCES.emergencyAccounts],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages: {
      noExpiry:
        'Break-glass account {{account}} has no expiry: nobody is ever made to re-attest it. Add a terraform_data attestation for RG-13 with subject = this account and reference its expires in a lifecycle precondition: timecmp(plantimestamp(), terraform_data.<name>.input.recovery_gate_attestation.expires) < 0.',
      expired:
        'Break-glass account {{account}} expired on {{expires}}: its re-attestation is overdue. Review the account, then move expires at most {{days}} days ahead in {{evidence}}.',
      tooFar:
        'Break-glass account {{account}} expires on {{expires}}, more than {{days}} days ahead: the re-attestation comes too late. Set expires in {{evidence}} within {{days}} days.',
      notATime:
        'Break-glass account {{account}} has an expiry that is not an RFC 3339 time ({{value}}) in {{evidence}}. Write it like "2026-03-31T00:00:00Z".',
    },
  },
  check(ctx, report) {
    const window = ctx.config.thresholds.breakGlassExpiryDays;
    for (const account of ctx.principals.breakGlassAccounts()) {
      const evidence = expiriesOf(ctx, account);
      if (evidence.length === 0) {
        report({ resource: account, messageId: 'noExpiry', data: { account: account.address } });
        continue;
      }
      const known = evidence.filter((e) => !(e.value instanceof Unknown));
      if (known.length === 0) {
        report({
          resource: account,
          messageId: 'cannotVerify',
          data: { what: `the expiry of ${account.address}`, why: `${String(evidence[0].value)} is not known` },
        });
        continue;
      }
      const dated = known.map((e) => ({ ...e, date: parseTime(e.value) }));
      const invalid = dated.find((e) => !e.date);
      if (invalid) {
        report({
          resource: account,
          messageId: 'notATime',
          data: { account: account.address, value: describeValue(invalid.value), evidence: invalid.where },
        });
        continue;
      }
      // The earliest deadline is the one the pipeline meets first.
      const first = dated.sort((a, b) => a.date!.getTime() - b.date!.getTime())[0];
      const days = ctx.daysUntil(first.date!);
      const data = {
        account: account.address,
        expires: first.date!.toISOString(),
        days: window,
        evidence: first.where,
      };
      if (days <= 0) report({ resource: account, messageId: 'expired', data });
      else if (days > window) report({ resource: account, messageId: 'tooFar', data });
    }
  },
  weakenings: [{ types: ['terraform_data'], detect: expiryPushedOut }],
});

interface Evidence {
  readonly value: Value | undefined;
  readonly where: string;
}

/** RG-13 attestations about the account, and plan-time deadlines in its lifecycle conditions. */
function expiriesOf(ctx: RuleContext, account: Resource): Evidence[] {
  const out: Evidence[] = [];
  for (const a of ctx.attestations) {
    if (a.control === 'RG-13' && a.subject === account) out.push({ value: a.expires, where: a.resource.address });
  }
  for (const c of account.conditions) {
    if (c.deadline === undefined) continue;
    const value = ctx.literal(c.deadline);
    const source =
      c.deadline instanceof Unknown && c.deadline.references[0]
        ? c.deadline.references[0].address
        : `the ${c.kind} of ${account.address}`;
    if (!out.some((e) => e.where === source)) out.push({ value, where: source });
  }
  return out;
}

// ------------------------------------------------------------ weakenings (W-BREAKGLASS)

/** A break-glass attestation whose expiry moves beyond the limit. */
function expiryPushedOut({ before, after, head }: ResourcePair, report: (w: WeakeningReport) => void): void {
  const attestation = (r: Resource | undefined) =>
    r && isObject(r.values.input) && isObject(r.values.input.recovery_gate_attestation)
      ? r.values.input.recovery_gate_attestation
      : undefined;
  const a = attestation(after);
  const b = attestation(before);
  if (!a || !b || a.control !== 'RG-13') return;
  const expires = parseTime(a.expires);
  const was = parseTime(b.expires);
  if (!expires || !was || expires <= was) return;
  const limit = head.config.thresholds.breakGlassExpiryDays;
  if (head.daysUntil(expires) > limit)
    report({
      kind: 'W-BREAKGLASS',
      attribute: 'input.recovery_gate_attestation.expires',
      before: shown(b.expires),
      after: shown(a.expires),
      message: `the break-glass expiry is pushed beyond ${limit} days`,
    });
}
