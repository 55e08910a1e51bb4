/** `recovery-gate rules`: the catalogue, generated from each rule's meta. */
import { PROVIDERS } from '../policies/engine/rule';
import { RULES } from '../policies/rules';
import { parseFlags } from './flags';
import type { CliIo } from './io';
import { InputError } from '../policies/inputs/input-error';

export async function rulesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(args, { format: { type: 'string', default: 'text' } });
  const catalogue = RULES.map(({ meta }) => ({
    id: meta.id,
    slug: meta.slug,
    severity: meta.severity,
    title: meta.title,
    csf: meta.csf,
    providers: meta.providers,
  }));
  if (values.format === 'json') io.stdout(JSON.stringify({ rules: catalogue }, null, 2) + '\n');
  else if (values.format === 'text') {
    for (const r of catalogue) {
      io.stdout(`${r.id} ${r.slug} [${r.severity}] ${r.title}\n    CSF ${r.csf.join(', ')}; ${PROVIDERS.map((p) => `${p}: ${r.providers[p]}`).join('; ')}\n`);
    }
  } else throw new InputError('', `--format must be one of text, json, not "${values.format}"`);
  return 0;
}
