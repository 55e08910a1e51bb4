/** `recovery-gate check [PATH ...]`: load, run the catalogue, report, exit by severity. */
import { FAIL_ON, InputError, applyBaseline, check, checkFails, formatBaseline, parseJson, readsFor } from '../index';
import {
  REPORT_FLAGS,
  RULE_FLAGS,
  emit,
  nowOf,
  oneOf,
  outputsOf,
  readConfig,
  readUserFile,
  refuseOverwritingInputs,
  ruleFlagsOf,
  writeOutput,
} from './common';
import { parseFlags } from './flags';
import type { CliIo } from './io';

export const CHECK_FLAGS = {
  ...REPORT_FLAGS,
  ...RULE_FLAGS,
  'fail-on': { type: 'string', default: 'high' },
  stack: { type: 'string', multiple: true },
  'var-file': { type: 'string', multiple: true },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  scope: { type: 'string' },
} as const;

const SCOPES = ['tenant', 'module'] as const;

export async function checkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, CHECK_FLAGS);
  const outputs = outputsOf(values); // usage errors before any work
  if (values.baseline !== undefined && values.baseline === values['write-baseline'])
    throw new InputError(
      '',
      '--baseline and --write-baseline name the same file: every finding would be read back as accepted. Write the new baseline elsewhere',
    );
  await refuseOverwritingInputs(io, values, positionals, 'cdktf.out');
  const failOn = oneOf(values['fail-on'], FAIL_ON, '--fail-on');
  const now = nowOf(values);
  const config = await readConfig(values, io, now);
  let report = await check(positionals.length > 0 ? positionals : ['cdktf.out'], {
    config,
    now,
    rules: ruleFlagsOf(values),
    stacks: values.stack,
    scope: values.scope === undefined ? undefined : oneOf(values.scope, SCOPES, '--scope'),
    varFiles: values['var-file'],
    ...readsFor(outputs.map((o) => o.format)),
  });
  const writingBaseline = values['write-baseline'] !== undefined;
  if (writingBaseline) await writeOutput(io, values['write-baseline'], formatBaseline(report.result));
  if (values.baseline !== undefined) {
    const file = values.baseline;
    report = applyBaseline(
      report,
      parseJson(await readUserFile(io, file, 'cannot read the baseline (write one with --write-baseline)'), file),
      file,
    );
  }
  await emit(io, values, report);
  // Recording a baseline accepts what it records: the run that writes it succeeds.
  return !writingBaseline && checkFails(report, failOn) ? 1 : 0;
}
