/** What every reporter renders: the report of one command (`check`, `review` or `drift`). */
import type { DriftResult } from '../changes/drift';
import type { Change } from '../changes/review';
import type { CheckResult, Finding } from '../engine/run';
import type { PathsReport } from './paths';

interface CommonReport {
  /** The findings to report (for review: the head's). */
  readonly result: CheckResult;
  /** Attack paths per stack, for the Markdown diagram. */
  readonly paths?: readonly PathsReport[];
  /** The configuration file that was read, if any. */
  readonly configuration?: string;
}

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

/** Reporters take a plain check result or a full report. */
export function asInput(x: CheckResult | ReportInput): ReportInput {
  return 'command' in x ? x : checkInput(x);
}

/** What a review weakens; nothing for the other commands. */
export const changesOf = (input: ReportInput): readonly Change[] => (input.command === 'review' ? input.changes : []);

/** What drift found, per plan; nothing for the other commands. */
export const driftOf = (input: ReportInput): readonly DriftResult[] => (input.command === 'drift' ? input.drift : []);
