/**
 * Synth-time enforcement: `RecoveryGuidance.of(app)` fails synthesis with the
 * rule id when a safeguard is removed from an example tenant; suppressions
 * carry a reason, ticket, approver and expiry; the matchers explain failures;
 * and `recovery-gate check cdktf.out` agrees with synth.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Testing } from 'cdktf';
import { RecoveryGuidance, daysFromNow } from '../../constructs';
import { runCli } from '../support/memory-io';
import { recoveryGuidanceMatchers, setupRecoveryGuidanceMatchers } from '../../constructs/testing';
import { expect as globalsExpect } from '@jest/globals';
import { runRules } from '../../policies/engine/run';
import { loadInputs } from '../../policies/inputs/load';
import { RULES } from '../../policies/rules';
import { ACME } from '../../stacks/company';
import { EntraTenantStack } from '../../stacks/entra-tenant';
import { OktaOrgStack } from '../../stacks/okta-org';

function guardedApp(outdir?: string): App {
  const app = Testing.app(outdir ? { outdir } : {});
  RecoveryGuidance.of(app);
  return app;
}

describe('removing a safeguard from an example tenant fails synth with the matching rule id', () => {
  it('the Entra break-glass sign-in alert → RG-15', () => {
    const app = guardedApp();
    const entra = new EntraTenantStack(app, 'acme-entra', ACME);
    entra.breakGlass.node.tryRemoveChild('sign_in_alert');
    expect(() => app.synth()).toThrow(
      /RG-15 \(critical\) azuread_user\.break_glass_account_1_\w+: No enabled alert fires when break-glass account/,
    );
  });

  it('approval on the operator group → RG-04', () => {
    const app = guardedApp();
    const entra = new EntraTenantStack(app, 'acme-entra', ACME);
    entra.operators.activationPolicy.addOverride('activation_rules.require_approval', false);
    expect(() => app.synth()).toThrow(/\[acme-entra\/service_desk\/activation\] RG-04 \(high\)/);
  });

  it('the Okta break-glass event hook → RG-15', () => {
    const app = guardedApp();
    const okta = new OktaOrgStack(app, 'acme-okta', ACME);
    okta.breakGlass.node.tryRemoveChild('sign_in_alert');
    expect(() => app.synth()).toThrow(/RG-15 \(critical\)/);
  });

  it('the complete examples synthesize', () => {
    const app = guardedApp();
    new OktaOrgStack(app, 'acme-okta', ACME);
    new EntraTenantStack(app, 'acme-entra', ACME);
    expect(() => app.synth()).not.toThrow();
  });
});

describe('suppressions', () => {
  const base = {
    ruleId: 'RG-15' as const,
    reason: 'SIEM migration in progress; alert is re-created in SEC-2001',
    ticket: 'SEC-2001',
    approver: 'ciso-office',
  };

  it('accept a finding on the named construct until the expiry, noted on the construct', () => {
    const app = Testing.app();
    const entra = new EntraTenantStack(app, 'acme-entra', ACME);
    entra.breakGlass.node.tryRemoveChild('sign_in_alert');
    RecoveryGuidance.of(app).suppress({ ...base, construct: entra.breakGlass, expires: daysFromNow(30) });
    expect(() => app.synth()).not.toThrow();
    const notes = entra.breakGlass.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type.endsWith('info')).map((m) => String(m.data)));
    expect(notes.some((n) => /suppressed until .* by ciso-office, SEC-2001: SIEM migration/.test(n))).toBe(true);
  });

  it('an expired suppression fails synth; an unused one is a warning', () => {
    const app = Testing.app();
    const entra = new EntraTenantStack(app, 'acme-entra', ACME);
    entra.breakGlass.node.tryRemoveChild('sign_in_alert');
    RecoveryGuidance.of(app, { now: new Date() }).suppress({
      ...base,
      construct: entra.breakGlass,
      expires: '2020-01-01T00:00:00Z',
    });
    expect(() => app.synth()).toThrow(/Suppression of RG-15 \(SEC-2001\) expired on 2020-01-01T00:00:00Z/);

    const clean = Testing.app();
    const tenant = new EntraTenantStack(clean, 'acme-entra', ACME);
    RecoveryGuidance.of(clean).suppress({ ...base, construct: tenant.breakGlass, expires: daysFromNow(30) });
    clean.synth();
    const warnings = tenant.breakGlass.node.metadata.filter((m) => m.type.endsWith('warn')).map((m) => String(m.data));
    expect(warnings).toEqual([
      expect.stringMatching(/Suppression of RG-15 \(SEC-2001\) matches no finding: remove it/),
    ]);
  });

  it('are recorded with the synthesized stack, so check cdktf.out accepts what synth accepted', async () => {
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'rg-recorded-'));
    try {
      const app = new App({ outdir });
      const entra = new EntraTenantStack(app, 'acme-entra', ACME);
      entra.breakGlass.node.tryRemoveChild('sign_in_alert');
      RecoveryGuidance.of(app).suppress({ ...base, construct: entra.breakGlass, expires: daysFromNow(30) });
      app.synth();
      const r = await runCli(['check', outdir, '--format', 'json']);
      const rg15 = (
        JSON.parse(r.stdout) as { findings: { ruleId: string; suppressed?: { ticket: string; approver: string } }[] }
      ).findings.filter((f) => f.ruleId === 'RG-15');
      expect(rg15.length).toBeGreaterThan(0);
      expect(rg15.every((f) => f.suppressed?.ticket === 'SEC-2001' && f.suppressed.approver === 'ciso-office')).toBe(
        true,
      );
      expect(r.code).toBe(0);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('RecoveryGuidance.of called again with other settings is an error, not ignored', () => {
    const app = Testing.app();
    RecoveryGuidance.of(app, { failOn: 'critical' });
    expect(RecoveryGuidance.of(app)).toBe(RecoveryGuidance.of(app, { failOn: 'critical' }));
    expect(() => RecoveryGuidance.of(app, { failOn: 'low' })).toThrow(
      /was already called with other settings \(failOn critical\)/,
    );
  });

  it('need a reason of 20 characters, a ticket, an approver and an expiry within thresholds.suppressionMaxDays (90), as recovery-gate.json', () => {
    const app = Testing.app();
    const guidance = RecoveryGuidance.of(app);
    expect(() => guidance.suppress({ ...base, construct: app, reason: 'temporary', expires: daysFromNow(30) })).toThrow(
      /at least 20 characters/,
    );
    expect(() => guidance.suppress({ ...base, construct: app, ticket: '', expires: daysFromNow(30) })).toThrow(
      /name the ticket/,
    );
    expect(() => guidance.suppress({ ...base, construct: app, approver: ' ', expires: daysFromNow(30) })).toThrow(
      /name who approved it/,
    );
    expect(() => guidance.suppress({ ...base, construct: app, expires: daysFromNow(120) })).toThrow(
      /more than 90 days ahead\. Accept the risk for at most 90 days \(thresholds\.suppressionMaxDays\)/,
    );
  });

  it('failOn: none turns findings into warnings', () => {
    const app = Testing.app();
    RecoveryGuidance.of(app, { failOn: 'none' });
    const entra = new EntraTenantStack(app, 'acme-entra', ACME);
    entra.breakGlass.node.tryRemoveChild('sign_in_alert');
    expect(() => app.synth()).not.toThrow();
    const warned = entra.node
      .findAll()
      .some((c) => c.node.metadata.some((m) => m.type.endsWith('warn') && /RG-15/.test(String(m.data))));
    expect(warned).toBe(true);
  });
});

describe('jest matchers', () => {
  it('toViolateRule and toSatisfyRecoveryGuidance explain themselves', () => {
    const app = Testing.app();
    const okta = new OktaOrgStack(app, 'acme-okta', ACME);
    okta.breakGlass.node.tryRemoveChild('sign_in_alert');
    const violated = recoveryGuidanceMatchers.toViolateRule(okta, 'RG-15');
    expect(violated.pass).toBe(true);
    const satisfied = recoveryGuidanceMatchers.toSatisfyRecoveryGuidance(okta);
    expect(satisfied.pass).toBe(false);
    expect(satisfied.message()).toMatch(
      /but it has 2 finding\(s\):\n {2}RG-15 critical okta_user\.break_glass_account_1_\w+: Nothing raises an alert/,
    );
    expect(recoveryGuidanceMatchers.toViolateRule(okta, 'RG-13').message()).toMatch(
      /expected the stack to violate RG-13, but it does not\. Its findings:\n {2}RG-15/,
    );
  });

  it('toViolateRule refuses an id the catalogue lacks: .not would always pass', () => {
    const okta = new OktaOrgStack(Testing.app(), 'acme-okta', ACME);
    expect(() => recoveryGuidanceMatchers.toViolateRule(okta, 'RG-99')).toThrow(
      /toViolateRule: RG-99 is no rule of the catalogue \(RG-01 to RG-24\)/,
    );
  });

  it('are typed for expect from @jest/globals as for the global expect', () => {
    setupRecoveryGuidanceMatchers();
    const okta = new OktaOrgStack(Testing.app(), 'acme-okta', ACME);
    // Type-checked by `tsc --noEmit` in npm test: without the augmentation of 'expect' this does not compile.
    globalsExpect(okta).toSatisfyRecoveryGuidance();
    globalsExpect(okta).not.toViolateRule('RG-13');
  });
});

describe('recovery-gate check cdktf.out agrees with synth', () => {
  it('reports zero findings on the synthesized examples, with no config file (the constructs recorded who is who)', async () => {
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'rg-cdktf-out-'));
    try {
      const app = guardedApp(outdir);
      new OktaOrgStack(app, 'acme-okta', ACME);
      new EntraTenantStack(app, 'acme-entra', ACME);
      app.synth();
      const stacks = await loadInputs([outdir]);
      expect(stacks.map((s) => s.name).sort()).toEqual(['acme-entra', 'acme-okta']);
      expect(stacks.every((s) => s.intent !== undefined)).toBe(true);
      const result = runRules(stacks, RULES);
      expect(result.findings).toEqual([]);
      expect(result.errors).toEqual([]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
