/**
 * Short-lived recovery on Okta. Provider 4.20 cannot manage temporary access
 * codes, so their settings (single use, a lifetime of at most eight hours)
 * are attested (RG-10), with an expiry that stops the plan once lapsed.
 */
import { Construct } from 'constructs';
import { Attestation } from '../shared/attestation';
import type { ApprovalEvidence } from '../shared/tiers';

export interface OktaShortLivedRecoveryProps {
  /** Maximum lifetime of a temporary access code, in minutes, as configured in the Admin Console. */
  readonly maxLifetimeMinutes: number;
  /** Evidence that codes are single-use and expire after `maxLifetimeMinutes`. */
  readonly attestation: ApprovalEvidence;
}

export class OktaShortLivedRecovery extends Construct {
  readonly attestation: Attestation;

  constructor(scope: Construct, id: string, props: OktaShortLivedRecoveryProps) {
    super(scope, id);
    if (props.maxLifetimeMinutes > 480)
      throw new Error(
        `OktaShortLivedRecovery ${this.node.path}: ${props.maxLifetimeMinutes} minutes is longer than eight hours. Set temporary access codes to at most 480 minutes (RG-10).`,
      );
    this.attestation = new Attestation(this, 'attestation', {
      control: 'RG-10',
      ...props.attestation,
      owner: props.attestation.owner ?? 'identity-platform',
      evidence: `${props.attestation.evidence} (single use, ${props.maxLifetimeMinutes} minutes)`,
    });
  }
}
