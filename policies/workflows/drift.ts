/**
 * `drift` as a library call: identity resources changed outside code (from a
 * refresh-only or normal plan), failed checks, and expiries passed or near.
 * Decided from the plan's content, never from terraform's exit code.
 */
import * as path from 'node:path';
import { drift as driftOfPlan } from '../changes/drift';
import { type PlanDocument, readPlan } from '../inputs/plan';
import type { Stack } from '../model/resource';
import type { DriftReport } from '../reporters/report-input';
import type { RunSettings } from './check';

export interface DriftOptions extends Omit<RunSettings, 'rules'> {
  /** Report what expires within this many days. @default 14 */
  readonly warnDays?: number;
}

/** Drift in one plan (`terraform show -json` of it), read from `file`. */
export function drift(plan: PlanDocument, file: string, options: DriftOptions = {}): DriftReport {
  const stack: Stack = {
    name: path.basename(file).replace(/\.json$/, ''),
    kind: 'plan',
    origin: file,
    resources: readPlan(plan, file),
    notEvaluated: [],
  };
  const result = driftOfPlan(plan, stack, file, options);
  return { command: 'drift', result: { findings: [], notices: [], errors: [] }, drift: [result] };
}

/** Drift fails when something weakened outside code, expired, or a check failed. */
export function driftFails(report: DriftReport): boolean {
  return report.drift.some(
    (d) =>
      d.drift.some((e) => e.weakenings.length > 0) || d.expiries.some((e) => e.expired) || d.failedChecks.length > 0,
  );
}
