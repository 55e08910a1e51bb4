/**
 * Compliant tenants created from nothing in one plan: every id unknown, every
 * link between resources known only through the configuration. They must give
 * no findings, as the same tenants do as configuration.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG } from '../../policies/config/config';
import { runRules } from '../../policies/engine/run';
import { loadFile } from '../../policies/inputs/load';
import { RULES } from '../../policies/rules';
import { writePlan } from '../support/plan-writer';
import { modularEntraTenant, modularOktaTenant } from './modular-tenants';

const NOW = new Date('2026-11-26T12:00:00Z');

async function findingsOfPlan(plan: unknown): Promise<string[]> {
  const stacks = await loadFile('plan.json', JSON.stringify(plan));
  const result = runRules(stacks, RULES, { config: DEFAULT_CONFIG, now: NOW });
  expect(result.errors).toEqual([]);
  return result.findings.map((f) => `${f.ruleId} ${f.messageId} ${f.resource}: ${f.message}`).sort();
}

const fixture = (name: string) =>
  JSON.parse(readFileSync(`test/fixtures/tenants/${name}`, 'utf8')) as Record<string, never>;

describe.each(['json', 'hcl'] as const)('compliant tenants created in one plan, configuration in %s', (form) => {
  it.each(['acme-okta.cdk.tf.json', 'acme-entra.cdk.tf.json'])('%s gives no findings', async (name) => {
    expect(await findingsOfPlan(writePlan({ root: fixture(name), form }))).toEqual([]);
  });
});

describe.each(['json', 'hcl'] as const)(
  'the same tenants with a module per break-glass account and per operator team (for_each), configuration in %s',
  (form) => {
    it.each([
      ['Okta', modularOktaTenant],
      ['Entra', modularEntraTenant],
    ])('%s gives no findings', async (_, tenant) => {
      const plan = writePlan({ ...tenant(), form });
      const addresses = (plan.resource_changes as { address: string }[]).map((r) => r.address);
      expect(addresses.filter((a) => a.startsWith('module.break_glass[')).length).toBeGreaterThanOrEqual(4);
      expect(await findingsOfPlan(plan)).toEqual([]);
    });
  },
);
