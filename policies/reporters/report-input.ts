/** What every reporter renders: a check, and for `review` and `drift` what they add. */
import type { DriftResult } from '../changes/drift';
import type { Change } from '../changes/review';
import type { CheckResult, Finding } from '../engine/run';
import type { PathsReport } from './paths';

export interface ReportInput {
  readonly command: 'check' | 'review' | 'drift';
  /** The findings to report (for review: the head's). */
  readonly result: CheckResult;
  /** review: weakening changes, and the finding deltas. */
  readonly changes?: readonly Change[];
  readonly introduced?: readonly Finding[];
  readonly resolved?: readonly Finding[];
  /** review: changed resources that could not be evaluated statically. */
  readonly unevaluated?: readonly string[];
  /** drift: per plan. */
  readonly drift?: readonly DriftResult[];
  /** Attack paths per stack, for the Markdown diagram. */
  readonly paths?: readonly PathsReport[];
  /** The configuration file that was read, if any. */
  readonly configuration?: string;
}

export const checkInput = (result: CheckResult): ReportInput => ({ command: 'check', result });

/** Reporters take a plain check result or a full input. */
export function asInput(x: CheckResult | ReportInput): ReportInput {
  return 'command' in x ? x : checkInput(x);
}
