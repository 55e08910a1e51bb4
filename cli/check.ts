/** `recovery-gate check [PATH ...]`: load, run the catalogue, report, exit by severity. */
import type { RuleContext } from '../policies/tenant/context';
import { type PathOptions, searchPaths, sortPaths } from '../policies/graph/paths';
import { SEVERITIES, Severity } from '../policies/engine/rule';
import type { PathsReport } from '../policies/reporters/paths';
import { CheckResult, contextsOf, runRulesIn } from '../policies/engine/run';
import { applySuppressions, recordedSuppressions } from '../policies/engine/suppressions';
import { InputError } from '../policies/errors';
import { loadInputs } from '../policies/inputs/load';
import type { Stack, StackScope } from '../policies/model/resource';
import { joinTenants } from '../policies/inputs/tenants';
import { checkInput } from '../policies/reporters/report-input';
import { RULES } from '../policies/rules';
import { applyBaseline, formatBaseline } from './baseline';
import { REPORT_FLAGS, RULE_FLAGS, rulesOf, configFileOf, emit, nowOf, oneOf, outputsOf, readConfig, refuseOverwritingInputs, writeOutput } from './common';
import type { CliIo } from './io';
import { parseFlags } from './flags';

const FAIL_ON = [...SEVERITIES, 'none'] as const;

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

export async function checkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, CHECK_FLAGS);
  outputsOf(values); // usage errors before any work
  if (values.baseline !== undefined && values.baseline === values['write-baseline']) throw new InputError('', '--baseline and --write-baseline name the same file: every finding would be read back as accepted. Write the new baseline elsewhere');
  await refuseOverwritingInputs(io, values, positionals, 'cdktf.out');
  const failOn = oneOf(values['fail-on'] as string, FAIL_ON, '--fail-on');
  const now = nowOf(values);
  const config = await readConfig(values, io, now);
  const scope = values.scope === undefined ? undefined : oneOf(values.scope as string, SCOPES, '--scope');
  const loaded = await loadInputs(positionals.length > 0 ? positionals : ['cdktf.out'], { varFiles: (values['var-file'] as string[] | undefined) ?? [] });
  const stacks = asScope(selectStacks(joinTenants(loaded, config.tenants ?? [], configFileOf(config)), values.stack as string[] | undefined), scope);

  const contexts = contextsOf(stacks, { config, now });
  const selection = rulesOf(values, config);
  // Suppressions recorded by the constructs at synth count as those in recovery-gate.json, with the same limits.
  const recorded = recordedSuppressions(stacks, config, RULES, now);
  let result: CheckResult = { ...applySuppressions(runRulesIn(contexts, selection.rules), config, RULES, now, recorded), rulesOff: selection.off };
  const writingBaseline = values['write-baseline'] !== undefined;
  if (writingBaseline) await writeOutput(io, values['write-baseline'] as string, formatBaseline(result));
  if (values.baseline !== undefined) result = await applyBaseline(result, values.baseline as string, io);
  // The Markdown report draws the attack paths when there are any.
  const paths = outputsOf(values).some((o) => o.format === 'markdown') ? contexts.map((ctx) => pathsReport(ctx)) : undefined;
  await emit(io, values, { ...checkInput(result), ...(paths ? { paths } : {}), ...(config.file ? { configuration: config.file } : {}) });
  // Recording a baseline accepts what it records: the run that writes it succeeds.
  return writingBaseline ? 0 : exitCode(result, failOn);
}

/** A stack's attack paths, from a context that may already hold its graph. */
export function pathsReport(ctx: RuleContext, options: PathOptions = {}): PathsReport {
  const privilege = searchPaths(ctx.resetGraph, options);
  // Ways into an MFA exemption are paths too (RG-08), found apart so they never hide a way to an administrator.
  const exemption = options.to === undefined ? searchPaths(ctx.resetGraph, { ...options, goal: 'exemption' }) : { paths: [], omitted: 0 };
  return { stack: ctx.stack.name, graph: ctx.resetGraph, paths: sortPaths([...privilege.paths, ...exemption.paths]), omitted: privilege.omitted + exemption.omitted };
}

const SCOPES = ['tenant', 'module'] as const;

/** `--scope tenant|module`: what every stack is checked as, whatever the inference says. */
export function asScope(stacks: Stack[], scope: StackScope | undefined): Stack[] {
  return scope === undefined ? stacks : stacks.map((s) => ({ ...s, scope }));
}

/** `--stack NAME`: only those stacks; a name that matches none is a usage error naming the stacks there are. */
export function selectStacks(stacks: Stack[], wanted: string[] | undefined): Stack[] {
  if (!wanted) return stacks;
  const missing = wanted.filter((w) => !stacks.some((s) => s.name === w));
  if (missing.length) throw new InputError('', `no stack named ${missing.join(', ')} (stacks: ${stacks.map((s) => s.name).join(', ')})`);
  return stacks.filter((s) => wanted.includes(s.name));
}

/** 1 when a finding is at or above the threshold, or a rule failed to run; else 0. */
export function exitCode(result: CheckResult, failOn: Severity | 'none'): number {
  if (result.errors.length > 0) return 1;
  if (failOn === 'none') return 0;
  const limit = SEVERITIES.indexOf(failOn);
  return result.findings.some((f) => !f.suppressed && SEVERITIES.indexOf(f.severity) <= limit) ? 1 : 0;
}
