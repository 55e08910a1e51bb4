/**
 * Jest matchers for stacks built with recovery-gate's constructs (or any cdktf stack):
 *
 *   import { setupRecoveryGuidanceMatchers } from 'recovery-gate/testing';
 *   setupRecoveryGuidanceMatchers();
 *   expect(stack).toSatisfyRecoveryGuidance();
 *   expect(stack).toViolateRule('RG-13');
 *
 * Failure messages list the findings, one per line.
 */
import { TerraformStack } from 'cdktf';
// Types only (elided at run time): the matchers augment the `expect` package, which jest (and so every user of these matchers) installs.
import type {} from 'expect';
import type { Finding } from '../policies/engine/run';
import { catalogueRange } from '../policies/engine/rule';
import { RULES } from '../policies/rules';
import { checkStack, CheckStackOptions } from './check-stack';

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

function listed(findings: readonly Finding[]): string {
  return findings.length === 0
    ? '  (none)'
    : findings.map((f) => `  ${f.ruleId} ${f.severity} ${f.resource ?? '(configuration)'}: ${f.message}`).join('\n');
}

function findingsOf(received: unknown, options?: CheckStackOptions): Finding[] {
  if (!(received instanceof TerraformStack)) throw new Error('expected a cdktf TerraformStack');
  const result = checkStack(received, options);
  if (result.errors.length > 0)
    throw new Error(`rules failed to run: ${result.errors.map((e) => `${e.ruleId}: ${e.message}`).join('; ')}`);
  return [...result.findings];
}

export const recoveryGuidanceMatchers = {
  /** Passes when the stack has no finding at all. */
  toSatisfyRecoveryGuidance(received: unknown, options?: CheckStackOptions): MatcherResult {
    const findings = findingsOf(received, options);
    return {
      pass: findings.length === 0,
      message: () =>
        findings.length === 0
          ? 'expected the stack to violate the recovery guidance, but it has no findings'
          : `expected the stack to satisfy the recovery guidance, but it has ${findings.length} finding(s):\n${listed(findings)}`,
    };
  },

  /** Passes when the stack has at least one finding of the rule. */
  toViolateRule(received: unknown, ruleId: string, options?: CheckStackOptions): MatcherResult {
    // An id the catalogue lacks can never be violated: `.not.toViolateRule('RG-99')` would always pass.
    if (!RULES.some((r) => r.meta.id === ruleId))
      throw new Error(`toViolateRule: ${ruleId} is no rule of the catalogue (${catalogueRange(RULES)})`);
    const findings = findingsOf(received, options);
    const matching = findings.filter((f) => f.ruleId === ruleId);
    return {
      pass: matching.length > 0,
      message: () =>
        matching.length > 0
          ? `expected the stack not to violate ${ruleId}, but it does:\n${listed(matching)}`
          : `expected the stack to violate ${ruleId}, but it does not. Its findings:\n${listed(findings)}`,
    };
  },
};

/** Registers the matchers with jest's `expect`. */
export function setupRecoveryGuidanceMatchers(): void {
  (globalThis as unknown as { expect: { extend(m: object): void } }).expect.extend(recoveryGuidanceMatchers);
}

/** The matchers' signatures, for `expect` from the jest global and from `@jest/globals` (the `expect` package) alike. */
export interface RecoveryGuidanceMatchers<R = unknown> {
  toSatisfyRecoveryGuidance(options?: CheckStackOptions): R;
  toViolateRule(ruleId: string, options?: CheckStackOptions): R;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Matchers<R> extends RecoveryGuidanceMatchers<R> {}
  }
}

declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<R> extends RecoveryGuidanceMatchers<R> {}
}
