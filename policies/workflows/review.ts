/** `review` as a library call: what a change weakens, and the findings it introduces and resolves. */
import * as path from 'node:path';
import { review as compareVersions } from '../changes/review';
import { DEFAULT_CONFIG } from '../config/config';
import { selectRules } from '../engine/selection';
import { applySuppressions, recordedSuppressions } from '../engine/suppressions';
import { loadInputs } from '../inputs/load';
import { type PlanDocument, readPlan, readPlanSide } from '../inputs/plan';
import type { Stack } from '../model/resource';
import type { ReviewReport } from '../reporters/report-input';
import { RULES } from '../rules';
import { type RunSettings, reachesThreshold } from './check';
import type { FailOn } from '../engine/rule';

/** Two versions to compare: paths to the base and the head, or one plan (its `before` against what it would apply). */
export type ReviewInputs =
  | { readonly base: readonly string[]; readonly head: readonly string[] }
  | { readonly plan: PlanDocument; readonly file: string };

export async function review(inputs: ReviewInputs, options: RunSettings = {}): Promise<ReviewReport> {
  const config = options.config ?? DEFAULT_CONFIG;
  const now = options.now ?? new Date();
  const [base, head] =
    'plan' in inputs
      ? planSides(inputs.plan, inputs.file)
      : [await loadInputs(inputs.base), await loadInputs(inputs.head)];
  const selection = selectRules(RULES, config, options.rules);
  const result = compareVersions(base, head, { config, now, rules: selection.rules });
  const recorded = recordedSuppressions(head, config, RULES, now);
  const introduced = applySuppressions(
    { ...result.head, findings: result.introduced },
    config,
    RULES,
    now,
    recorded,
  ).findings;
  return {
    command: 'review',
    result: { ...applySuppressions(result.head, config, RULES, now, recorded), rulesOff: selection.off },
    changes: result.changes,
    introduced,
    resolved: result.resolved,
    unevaluated: result.unevaluated,
  };
}

/** A review fails when it introduces a finding at or above the threshold, a rule could not run, or (if asked) anything weakens. */
export function reviewFails(report: ReviewReport, failOn: FailOn = 'high', failOnWeakening = false): boolean {
  return (
    reachesThreshold(report.introduced, failOn) ||
    report.result.errors.length > 0 ||
    (failOnWeakening && report.changes.length > 0)
  );
}

/** One plan's two sides: the state it starts from (`before`) and what it would apply. */
function planSides(plan: PlanDocument, file: string): [Stack[], Stack[]] {
  const name = path.basename(file).replace(/\.json$/, '');
  const stack = (resources: Stack['resources']): Stack => ({
    name,
    kind: 'plan',
    origin: file,
    resources,
    notEvaluated: [],
  });
  return [[stack(readPlanSide(plan, file, 'before'))], [stack(readPlan(plan, file))]];
}
