/**
 * Cases at a threshold's edge, for the rule tester: the value at the limit,
 * one step inside it and one step beyond, with the limit taken from the
 * default and from recovery-gate.json. A rule that compares with `>=` where it
 * means `>`, or against `limit + 1`, or that ignores the configured limit,
 * fails one of them.
 */
import { DEFAULT_CONFIG, type ThresholdName } from '../../policies/config/config';
import type { Provider } from '../../policies/facts/providers';
import type { Stack } from '../../policies/model/resource';
import { DEFAULT_NOW, type Expected, type InvalidCase, type RuleCase, type RuleCases } from './rule-tester';

export interface Boundary {
  /** What is compared, for case names: "activation hours". */
  readonly what: string;
  readonly provider: Provider;
  readonly threshold: ThresholdName;
  /** `max`: beyond is above the limit; `min`: beyond is below it. */
  readonly bound: 'max' | 'min';
  /** The limit recovery-gate.json sets in the configured cases (not the default). */
  readonly configured: number;
  /** The stack whose compared value is `value`. */
  readonly stack: (value: number) => Stack;
  /** What the rule reports one step beyond `limit`. */
  readonly beyond: (value: number, limit: number) => readonly Expected[];
  /** The tester's clock, for values that are dates. */
  readonly now?: string;
  /** One step inside or beyond: 1 by default; an hour (1 / 24) for dates compared in days. */
  readonly step?: number;
}

export function boundaryCases(b: Boundary): { valid: RuleCase[]; invalid: InvalidCase[] } {
  const valid: RuleCase[] = [];
  const invalid: InvalidCase[] = [];
  const step = b.step ?? 1;
  const inside = b.bound === 'max' ? -step : step;
  for (const [source, limit] of [
    ['default', DEFAULT_CONFIG.thresholds[b.threshold]],
    ['recovery-gate.json', b.configured],
  ] as const) {
    const thresholds = source === 'default' ? undefined : { [b.threshold]: limit };
    const base = { provider: b.provider, ...(thresholds ? { thresholds } : {}), ...(b.now ? { now: b.now } : {}) };
    const label = (v: number) => `${b.what} ${Number(v.toFixed(3))}, limit ${limit} (${source})`;
    valid.push({ ...base, name: `${label(limit)}: at the limit`, stack: b.stack(limit) });
    valid.push({ ...base, name: `${label(limit + inside)}: inside`, stack: b.stack(limit + inside) });
    const value = limit - inside;
    invalid.push({
      ...base,
      name: `${label(value)}: one beyond`,
      stack: b.stack(value),
      expect: b.beyond(value, limit),
    });
  }
  return { valid, invalid };
}

/** Merges the boundary cases of several thresholds into a rule's table. */
export function withBoundaries(cases: RuleCases, ...boundaries: Boundary[]): RuleCases {
  const extra = boundaries.map(boundaryCases);
  return {
    ...cases,
    valid: [...cases.valid, ...extra.flatMap((e) => e.valid)],
    invalid: [...cases.invalid, ...extra.flatMap((e) => e.invalid)],
  };
}

/** The time `days` after the tester's clock, as an RFC 3339 string: for limits counted in days from now. */
export function daysAfterNow(days: number): string {
  return new Date(Date.parse(DEFAULT_NOW) + days * 86_400_000).toISOString();
}
