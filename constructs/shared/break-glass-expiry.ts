/**
 * The expiry of one break-glass account (RG-13): an RG-13 attestation and a
 * plan-time precondition on the account that compares `plantimestamp()` with
 * it. After the date every plan fails with this construct's message until
 * someone re-attests. The account itself keeps working: emergency access must
 * never depend on a pipeline.
 */
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { Attestation } from './attestation';

export interface BreakGlassExpiryProps {
  /** The break-glass account (or, in tests, any resource standing in for it). */
  readonly account: TerraformResource;
  /** When the account must be re-attested: after now and at most `maxDays` ahead. */
  readonly expires: Date | string;
  /** @default 'identity-platform' */
  readonly owner?: string;
  /** @default 'security-leadership' */
  readonly approver?: string;
  /** The review that keeps the account: ticket or document. */
  readonly evidence: string;
  /** @default 90 (RG-13) */
  readonly maxDays?: number;
  /** The clock, for tests. @default now */
  readonly now?: Date;
}

export class BreakGlassExpiry extends Construct {
  readonly attestation: Attestation;

  constructor(scope: Construct, id: string, props: BreakGlassExpiryProps) {
    super(scope, id);
    this.attestation = new Attestation(this, 'attestation', {
      control: 'RG-13',
      subject: props.account,
      owner: props.owner ?? 'identity-platform',
      approver: props.approver ?? 'security-leadership',
      evidence: props.evidence,
      expires: props.expires,
      maxDays: props.maxDays ?? 90,
      now: props.now,
      failPlanWhenExpired: false, // the account's precondition below says it better
    });
    // Terraform rejects a precondition that refers to no object: reference the attestation that holds the date.
    props.account.addOverride('lifecycle.precondition', [
      {
        condition: `\${timecmp(plantimestamp(), ${this.attestation.expiresExpression}) < 0}`,
        error_message: `Break-glass account ${props.account.node.path} was due for re-attestation on ${this.attestation.expires}. Review it (still needed, still narrow, still monitored), then move expires in ${this.node.path} forward by at most ${props.maxDays ?? 90} days.`,
      },
    ]);
  }
}
