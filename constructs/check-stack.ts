/**
 * Runs the catalogue on a stack as it would synthesize, in memory: the same
 * engine `recovery-gate check` runs on cdktf.out, so synth-time enforcement,
 * the jest matchers and the CLI always agree.
 */
import { TerraformStack } from 'cdktf';
import type { Config } from '../policies/config/config';
import { DEFAULT_CONFIG } from '../policies/config/config';
import { CheckResult, runRules } from '../policies/engine/run';
import { selectRules } from '../policies/engine/selection';
import { jsonConfigurationStack } from '../policies/inputs/load';
import type { Stack } from '../policies/model/resource';
import { RULES } from '../policies/rules';

export interface CheckStackOptions {
  /** Declarations and thresholds, as in recovery-gate.json. @default the catalogue's defaults */
  readonly config?: Config;
  /** The clock for expiries. @default now */
  readonly now?: Date;
}

/** The stack in the checker's model, read from its synthesized JSON as `recovery-gate check cdktf.out` would. */
export function modelOf(stack: TerraformStack): Stack {
  // A copy: the reader evaluates in place, and toTerraform() may hand back shared objects.
  const json = JSON.parse(JSON.stringify(stack.toTerraform())) as Record<string, unknown>;
  return jsonConfigurationStack(`cdktf.out/stacks/${stack.node.id}/cdk.tf.json`, json);
}

export function checkStack(stack: TerraformStack, options: CheckStackOptions = {}): CheckResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const selection = selectRules(RULES, config);
  return { ...runRules([modelOf(stack)], selection.rules, { config, now: options.now }), rulesOff: selection.off };
}
