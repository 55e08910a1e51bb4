/**
 * The test plan writer writes what Terraform writes: the same Terraform JSON
 * configuration of `terraform_data` resources (modules called with for_each
 * and count, a module inside a module, module variables and outputs, values
 * unknown until apply inside lists and objects, count.index and each.value)
 * planned by the real binary and by the writer gives the same changes and
 * the same configuration. The Okta and Entra plans the rule tests use come
 * from this writer. Skips where no `terraform` is on PATH.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SHAPES, writeShapes } from '../support/plan-shapes';
import { type PlanWriterInput, writePlan } from '../support/plan-writer';
import { describeWithTerraform, terraform } from '../support/terraform';

type Plan = {
  resource_changes: { address: string; change: Record<string, unknown> }[];
  configuration: { root_module: unknown };
};

/** What the comparison holds: the changes as rule inputs see them, and the configuration without provider bookkeeping. */
function comparable(plan: Plan) {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v))
      if (!['provider_config_key', 'provider_name', 'source'].includes(k)) out[k] = strip(e);
    return out;
  };
  return {
    changes: (plan.resource_changes ?? [])
      .map((rc) =>
        strip({
          ...rc,
          change: {
            ...rc.change,
            after: dropNulls(rc.change.after),
            after_sensitive: marked(rc.change.after_sensitive),
          },
        }),
      )
      .sort((a, b) => ((a as { address: string }).address < (b as { address: string }).address ? -1 : 1)),
    configuration: strip(plan.configuration.root_module),
  };
}

/** Where the value is sensitive: the marks Terraform writes for the rest follow types the writer does not know. */
function marked(v: unknown, at = ''): string[] {
  if (v === true) return [at];
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, e]) => marked(e, `${at}/${k}`));
}

/** Terraform writes every attribute of the schema, null when unset; the writer knows no schema. */
function dropNulls(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v).filter(([, e]) => e !== null));
}

describeWithTerraform.each(['json', 'hcl'] as const)('the test plan writer, against terraform plan of %s', (form) => {
  jest.setTimeout(60_000);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rg-writer-'));
    writeShapes(dir, form);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the changes and the configuration terraform writes', () => {
    for (const args of [
      ['init', '-input=false', '-no-color'],
      ['plan', '-input=false', '-no-color', '-lock=false', '-out=plan.tfplan'],
    ]) {
      const r = terraform(args, { cwd: dir });
      expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 0, stderr: '' });
    }
    const real = JSON.parse(terraform(['show', '-json', 'plan.tfplan'], { cwd: dir }).stdout) as Plan;
    const written = writePlan({ ...(SHAPES as unknown as PlanWriterInput), form }) as unknown as Plan;
    expect(comparable(written)).toEqual(comparable(real));
  });
});

type StateModule = {
  resources?: { address: string; values: Record<string, unknown> }[];
  child_modules?: StateModule[];
};
type RefreshOnly = {
  planned_values: unknown;
  prior_state: { values: { root_module: StateModule } };
  resource_drift?: unknown;
  resource_changes?: unknown;
};

/** The state a refresh-only plan carries, with each id (random in a real run) written as the address it belongs to. */
function comparableState(plan: RefreshOnly) {
  const resources: { address: string; values: Record<string, unknown> }[] = [];
  const collect = (m: StateModule) => {
    resources.push(...(m.resources ?? []));
    for (const c of m.child_modules ?? []) collect(c);
  };
  collect(plan.prior_state.values.root_module);
  let text = JSON.stringify(
    resources
      .map((r) => ({ address: r.address, values: dropNulls(r.values) }))
      .sort((a, b) => (a.address < b.address ? -1 : 1)),
  );
  for (const r of resources)
    text = text.split(JSON.stringify(r.values.id)).join(JSON.stringify(`<id of ${r.address}>`));
  return {
    planned: plan.planned_values,
    drift: plan.resource_drift,
    changes: plan.resource_changes,
    state: JSON.parse(text) as unknown,
  };
}

describeWithTerraform('the test plan writer, against terraform plan -refresh-only', () => {
  jest.setTimeout(90_000);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rg-writer-refresh-'));
    writeShapes(dir, 'json');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the state it reads back, and plans nothing', () => {
    for (const args of [
      ['init', '-input=false', '-no-color'],
      ['apply', '-auto-approve', '-input=false', '-no-color', '-lock=false'],
      ['plan', '-refresh-only', '-input=false', '-no-color', '-lock=false', '-out=plan.tfplan'],
    ]) {
      const r = terraform(args, { cwd: dir });
      expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 0, stderr: '' });
    }
    const real = JSON.parse(terraform(['show', '-json', 'plan.tfplan'], { cwd: dir }).stdout) as RefreshOnly;
    const written = writePlan({
      ...(SHAPES as unknown as PlanWriterInput),
      mode: 'refresh-only',
    }) as unknown as RefreshOnly;
    expect(comparableState(written)).toEqual(comparableState(real));
    expect(comparable(written as unknown as Plan).configuration).toEqual(
      comparable(real as unknown as Plan).configuration,
    );
  });
});
