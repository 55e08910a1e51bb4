/** `recovery-gate rules [RG-NN ...]`: the catalogue, generated from each rule's meta; `explain RG-NN`: a rule's page. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  InputError,
  RULES,
  catalogueOf,
  catalogueRange,
  formatCatalogueJson,
  formatCatalogueMarkdown,
  formatCatalogueText,
} from '../index';
import { PACKAGE_ROOT, rulePath } from '../policies/version';
import { writeOutput } from './common';
import { parseFlags } from './flags';
import type { CliIo } from './io';

const FORMATS = { text: formatCatalogueText, json: formatCatalogueJson, markdown: formatCatalogueMarkdown } as const;

export const RULES_FLAGS = { format: { type: 'string', default: 'text' }, output: { type: 'string' } } as const;
export const EXPLAIN_FLAGS = { output: { type: 'string' } } as const;

/** The rules named, in catalogue order; an id the catalogue lacks is a usage error. */
function named(ids: readonly string[]) {
  const unknown = ids.filter((id) => !RULES.some((r) => r.meta.id === id.toUpperCase()));
  if (unknown.length > 0)
    throw new InputError('', `${unknown.join(', ')}: no such rule (the catalogue is ${catalogueRange(RULES)})`);
  return ids.length === 0 ? RULES : RULES.filter((r) => ids.some((id) => id.toUpperCase() === r.meta.id));
}

export async function rulesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, RULES_FLAGS);
  const format = FORMATS[values.format as keyof typeof FORMATS]; // checked below
  if (!format)
    throw new InputError('', `--format must be one of ${Object.keys(FORMATS).join(', ')}, not "${values.format}"`);
  await writeOutput(io, values.output, format(catalogueOf(named(positionals))));
  return 0;
}

export async function explainCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, EXPLAIN_FLAGS);
  if (positionals.length !== 1) throw new InputError('', 'explain takes one rule id: recovery-gate explain RG-01');
  const [rule] = named(positionals);
  await writeOutput(io, values.output, readFileSync(path.join(PACKAGE_ROOT, rulePath(rule.meta.id)), 'utf8'));
  return 0;
}
