/**
 * The shared rule tester, after ESLint's RuleTester: tables of valid, invalid
 * and unknown-value cases per provider, asserting message ids and resources
 * (not message text). It also insists that every provider a rule covers has
 * all three kinds of case, so a rule cannot ship half-tested.
 */
import { DEFAULT_CONFIG, Config, Declarations, Thresholds } from '../../policies/config/config';
import type { AnyRule } from '../../policies/engine/rule';
import type { Provider } from '../../policies/facts/providers';
import { runRules } from '../../policies/engine/run';
import type { Stack } from '../../policies/model/resource';

export interface Expected {
  readonly messageId: string;
  /** Address of the resource the finding names; null for "missing from the configuration". */
  readonly resource: string | null;
  readonly severity?: string;
}

export interface RuleCase {
  readonly name: string;
  readonly provider: Provider;
  readonly stack: Stack;
  readonly now?: string;
  readonly declarations?: Partial<Declarations>;
  /** Settings of recovery-gate.json the case is about. */
  readonly thresholds?: Partial<Thresholds>;
  readonly sharedMailboxPattern?: RegExp;
}

export interface InvalidCase extends RuleCase {
  readonly expect: readonly Expected[];
}

export interface RuleCases {
  readonly valid: readonly RuleCase[];
  readonly invalid: readonly InvalidCase[];
  /** Unknown values: the rule must say "cannot verify", never pass silently. */
  readonly unknown: readonly InvalidCase[];
}

export const DEFAULT_NOW = '2026-11-26T12:00:00Z';

export function findingsOf(rule: AnyRule, c: RuleCase) {
  const config: Config = {
    declarations: { ...DEFAULT_CONFIG.declarations, ...c.declarations },
    thresholds: { ...DEFAULT_CONFIG.thresholds, ...c.thresholds },
    ...(c.sharedMailboxPattern ? { sharedMailboxPattern: c.sharedMailboxPattern } : {}),
  };
  return runRules([c.stack], [rule], { config, now: new Date(c.now ?? DEFAULT_NOW) });
}

export function testRule(rule: AnyRule, cases: RuleCases): void {
  const { meta } = rule;
  describe(`${meta.id} ${meta.slug}`, () => {
    for (const [provider, coverage] of Object.entries(meta.providers)) {
      if (coverage === 'n/a') continue;
      it(`has valid, invalid and unknown-value cases for ${provider}`, () => {
        const missing = (['valid', 'invalid', 'unknown'] as const).filter((kind) => !cases[kind].some((c) => c.provider === provider));
        expect(missing).toEqual([]);
      });
    }

    describe('valid', () => {
      for (const c of cases.valid) {
        it(`[${c.provider}] ${c.name}`, () => {
          const result = findingsOf(rule, c);
          expect(result.errors).toEqual([]);
          expect(result.findings.map((f) => ({ messageId: f.messageId, resource: f.resource, message: f.message }))).toEqual([]);
        });
      }
    });

    for (const kind of ['invalid', 'unknown'] as const) {
      describe(kind, () => {
        for (const c of cases[kind]) {
          it(`[${c.provider}] ${c.name}`, () => {
            const result = findingsOf(rule, c);
            expect(result.errors).toEqual([]);
            const got = result.findings.map((f) => ({ messageId: f.messageId, resource: f.resource, ...(c.expect.some((e) => e.severity) ? { severity: f.severity } : {}) }));
            const want = c.expect.map((e) => ({ messageId: e.messageId, resource: e.resource, ...(e.severity ? { severity: e.severity } : {}) }));
            const order = (x: { messageId: string; resource: string | null }) => `${x.resource}|${x.messageId}`;
            expect([...got].sort((a, b) => order(a).localeCompare(order(b)))).toEqual([...want].sort((a, b) => order(a).localeCompare(order(b))));
            if (kind === 'unknown') expect(result.findings.every((f) => f.unverified)).toBe(true);
            for (const f of result.findings) expect(f.message).not.toMatch(/\{\{/);
          });
        }
      });
    }
  });
}
