/** An accepted finding: from recovery-gate.json, a construct's `RecoveryGuidance.suppress()`, or an inline `# recovery-gate:ignore`. */
export interface Suppression {
  readonly ruleId: string;
  /** Address or pattern with `*`. */
  readonly resource: string;
  /** Recorded by `RecoveryGuidance.suppress()` in a synthesized stack: the construct path it covers, and that stack. */
  readonly construct?: string;
  readonly stack?: string;
  /** An inline comment on a resource: it covers every instance (`type.name[…]`) too. */
  readonly instances?: boolean;
  /** Where it is written (`main.tf:12`), for messages. */
  readonly source?: string;
  readonly reason: string;
  readonly ticket: string;
  readonly approver?: string;
  readonly expires: string;
}
