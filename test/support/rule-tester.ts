/**
 * The shared rule tester, after ESLint's RuleTester: tables of valid, invalid
 * and unknown-value cases per provider, asserting message ids, resources and,
 * where a case gives them, the message data (the values the message quotes)
 * and the line. It insists that every provider a rule covers has all three
 * kinds of case, and that every message a rule's table expects has its data
 * asserted at least once, so a rule cannot ship half-tested; and every finding
 * must point at a line that names its resource.
 */
import { appendFileSync } from 'node:fs';
import { DEFAULT_CONFIG, Config, Declarations, Thresholds } from '../../policies/config/config';
import type { AnyRule, Data } from '../../policies/engine/rule';
import type { Finding } from '../../policies/engine/run';
import type { Provider } from '../../policies/facts/providers';
import { runRules } from '../../policies/engine/run';
import type { Stack } from '../../policies/model/resource';

export interface Expected {
  readonly messageId: string;
  /** Address of the resource the finding names; null for "missing from the configuration". */
  readonly resource: string | null;
  readonly severity?: string;
  /** The values interpolated into the message, all of them. */
  readonly data?: Data;
  /** The line the finding points at, in the stack's text. */
  readonly line?: number;
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
        const missing = (['valid', 'invalid', 'unknown'] as const).filter(
          (kind) => !cases[kind].some((c) => c.provider === provider),
        );
        expect(missing).toEqual([]);
      });
    }

    it('asserts the data of every message its table expects, at least once', () => {
      const expected = [...cases.invalid, ...cases.unknown].flatMap((c) => c.expect);
      const withoutData = [...new Set(expected.map((e) => e.messageId))].filter(
        (id) => !expected.some((e) => e.messageId === id && e.data !== undefined),
      );
      expect(withoutData).toEqual([]);
    });

    describe('valid', () => {
      for (const c of cases.valid) {
        it(`[${c.provider}] ${c.name}`, () => {
          const result = findingsOf(rule, c);
          expect(result.errors).toEqual([]);
          expect(
            result.findings.map((f) => ({ messageId: f.messageId, resource: f.resource, message: f.message })),
          ).toEqual([]);
        });
      }
    });

    for (const kind of ['invalid', 'unknown'] as const) {
      describe(kind, () => {
        for (const c of cases[kind]) {
          it(`[${c.provider}] ${c.name}`, () => {
            const result = findingsOf(rule, c);
            expect(result.errors).toEqual([]);
            if (process.env.RG_RECORD_DATA)
              for (const f of result.findings)
                appendFileSync(
                  process.env.RG_RECORD_DATA,
                  JSON.stringify({
                    rule: meta.id,
                    kind,
                    case: c.name,
                    messageId: f.messageId,
                    resource: f.resource,
                    data: f.data,
                    line: f.line,
                  }) + '\n',
                );
            expectFindings(result.findings, c.expect);
            if (kind === 'unknown') expect(result.findings.every((f) => f.unverified)).toBe(true);
            for (const f of result.findings) expect(f.message).not.toMatch(/\{\{/);
            expect(misplaced(result.findings, c.stack)).toEqual([]);
          });
        }
      });
    }
  });
}

/** Pairs each expected finding with one found that agrees on every field it gives; what is left unpaired on either side fails. */
function expectFindings(found: readonly Finding[], expected: readonly Expected[]): void {
  const left = [...found];
  const unmatched: Expected[] = [];
  for (const e of expected) {
    const i = left.findIndex((f) => agrees(f, e));
    if (i >= 0) left.splice(i, 1);
    else unmatched.push(e);
  }
  if (unmatched.length === 0 && left.length === 0) return;
  // A readable diff: what was expected against what was found, in the fields the table uses.
  const shown = (f: Finding) => ({
    messageId: f.messageId,
    resource: f.resource,
    severity: f.severity,
    data: f.data,
    line: f.line,
  });
  expect({ found: found.map(shown) }).toEqual({ found: expected });
}

function agrees(f: Finding, e: Expected): boolean {
  return (
    f.messageId === e.messageId &&
    f.resource === e.resource &&
    (e.severity === undefined || f.severity === e.severity) &&
    (e.data === undefined || JSON.stringify(sortedKeys(f.data)) === JSON.stringify(sortedKeys(e.data))) &&
    (e.line === undefined || f.line === e.line)
  );
}

const sortedKeys = (d: Data) => Object.fromEntries(Object.entries(d).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Findings about a resource whose line is missing or does not name the resource (its name in JSON, its address in a plan). */
function misplaced(findings: readonly Finding[], stack: Stack): string[] {
  const text = (stack as { text?: string }).text;
  if (text === undefined) return [];
  const lines = text.split('\n');
  return findings
    .filter((f) => f.resource !== null)
    .filter((f) => {
      const name = f.resource!.split('.').pop()!.replace(/\[.*$/, '');
      const line = f.line === null ? undefined : lines[f.line - 1];
      return line === undefined || !(line.includes(`"${name}"`) || line.includes(`"${f.resource}"`));
    })
    .map((f) => `${f.ruleId} ${f.resource} at line ${f.line}`);
}
