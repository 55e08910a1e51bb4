/**
 * `recovery-gate drift PLAN`: identity resources changed outside code (from a
 * refresh-only or normal plan), failed checks, and expiries passed or near.
 */
import { InputError, drift, driftFails } from '../index';
import { REPORT_FLAGS, emit, nowOf, outputsOf, readConfig, readPlanFile, refuseOverwritingInputs } from './common';
import { parseFlags } from './flags';
import type { CliIo } from './io';

export const DRIFT_FLAGS = { ...REPORT_FLAGS, 'warn-days': { type: 'string', default: '14' } } as const;

export async function driftCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, DRIFT_FLAGS);
  outputsOf(values);
  await refuseOverwritingInputs(io, values, positionals);
  if (positionals.length !== 1)
    throw new InputError(
      '',
      'drift takes one plan: terraform plan -refresh-only -out=drift.tfplan && terraform show -json drift.tfplan > drift.json',
    );
  const warnDays = Number(values['warn-days']);
  if (!Number.isInteger(warnDays) || warnDays < 0)
    throw new InputError('', `--warn-days must be a whole number of days, not "${values['warn-days']}"`);
  const now = nowOf(values);
  const config = await readConfig(values, io, now);
  const [file] = positionals;
  const report = drift(await readPlanFile(io, file), file, { config, now, warnDays });
  await emit(io, values, report);
  return driftFails(report) ? 1 : 0;
}
