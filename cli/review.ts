/**
 * `recovery-gate review --base PATH --head PATH` (or `--plan plan.json`): what a
 * change weakens, and the findings it introduces and resolves.
 */
import { FAIL_ON, InputError, type ReviewInputs, review, reviewFails } from '../index';
import {
  REPORT_FLAGS,
  RULE_FLAGS,
  emit,
  nowOf,
  oneOf,
  outputsOf,
  readConfig,
  readPlanFile,
  refuseOverwritingInputs,
  ruleFlagsOf,
} from './common';
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
  if (positionals.length > 0)
    throw new InputError('', `review takes --base and --head (or --plan), not ${positionals.join(' ')}`);
  outputsOf(values);
  await refuseOverwritingInputs(io, values, positionals);
  const failOn = oneOf(values['fail-on'], FAIL_ON, '--fail-on');
  const now = nowOf(values);
  const config = await readConfig(values, io, now);
  let inputs: ReviewInputs;
  if (values.plan !== undefined) {
    if (values.base !== undefined || values.head !== undefined)
      throw new InputError('', 'use either --plan or --base and --head, not both');
    inputs = { plan: await readPlanFile(io, values.plan), file: values.plan };
  } else {
    if (values.base === undefined || values.head === undefined)
      throw new InputError('', 'review needs --base PATH and --head PATH (or --plan plan.json)');
    inputs = { base: [values.base], head: [values.head] };
  }
  const report = await review(inputs, { config, now, rules: ruleFlagsOf(values) });
  await emit(io, values, report);
  return reviewFails(report, failOn, values['fail-on-weakening'] === true) ? 1 : 0;
}
