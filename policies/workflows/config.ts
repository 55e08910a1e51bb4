/** recovery-gate.json as a library call: a parsed document becomes a validated configuration. */
import { type Config, parseConfig } from '../config/config';
import { validateSuppressions } from '../engine/suppressions';
import { RULES } from '../rules';

/**
 * The configuration in `document` (recovery-gate.json, parsed), read from
 * `file`: validated against the schema, its suppressions against the
 * catalogue and their limits at `now`. Throws an InputError naming the file.
 */
export function configFrom(document: unknown, file: string, now: Date = new Date()): Config {
  const config = { ...parseConfig(document, file), file };
  validateSuppressions(config, RULES, now, file);
  return config;
}

/** A report of an earlier run (any format's JSON carries `tool.name`): never configuration, whatever its name. */
export function isReport(document: unknown): boolean {
  const tool = (document as { tool?: { name?: unknown } } | null)?.tool;
  return (
    typeof document === 'object' &&
    document !== null &&
    typeof tool === 'object' &&
    tool !== null &&
    tool.name === 'recovery-gate'
  );
}
