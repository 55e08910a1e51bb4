/**
 * The limits outside the rules, at their edges: how far ahead a suppression
 * may expire (thresholds.suppressionMaxDays, in recovery-gate.json, for inline
 * comments and in RecoveryGuidance.suppress()), and what `drift` warns of
 * (`--warn-days`). At the limit, an hour inside and an hour beyond, from the
 * default and from a configured value.
 */
import { Testing } from 'cdktf';
import { RecoveryGuidance } from '../../constructs';
import { DEFAULT_CONFIG, type Config } from '../../policies/config/config';
import { validateSuppressions } from '../../policies/engine/suppressions';
import { RULES } from '../../policies/rules';
import { drift } from '../../policies/workflows/drift';
import { validatePlan } from '../../policies/inputs/plan';
import { daysAfterNow } from '../support/boundaries';
import { DEFAULT_NOW } from '../support/rule-tester';
import { simplePlan } from '../support/stacks';

const NOW = new Date(DEFAULT_NOW);
const HOUR = 1 / 24;
const configWith = (suppressionMaxDays?: number): Config =>
  suppressionMaxDays === undefined
    ? DEFAULT_CONFIG
    : { ...DEFAULT_CONFIG, thresholds: { ...DEFAULT_CONFIG.thresholds, suppressionMaxDays } };

const LIMITS = [
  ['default', undefined, DEFAULT_CONFIG.thresholds.suppressionMaxDays],
  ['recovery-gate.json', 30, 30],
] as const;

describe.each(LIMITS)('suppressionMaxDays from the %s (%s)', (_source, configured, limit) => {
  const suppression = (days: number, inline = false) => ({
    ruleId: 'RG-15',
    resource: 'okta_event_hook.x',
    reason: 'SIEM migration: the alert is re-created in SEC-2001',
    ticket: 'SEC-2001',
    approver: 'ciso-office',
    expires: daysAfterNow(days),
    ...(inline ? { source: 'main.tf:3' } : {}),
  });
  const validate =
    (days: number, inline = false) =>
    () =>
      validateSuppressions(configWith(configured), RULES, NOW, 'recovery-gate.json', [suppression(days, inline)]);

  it.each([false, true])(
    'in recovery-gate.json (inline comment: %s): at the limit and an hour inside are accepted, an hour beyond is refused',
    (inline) => {
      expect(validate(limit, inline)).not.toThrow();
      expect(validate(limit - HOUR, inline)).not.toThrow();
      expect(validate(limit + HOUR, inline)).toThrow(
        `is more than ${limit} days ahead; accept the risk for at most ${limit} days`,
      );
    },
  );

  it('in RecoveryGuidance.suppress(): the same edge', () => {
    const suppress = (days: number) => () => {
      const app = Testing.app();
      RecoveryGuidance.of(app, {
        now: NOW,
        ...(configured === undefined ? {} : { config: configWith(configured) }),
      }).suppress({
        ruleId: 'RG-15',
        construct: app,
        reason: 'SIEM migration: the alert is re-created in SEC-2001',
        ticket: 'SEC-2001',
        approver: 'ciso-office',
        expires: daysAfterNow(days),
      });
    };
    expect(suppress(limit)).not.toThrow();
    expect(suppress(limit - HOUR)).not.toThrow();
    expect(suppress(limit + HOUR)).toThrow(`is more than ${limit} days ahead`);
  });
});

describe.each([
  ['default', undefined, 14],
  ['--warn-days', 7, 7],
] as const)('drift warns of expiries within the days from the %s', (_source, warnDays, limit) => {
  // An attestation expiring `days` from now; drift counts whole days left, as the report shows them.
  const warned = (days: number) => {
    const file = 'drift.json';
    const plan = validatePlan(
      simplePlan({
        'terraform_data.tap_codes': {
          values: {
            input: {
              recovery_gate_attestation: {
                control: 'RG-10',
                owner: 'iam',
                approver: 'ciso',
                evidence: 'SEC-1',
                expires: daysAfterNow(days),
              },
            },
          },
        },
      }),
      file,
    );
    return drift(plan, file, { now: NOW, ...(warnDays === undefined ? {} : { warnDays }) }).drift[0].expiries.map(
      (e) => e.days,
    );
  };

  it('at the limit and a day inside: warned; a day beyond: not', () => {
    expect(warned(limit)).toEqual([limit]);
    expect(warned(limit - 1)).toEqual([limit - 1]);
    expect(warned(limit + 1)).toEqual([]);
  });
});
