/** What every reporter renders: the report of one command (`check`, `review` or `drift`). */
import type { DriftResult } from '../changes/drift';
import type { Change } from '../changes/review';
import type { CheckResult, Finding } from '../engine/run';
import type { PathsReport } from './paths';
import type { Provider } from '../facts/providers';
import type { Expiry } from '../tenant/expiries';

interface CommonReport {
  /** The findings to report (for review: the head's). */
  readonly result: CheckResult;
  /** Attack paths per stack, for the Markdown diagram. */
  readonly paths?: readonly PathsReport[];
  /** The configuration file that was read, if any. */
  readonly configuration?: string;
  /** What the HTML report shows beyond findings, per stack: the matrix's applicability and the expiry timeline. */
  readonly posture?: readonly StackPosture[];
}

/** One stack as the posture report needs it. */
export interface StackPosture {
  readonly stack: string;
  /** The providers the stack manages: a rule that covers none of them does not apply. */
  readonly providers: readonly Provider[];
  /** Attestations by the rule they satisfy, with their expiry as written (RFC 3339), if it is known. */
  readonly attestations: readonly { readonly ruleId: string; readonly resource: string; readonly expires?: string }[];
  /** What has expired or expires within {@link POSTURE_WINDOW_DAYS}. */
  readonly expiries: readonly Expiry[];
}

/** How far ahead the posture report looks for expiries. */
export const POSTURE_WINDOW_DAYS = 90;

export interface CheckReport extends CommonReport {
  readonly command: 'check';
}

export interface ReviewReport extends CommonReport {
  readonly command: 'review';
  /** Weakening changes, in stack and resource order. */
  readonly changes: readonly Change[];
  /** Findings of the head that the base does not have, and the reverse. */
  readonly introduced: readonly Finding[];
  readonly resolved: readonly Finding[];
  /** Changed resources that could not be evaluated statically. */
  readonly unevaluated: readonly string[];
}

export interface DriftReport extends CommonReport {
  readonly command: 'drift';
  /** Per plan. */
  readonly drift: readonly DriftResult[];
}

export type ReportInput = CheckReport | ReviewReport | DriftReport;

export const checkInput = (result: CheckResult): CheckReport => ({ command: 'check', result });

/** A suppression as the text and HTML reports state it: `until <date> (<ticket>, approved by <who>): <reason>`. */
export function describeSuppression(s: NonNullable<Finding['suppressed']>): string {
  return `until ${s.expires} (${s.ticket}${s.approver ? `, approved by ${s.approver}` : ''}): ${s.reason}`;
}

/** Reporters take a plain check result or a full report. */
export function asInput(x: CheckResult | ReportInput): ReportInput {
  return 'command' in x ? x : checkInput(x);
}

/** What a review weakens; nothing for the other commands. */
export const changesOf = (input: ReportInput): readonly Change[] => (input.command === 'review' ? input.changes : []);

/** What drift found, per plan; nothing for the other commands. */
export const driftOf = (input: ReportInput): readonly DriftResult[] => (input.command === 'drift' ? input.drift : []);
