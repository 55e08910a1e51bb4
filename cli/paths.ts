/** `recovery-gate paths [PATH ...]`: who can end up changing whose authentication, step by step. */
import { contextsOf } from '../policies/engine/run';
import { InputError } from '../policies/inputs/input-error';
import { loadInputs } from '../policies/inputs/load';
import { PathsReport, formatDot, formatMermaid, formatPathsJson, formatPathsMarkdown, formatPathsText } from '../policies/reporters/paths';
import { pathsReport, selectStacks } from './check';
import { nowOf, oneOf, readConfig } from './common';
import { parseFlags } from './flags';
import type { CliIo } from './io';

const FORMATS = ['text', 'json', 'markdown', 'mermaid', 'dot'] as const;

export const PATHS_FLAGS = {
  format: { type: 'string', default: 'text' },
  output: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  config: { type: 'string' },
  now: { type: 'string' },
  stack: { type: 'string', multiple: true },
} as const;

export async function pathsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, PATHS_FLAGS);
  const format = oneOf(values.format as string, FORMATS, '--format');
  const now = nowOf(values);
  const config = await readConfig(values, io, now);
  const stacks = selectStacks(await loadInputs(positionals.length > 0 ? positionals : ['cdktf.out']), values.stack as string[] | undefined);
  const reports: PathsReport[] = contextsOf(stacks, { config, now }).map((ctx) => pathsReport(ctx, { from: values.from as string | undefined, to: values.to as string | undefined }));
  for (const flag of ['from', 'to'] as const) {
    const address = values[flag] as string | undefined;
    if (address !== undefined && !reports.some((r) => r.graph.nodes.has(address))) throw new InputError('', `--${flag} ${address} names no principal in ${stacks.map((s) => s.name).join(', ')}`);
  }
  const text =
    format === 'json' ? formatPathsJson(reports)
    : format === 'markdown' ? formatPathsMarkdown(reports)
    : format === 'mermaid' ? reports.map(formatMermaid).join('\n')
    : format === 'dot' ? formatDot(reports)
    : formatPathsText(reports);
  if (values.output !== undefined) await io.writeFile(values.output as string, text);
  else io.stdout(text);
  return reports.some((r) => r.paths.length > 0) ? 1 : 0;
}
