/**
 * Which rules run, at what severity: `rules` in recovery-gate.json turns a
 * rule off ("off") or changes the severity of its findings; `--rule` runs only
 * the rules named, `--skip-rule` leaves some out, for one run. What is off is
 * said in every report, with who turned it off, so a quiet report is never
 * mistaken for a clean one.
 */
import { InputError } from '../errors';
import type { Config } from '../config/config';
import { type AnyRule, type RuleId, type Severity, catalogueRange } from './rule';

export interface RuleOff {
  readonly ruleId: RuleId;
  /** The configuration file, `--rule` or `--skip-rule`. */
  readonly by: string;
}

export interface RuleSelection {
  readonly rules: readonly AnyRule[];
  readonly off: readonly RuleOff[];
}

export interface RuleFlags {
  /** `--rule`: only these. */
  readonly only?: readonly string[];
  /** `--skip-rule`: all but these. */
  readonly skip?: readonly string[];
}

export function selectRules(all: readonly AnyRule[], config: Config, flags: RuleFlags = {}): RuleSelection {
  const ids: readonly string[] = all.map((r) => r.meta.id);
  for (const [flag, list] of [
    ['--rule', flags.only],
    ['--skip-rule', flags.skip],
  ] as const) {
    const unknown = (list ?? []).filter((id) => !ids.includes(id));
    if (unknown.length > 0)
      throw new InputError('', `${flag} ${unknown.join(', ')}: no such rule (the catalogue is ${catalogueRange(all)})`);
  }
  const configured = config.rules ?? {};
  const off: RuleOff[] = [];
  const rules: AnyRule[] = [];
  for (const rule of all) {
    const id = rule.meta.id;
    const by =
      flags.only && !flags.only.includes(id)
        ? '--rule'
        : flags.skip?.includes(id)
          ? '--skip-rule'
          : configured[id] === 'off'
            ? (config.file ?? 'recovery-gate.json')
            : undefined;
    if (by) off.push({ ruleId: id, by });
    else {
      const severity = configured[id];
      rules.push(
        severity && severity !== 'off' && severity !== rule.meta.severity
          ? { ...rule, meta: { ...rule.meta, severity: severity as Severity } }
          : rule,
      );
    }
  }
  return { rules, off };
}

/** `RG-11 (recovery-gate.json), RG-18 (--skip-rule)`. */
export function describeOff(off: readonly RuleOff[]): string {
  return off.map((o) => `${o.ruleId} (${o.by})`).join(', ');
}
