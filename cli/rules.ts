/** `recovery-gate rules`: the catalogue, generated from each rule's meta. */
import { InputError } from '../policies/inputs/input-error';
import { catalogueOf, formatCatalogueJson, formatCatalogueMarkdown, formatCatalogueText } from '../policies/reporters/catalogue';
import { RULES } from '../policies/rules';
import { parseFlags } from './flags';
import type { CliIo } from './io';

const FORMATS = { text: formatCatalogueText, json: formatCatalogueJson, markdown: formatCatalogueMarkdown } as const;

export const RULES_FLAGS = { format: { type: 'string', default: 'text' } } as const;

export async function rulesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(args, RULES_FLAGS);
  const format = FORMATS[values.format as keyof typeof FORMATS];
  if (!format) throw new InputError('', `--format must be one of ${Object.keys(FORMATS).join(', ')}, not "${values.format}"`);
  io.stdout(format(catalogueOf(RULES)));
  return 0;
}
