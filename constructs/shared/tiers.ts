/**
 * The three tiers of the guidance, one vocabulary for both identity providers:
 * who the groups are and what each tier's authentication must be.
 */
export interface Tiers<G> {
  /** Everyday users: MFA, and recovery through the help desk. */
  readonly standard: readonly G[];
  /** Administrators: phishing-resistant sign-in, never within an operator's reach. */
  readonly privileged: readonly G[];
  /** Vendor and third-party operators: phishing-resistant, time-bound, never privileged. @default none */
  readonly vendor?: readonly G[];
}

/** Approval evidence for controls a provider cannot enforce (an attestation's fields). */
export interface ApprovalEvidence {
  /** Who answers for the process. @default 'identity-platform' */
  readonly owner?: string;
  /** Who signed it off; not the owner. */
  readonly approver: string;
  /** The ticket or document that describes it. */
  readonly evidence: string;
  /** When it must be looked at again (at most 365 days ahead). */
  readonly expires: Date | string;
}
