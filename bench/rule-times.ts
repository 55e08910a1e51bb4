/**
 * Each rule's own time on the same tenant at two sizes, to find a rule that is
 * not linear: the readers and the reset graph the rules share are built by a
 * first run of all rules (reported as "shared"), then each rule runs alone.
 */
import { DEFAULT_CONFIG } from '../policies/config/config';
import { runRulesIn } from '../policies/engine/run';
import { loadInputs } from '../policies/inputs/load';
import { RULES } from '../policies/rules';
import { RuleContext } from '../policies/tenant/context';
import { elapsedMs } from './timing';

export interface RuleTimes {
  readonly resources: number;
  readonly findings: number;
  /** Readers, graph and everything the rules share, built once. */
  readonly sharedMs: number;
  readonly byRule: ReadonlyMap<string, number>;
}

export async function ruleTimes(input: string, now: Date, runs = 3): Promise<RuleTimes> {
  const stacks = await loadInputs([input]);
  const contexts = stacks.map((s) => new RuleContext(s, DEFAULT_CONFIG, now));
  global.gc?.();
  let t = process.hrtime.bigint();
  const all = runRulesIn(contexts, RULES);
  const firstMs = elapsedMs(t);
  const byRule = new Map<string, number>();
  for (const rule of RULES) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      t = process.hrtime.bigint();
      runRulesIn(contexts, [rule]);
      times.push(elapsedMs(t));
    }
    byRule.set(rule.meta.id, Math.min(...times));
  }
  const own = [...byRule.values()].reduce((a, b) => a + b, 0);
  return {
    resources: stacks.reduce((n, s) => n + s.resources.length, 0),
    findings: all.findings.length,
    sharedMs: Math.max(0, firstMs - own),
    byRule,
  };
}
