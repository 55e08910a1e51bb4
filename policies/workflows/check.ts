/**
 * `check` as a library call: the stacks loaded, the selected rules run, every
 * suppression applied (recovery-gate.json, recorded by the constructs, inline
 * in HCL) — the report every formatter takes.
 */
import { type Config, DEFAULT_CONFIG } from '../config/config';
import { type CheckResult, contextsOf, runRulesIn } from '../engine/run';
import { type FailOn, reaches } from '../engine/rule';
import { type RuleFlags, selectRules } from '../engine/selection';
import { applySuppressions, recordedSuppressions } from '../engine/suppressions';
import type { Finding } from '../engine/run';
import type { CheckReport } from '../reporters/report-input';
import { RULES } from '../rules';
import { pathsOf } from './paths';
import { postureOf } from './posture';
import { type StackOptions, loadStacks } from './stacks';

/** What every command that runs rules shares. */
export interface RunSettings {
  /** recovery-gate.json, parsed (see `configFrom`). @default DEFAULT_CONFIG */
  readonly config?: Config;
  /** The time expiries are judged at. @default the current time */
  readonly now?: Date;
  /** Only some rules, or all but some, for this run (`--rule`, `--skip-rule`). */
  readonly rules?: RuleFlags;
}

export interface CheckOptions extends RunSettings, StackOptions {
  /** Also find each stack's attack paths (the Markdown and HTML reports draw them). */
  readonly paths?: boolean;
  /** Also read what the HTML report shows beyond findings: providers, attestations, expiries. */
  readonly posture?: boolean;
}

/** Checks Terraform (cdktf output, `.tf`, `.tf.json`, plans) against the catalogue. */
export async function check(inputs: readonly string[], options: CheckOptions = {}): Promise<CheckReport> {
  const config = options.config ?? DEFAULT_CONFIG;
  const now = options.now ?? new Date();
  const stacks = await loadStacks(inputs, config, options);
  const contexts = contextsOf(stacks, { config, now });
  const selection = selectRules(RULES, config, options.rules);
  // Suppressions recorded by the constructs at synth count as those in recovery-gate.json, with the same limits.
  const recorded = recordedSuppressions(stacks, config, RULES, now);
  const result: CheckResult = {
    ...applySuppressions(runRulesIn(contexts, selection.rules), config, RULES, now, recorded),
    rulesOff: selection.off,
  };
  return {
    command: 'check',
    result,
    ...(options.paths ? { paths: contexts.map((ctx) => pathsOf(ctx)) } : {}),
    ...(options.posture ? { posture: contexts.map(postureOf) } : {}),
    ...(config.file ? { configuration: config.file } : {}),
  };
}

/** Whether findings at or above `failOn` (unsuppressed) are among these. */
export function reachesThreshold(findings: readonly Finding[], failOn: FailOn): boolean {
  return findings.some((f) => !f.suppressed && reaches(f.severity, failOn));
}

/** A check fails when a rule could not run, or a finding reaches the threshold. */
export function checkFails(report: CheckReport, failOn: FailOn = 'high'): boolean {
  return report.result.errors.length > 0 || reachesThreshold(report.result.findings, failOn);
}
