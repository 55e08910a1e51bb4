/**
 * `recovery-gate review --base PATH --head PATH` (or `--plan plan.json`): what a
 * change weakens, and the findings it introduces and resolves.
 */
import * as path from 'node:path';
import { review } from '../policies/changes/review';
import { SEVERITIES } from '../policies/engine/rule';
import { applySuppressions, recordedSuppressions } from '../policies/engine/suppressions';
import { InputError } from '../policies/errors';
import { loadInputs } from '../policies/inputs/load';
import { readPlan, readPlanSide } from '../policies/inputs/plan';
import type { Stack } from '../policies/model/resource';
import { RULES } from '../policies/rules';
import { REPORT_FLAGS, RULE_FLAGS, rulesOf, emit, nowOf, oneOf, outputsOf, readConfig, readPlanFile, refuseOverwritingInputs } from './common';
import { parseFlags } from './flags';
import type { CliIo } from './io';

export const REVIEW_FLAGS = {
  ...REPORT_FLAGS,
  ...RULE_FLAGS,
  base: { type: 'string' },
  head: { type: 'string' },
  plan: { type: 'string' },
  'fail-on': { type: 'string', default: 'high' },
  'fail-on-weakening': { type: 'boolean' },
} as const;

export async function reviewCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, REVIEW_FLAGS);
  if (positionals.length > 0) throw new InputError('', `review takes --base and --head (or --plan), not ${positionals.join(' ')}`);
  outputsOf(values);
  await refuseOverwritingInputs(io, values, positionals);
  const failOn = oneOf(values['fail-on'] as string, [...SEVERITIES, 'none'] as const, '--fail-on');
  const now = nowOf(values);
  const config = await readConfig(values, io, now);

  let base: Stack[];
  let head: Stack[];
  if (values.plan !== undefined) {
    if (values.base !== undefined || values.head !== undefined) throw new InputError('', 'use either --plan or --base and --head, not both');
    [base, head] = await planSides(values.plan as string, io);
  } else {
    if (values.base === undefined || values.head === undefined) throw new InputError('', 'review needs --base PATH and --head PATH (or --plan plan.json)');
    base = await loadInputs([values.base as string]);
    head = await loadInputs([values.head as string]);
  }
  const selection = rulesOf(values, config);
  const result = review(base, head, { config, now, rules: selection.rules });
  const recorded = recordedSuppressions(head, config, RULES, now);
  const headResult = { ...applySuppressions(result.head, config, RULES, now, recorded), rulesOff: selection.off };
  const introduced = applySuppressions({ ...result.head, findings: result.introduced }, config, RULES, now, recorded).findings;
  await emit(io, values, { command: 'review', result: headResult, changes: result.changes, introduced, resolved: result.resolved, unevaluated: result.unevaluated });
  const limit = failOn === 'none' ? -1 : SEVERITIES.indexOf(failOn);
  const failing = introduced.some((f) => !f.suppressed && SEVERITIES.indexOf(f.severity) <= limit) || result.head.errors.length > 0;
  return failing || (values['fail-on-weakening'] === true && result.changes.length > 0) ? 1 : 0;
}

/** One plan's two sides: the state it starts from (`before`) and what it would apply. */
async function planSides(file: string, io: CliIo): Promise<[Stack[], Stack[]]> {
  const plan = await readPlanFile(io, file);
  const name = path.basename(file).replace(/\.json$/, '');
  const stack = (resources: Stack['resources']): Stack => ({ name, kind: 'plan', origin: file, resources, notEvaluated: [] });
  return [[stack(readPlanSide(plan, file, 'before'))], [stack(readPlan(plan, file))]];
}
