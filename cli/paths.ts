/** `recovery-gate paths [PATH ...]`: who can end up changing whose authentication, step by step. */
import {
  InputError,
  PATH_LIMITS,
  formatDot,
  formatMermaid,
  formatPathsJson,
  formatPathsMarkdown,
  formatPathsText,
  paths,
  pathsFound,
} from '../index';
import { nowOf, oneOf, readConfig, refuseOverwritingInputs, writeOutput } from './common';
import { parseFlags } from './flags';
import type { CliIo } from './io';

const FORMATS = ['text', 'json', 'markdown', 'mermaid', 'dot', 'html'] as const;

export const PATHS_FLAGS = {
  format: { type: 'string', default: 'text' },
  output: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  config: { type: 'string' },
  now: { type: 'string' },
  stack: { type: 'string', multiple: true },
  'max-steps': { type: 'string' },
  'max-paths': { type: 'string' },
} as const;

/** `--max-steps 25`: a whole number of at least 1. */
function limitOf(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100000)
    throw new InputError('', `${flag} must be a whole number from 1 to 100000, not "${value}"`);
  return n;
}

export async function pathsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, PATHS_FLAGS);
  const format = oneOf(values.format, FORMATS, '--format');
  await refuseOverwritingInputs(io, values, positionals, 'cdktf.out');
  const now = nowOf(values);
  const config = await readConfig(values, io, now);
  const reports = await paths(positionals.length > 0 ? positionals : ['cdktf.out'], {
    config,
    now,
    stacks: values.stack,
    from: values.from,
    to: values.to,
    maxSteps: limitOf(values['max-steps'], '--max-steps', PATH_LIMITS.maxSteps),
    maxPerTarget: limitOf(values['max-paths'], '--max-paths', PATH_LIMITS.maxPerTarget),
  });
  for (const flag of ['from', 'to'] as const) {
    const address = values[flag];
    if (address !== undefined && !reports.some((r) => r.graph.nodes.has(address)))
      throw new InputError('', `--${flag} ${address} names no principal in ${reports.map((r) => r.stack).join(', ')}`);
  }
  const text =
    format === 'html'
      ? (await import('../policies/reporters/html')).formatHtml({ command: 'paths', paths: reports })
      : format === 'json'
        ? formatPathsJson(reports)
        : format === 'markdown'
          ? formatPathsMarkdown(reports)
          : format === 'mermaid'
            ? reports.map(formatMermaid).join('\n')
            : format === 'dot'
              ? formatDot(reports)
              : formatPathsText(reports);
  await writeOutput(io, values.output, text);
  return pathsFound(reports) ? 1 : 0;
}
