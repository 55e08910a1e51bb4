/**
 * Attestations: `terraform_data` resources whose `input` holds
 * `recovery_gate_attestation = { control, subject, owner, approver, evidence, expires }`.
 * They stand in for controls the providers cannot express.
 */
import type { Resource } from '../model/resource';
import { Unknown, Value, isObject } from '../model/value';
import type { RuleContext } from './context';
import { modulePrefixOf } from '../inputs/plan-modules';

export interface Attestation {
  readonly resource: Resource;
  /** The rule id it satisfies (`RG-13`); undefined when unknown or missing. */
  readonly control: string | undefined;
  /** `control` is an expression not known before apply: it may be any rule's. */
  readonly controlUnknown: boolean;
  /** The resource it speaks for, when `subject` names one. */
  readonly subject: Resource | undefined;
  /** Whether `subject` is given at all: an attestation without one speaks for the whole tenant. */
  readonly hasSubject: boolean;
  readonly owner: Value | undefined;
  readonly approver: Value | undefined;
  readonly evidence: Value | undefined;
  /** The raw `expires` value; see {@link parseTime}. */
  readonly expires: Value | undefined;
}

export function readAttestations(ctx: RuleContext): Attestation[] {
  const out: Attestation[] = [];
  for (const r of ctx.resourcesOf('terraform_data')) {
    const input = r.values.input;
    const a = isObject(input) ? input.recovery_gate_attestation : undefined;
    if (!isObject(a)) continue;
    out.push({
      resource: r,
      control: typeof a.control === 'string' ? a.control.toUpperCase() : undefined,
      controlUnknown: a.control instanceof Unknown,
      subject: subjectOf(ctx, a.subject, r),
      hasSubject: a.subject !== undefined && a.subject !== null && a.subject !== '',
      owner: a.owner,
      approver: a.approver,
      evidence: a.evidence,
      expires: a.expires,
    });
  }
  return out;
}

/** What `subject` names: an address is written where the attestation is, so inside a module it is the module's (`azuread_user.this`). */
function subjectOf(ctx: RuleContext, v: Value | undefined, attestation: Resource): Resource | undefined {
  if (typeof v === 'string') {
    const prefix = modulePrefixOf(attestation.address);
    return (prefix ? ctx.resolve(prefix + v)[0] : undefined) ?? ctx.resolve(v)[0] ?? ctx.byLiteralId(v);
  }
  if (v instanceof Unknown) return v.references.flatMap((r) => ctx.resolve(r))[0];
  return undefined;
}
