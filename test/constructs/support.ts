/** GIVEN / WHEN / THEN helpers: a fresh stack, and its synthesized resources by type. */
import { App, TerraformStack, Testing } from 'cdktf';

export function givenStack(id = 'test'): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  return { app, stack: new TerraformStack(app, id) };
}

export type Body = Record<string, unknown> & { '//'?: { metadata?: { path?: string } } };

/** The synthesized resources of one type (without cdktf's metadata), in name order. */
export function resourcesOf(stack: TerraformStack, type: string): Body[] {
  const doc = JSON.parse(Testing.synth(stack)) as { resource?: Record<string, Record<string, Body>> };
  return Object.keys(doc.resource?.[type] ?? {})
    .sort()
    .map((name) => {
      const body = { ...doc.resource![type][name] };
      delete body['//'];
      return body;
    });
}

export function synthesized(stack: TerraformStack): Record<string, unknown> {
  return JSON.parse(Testing.synth(stack)) as Record<string, unknown>;
}

/** Findings of the given rules on a stack: a construct must leave none of the rules it implements. */
export function findingsOf(stack: TerraformStack, ruleIds: readonly string[]): string[] {
  // Imported late so that loading this helper does not load the catalogue for tests that do not need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkStack } = require('../../constructs/check-stack') as typeof import('../../constructs/check-stack');
  return checkStack(stack)
    .findings.filter((f) => ruleIds.includes(f.ruleId))
    .map((f) => `${f.ruleId} ${f.resource}: ${f.message}`);
}
