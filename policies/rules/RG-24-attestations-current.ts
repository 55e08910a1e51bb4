import { parseTime } from '../model/time';
import { defineRule } from '../engine/rule';
import { Unknown, Value, describeValue } from '../model/value';
import { REFERENCES } from '../facts/references';

export default defineRule({
  meta: {
    id: 'RG-24',
    slug: 'attestations-current',
    title: 'An attestation is evidence only while it is current and independent',
    severity: 'high',
    csf: ['PR.AA-05'],
    rationale:
      'An attestation stands in for a control the provider cannot express. Without a named owner, an independent approver, evidence and a near expiry it is a comment, not a control, and nobody is made to look again.',
    references: [REFERENCES.continuousMonitoring, REFERENCES.separationOfDuties],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages: {
      missingField:
        'Attestation {{attestation}} has no {{field}}: nobody can tell who vouches for the control or on what evidence. Set recovery_gate_attestation.{{field}} (owner and approver are people or teams, evidence a ticket or document).',
      selfApproved:
        'Attestation {{attestation}} is approved by its own owner ({{owner}}): nobody independent has looked at it. Name a different approver.',
      expired:
        'Attestation {{attestation}} expired on {{expires}}: the control it stands for is no longer vouched for. Re-check the control, then move expires forward (at most {{days}} days).',
      tooFar:
        'Attestation {{attestation}} expires on {{expires}}, more than {{days}} days ahead: nobody will look at the control again for too long. Set expires within {{days}} days.',
      notATime:
        'Attestation {{attestation}} has an expires that is not an RFC 3339 time ({{value}}). Write it like "2027-03-31T00:00:00Z".',
    },
  },
  check(ctx, report) {
    const days = ctx.config.thresholds.attestationValidityDays;
    for (const a of ctx.attestations) {
      const resource = a.resource;
      const base = { attestation: resource.address };
      const fields = { owner: a.owner, approver: a.approver, evidence: a.evidence } as const;
      const unknown = Object.entries(fields).find(([, v]) => v instanceof Unknown);
      const missing = Object.entries(fields).find(([, v]) => !isText(v) && !(v instanceof Unknown));
      if (missing) report({ resource, messageId: 'missingField', data: { ...base, field: missing[0] } });
      else if (unknown)
        report({
          resource,
          messageId: 'cannotVerify',
          data: { what: `who vouches for ${resource.address}`, why: `${unknown[0]} is not known` },
        });
      else if (String(a.owner).trim().toLowerCase() === String(a.approver).trim().toLowerCase())
        report({ resource, messageId: 'selfApproved', data: { ...base, owner: String(a.owner) } });
      // An RG-13 attestation's date is RG-13's finding, with its own window.
      if (a.control === 'RG-13') continue;
      if (a.expires instanceof Unknown) {
        report({
          resource,
          messageId: 'cannotVerify',
          data: { what: `when ${resource.address} expires`, why: `expires is ${String(a.expires)}` },
        });
        continue;
      }
      if (a.expires === undefined || a.expires === null || a.expires === '') {
        report({ resource, messageId: 'missingField', data: { ...base, field: 'expires' } });
        continue;
      }
      const date = parseTime(a.expires);
      if (!date) {
        report({ resource, messageId: 'notATime', data: { ...base, value: describeValue(a.expires) } });
        continue;
      }
      const left = ctx.daysUntil(date);
      const data = { ...base, expires: date.toISOString(), days };
      if (left <= 0) report({ resource, messageId: 'expired', data });
      else if (left > days) report({ resource, messageId: 'tooFar', data });
    }
  },
});

function isText(v: Value | undefined): boolean {
  return typeof v === 'string' && v.trim() !== '';
}
