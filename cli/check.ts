/** `recovery-gate check [PATH ...]`: load, run the catalogue, report, exit by severity. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseTime } from '../policies/engine/attestations';
import { Config, DEFAULT_CONFIG, parseConfig } from '../policies/engine/config';
import { SEVERITIES, Severity } from '../policies/engine/rule';
import { CheckResult, runRules } from '../policies/engine/run';
import { InputError, parseJson } from '../policies/inputs/input-error';
import { loadInputs } from '../policies/inputs/load';
import { formatJson } from '../policies/reporters/json';
import { formatMarkdown } from '../policies/reporters/markdown';
import { formatText, summaryLine } from '../policies/reporters/text';
import { RULES } from '../policies/rules';
import type { CliIo } from './io';
import { parseFlags } from './flags';

const FORMATS = ['text', 'json', 'markdown'] as const;
const FAIL_ON = [...SEVERITIES, 'none'] as const;

export async function checkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    format: { type: 'string', default: 'text' },
    output: { type: 'string' },
    'fail-on': { type: 'string', default: 'high' },
    config: { type: 'string' },
    now: { type: 'string' },
    stack: { type: 'string', multiple: true },
    'var-file': { type: 'string', multiple: true },
  });
  const format = oneOf(values.format as string, FORMATS, '--format');
  const failOn = oneOf(values['fail-on'] as string, FAIL_ON, '--fail-on');
  const now = values.now === undefined ? new Date() : parseTime(values.now as string);
  if (!now) throw new InputError('', `--now must be an RFC 3339 time such as 2026-01-31T00:00:00Z, not "${values.now}"`);
  const config = await readConfig(values.config as string | undefined, io);

  const paths = positionals.length > 0 ? positionals : ['cdktf.out'];
  let stacks = await loadInputs(paths, { varFiles: (values['var-file'] as string[] | undefined) ?? [] });
  const wanted = values.stack as string[] | undefined;
  if (wanted) {
    const missing = wanted.filter((w) => !stacks.some((s) => s.name === w));
    if (missing.length) throw new InputError('', `no stack named ${missing.join(', ')} (stacks: ${stacks.map((s) => s.name).join(', ')})`);
    stacks = stacks.filter((s) => wanted.includes(s.name));
  }

  const result = runRules(stacks, RULES, { config, now });
  const report = format === 'json' ? formatJson(result) : format === 'markdown' ? formatMarkdown(result) : formatText(result, { color: io.isTTY && values.output === undefined });
  if (values.output !== undefined) {
    await io.writeFile(values.output as string, report);
    io.stdout(summaryLine(result.findings) + '\n');
  } else io.stdout(report);
  return exitCode(result, failOn);
}

/** 1 when a finding is at or above the threshold, or a rule failed to run; else 0. */
export function exitCode(result: CheckResult, failOn: Severity | 'none'): number {
  if (result.errors.length > 0) return 1;
  if (failOn === 'none') return 0;
  const limit = SEVERITIES.indexOf(failOn);
  return result.findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit) ? 1 : 0;
}

async function readConfig(file: string | undefined, io: CliIo): Promise<Config> {
  const chosen = file ?? (await io.exists(path.join(io.cwd, 'recovery-gate.json')) ? 'recovery-gate.json' : undefined);
  if (!chosen) return DEFAULT_CONFIG;
  let text: string;
  try {
    text = await fs.readFile(path.resolve(io.cwd, chosen), 'utf8');
  } catch {
    throw new InputError(chosen, 'cannot read the configuration file');
  }
  return parseConfig(parseJson(text, chosen), chosen);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError('', `${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
}
