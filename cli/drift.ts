/**
 * `recovery-gate drift PLAN`: identity resources changed outside code (from a
 * refresh-only or normal plan), failed checks, and expiries passed or near.
 * Decided from the plan's content, never from terraform's exit code.
 */
import * as path from 'node:path';
import { drift } from '../policies/changes/drift';
import { InputError } from '../policies/errors';
import { readPlan } from '../policies/inputs/plan';
import type { Stack } from '../policies/model/resource';
import { REPORT_FLAGS, emit, nowOf, outputsOf, readConfig, readPlanFile, refuseOverwritingInputs } from './common';
import { parseFlags } from './flags';
import type { CliIo } from './io';

export const DRIFT_FLAGS = { ...REPORT_FLAGS, 'warn-days': { type: 'string', default: '14' } } as const;

export async function driftCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, DRIFT_FLAGS);
  outputsOf(values);
  await refuseOverwritingInputs(io, values, positionals);
  if (positionals.length !== 1) throw new InputError('', 'drift takes one plan: terraform plan -refresh-only -out=drift.tfplan && terraform show -json drift.tfplan > drift.json');
  const warnDays = Number(values['warn-days']);
  if (!Number.isInteger(warnDays) || warnDays < 0) throw new InputError('', `--warn-days must be a whole number of days, not "${values['warn-days']}"`);
  const now = nowOf(values);
  const config = await readConfig(values, io, now);
  const file = positionals[0];
  const plan = await readPlanFile(io, file);
  const stack: Stack = { name: path.basename(file).replace(/\.json$/, ''), kind: 'plan', origin: file, resources: readPlan(plan, file), notEvaluated: [] };
  const result = drift(plan, stack, file, { config, now, warnDays });
  await emit(io, values, { command: 'drift', result: { findings: [], notices: [], errors: [] }, drift: [result] });
  const weakened = result.drift.some((e) => e.weakenings.length > 0);
  const expired = result.expiries.some((e) => e.expired);
  return weakened || expired || result.failedChecks.length > 0 ? 1 : 0;
}
