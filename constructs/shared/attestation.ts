/**
 * An attestation (RULES.md): evidence for a control the providers cannot
 * express. It is a `terraform_data` resource whose `input` holds
 * `recovery_gate_attestation`, and it stops the plan once it has expired, so
 * a pipeline run after the date fails until someone re-attests.
 */
import { DataResource, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { addressOf, toRfc3339 } from './time';

export interface AttestationProps {
  /** The rule the attestation satisfies, for example `RG-10`. */
  readonly control: `RG-${string}`;
  /** The resource it speaks for. @default the whole tenant */
  readonly subject?: TerraformResource;
  /** Who answers for the control (a person or team). */
  readonly owner: string;
  /** Who checked it; must not be the owner. */
  readonly approver: string;
  /** A ticket or document that shows the control works. */
  readonly evidence: string;
  /** When the attestation lapses: a Date or an RFC 3339 time, at most `maxDays` ahead. */
  readonly expires: Date | string;
  /**
   * The furthest ahead `expires` may be, in days.
   * @default 365 (RG-24)
   */
  readonly maxDays?: number;
  /** The clock, for tests. @default now */
  readonly now?: Date;
  /**
   * Whether the attestation itself stops the plan after `expires`.
   * @default true — false only where another condition enforces the same date with a more specific message
   */
  readonly failPlanWhenExpired?: boolean;
}

export class Attestation extends Construct {
  /** The `terraform_data` resource that carries the attestation. */
  readonly resource: DataResource;
  /** The expiry as written into the attestation. */
  readonly expires: string;

  constructor(scope: Construct, id: string, props: AttestationProps) {
    super(scope, id);
    const where = `Attestation ${this.node.path}`;
    for (const field of ['owner', 'approver', 'evidence'] as const) {
      if (!props[field]?.trim())
        throw new Error(
          `${where}: ${field} is empty. Name the ${field === 'evidence' ? 'ticket or document that shows the control' : 'person or team'}.`,
        );
    }
    if (props.owner.trim().toLowerCase() === props.approver.trim().toLowerCase()) {
      throw new Error(`${where}: the approver is the owner (${props.owner}). Name an independent approver.`);
    }
    this.expires = toRfc3339(props.expires, {
      what: `${where} expires`,
      maxDays: props.maxDays ?? 365,
      now: props.now,
    });
    this.resource = new DataResource(this, 'attestation', {
      input: {
        recovery_gate_attestation: {
          control: props.control,
          ...(props.subject ? { subject: addressOf(props.subject) } : {}),
          owner: props.owner,
          approver: props.approver,
          evidence: props.evidence,
          expires: this.expires,
        },
      },
    });
    if (props.failPlanWhenExpired === false) return;
    this.resource.addOverride('lifecycle.postcondition', [
      {
        condition: '${timecmp(plantimestamp(), self.input.recovery_gate_attestation.expires) < 0}',
        error_message: `The ${props.control} attestation ${this.node.path} expired on ${this.expires}: re-check the control (${props.evidence}) and move expires forward.`,
      },
    ]);
  }

  /** `terraform_data.<name>.input.recovery_gate_attestation.expires`, for conditions on other resources. */
  get expiresExpression(): string {
    return `terraform_data.${this.resource.friendlyUniqueId}.input.recovery_gate_attestation.expires`;
  }
}
