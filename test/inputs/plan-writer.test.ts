/**
 * The test plan writer writes what Terraform writes: the same Terraform JSON
 * configuration of `terraform_data` resources (modules called with for_each
 * and count, a module inside a module, module variables and outputs, values
 * unknown until apply inside lists and objects, count.index and each.value)
 * planned by the real binary and by the writer gives the same changes and
 * the same configuration. The Okta and Entra plans the rule tests use come
 * from this writer. Skips where no `terraform` is on PATH.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type PlanWriterInput, writePlan } from '../support/plan-writer';
import { describeWithTerraform, terraform } from '../support/terraform';

export const SHAPES = {
  root: {
    variable: { suffix: { default: 'x' } },
    resource: {
      terraform_data: {
        user: { count: 2, input: 'u${count.index}' },
        assign: { count: 2, input: { principal: '${terraform_data.user[count.index].id}', tag: 't' } },
        listed: { input: ['${terraform_data.user[0].id}', 'literal', '${terraform_data.user[1].output}-${var.suffix}'] },
        // What another resource's configuration sets is known at plan time; what its provider computes is not.
        reads_input: { count: 2, input: { own: '${terraform_data.user[count.index].input}', first: '${terraform_data.user[0].input}-${var.suffix}', id: '${terraform_data.user[0].id}' } },
        keyed: { for_each: { a: { name: 'first' }, b: { name: 'second' } }, input: { name: '${each.value.name}', key: '${each.key}' } },
        after_module: { input: '${module.single.id}', depends_on: ['module.team'] },
      },
    },
    module: {
      team: { source: './team', for_each: { desk: { n: 1 }, ops: { n: 2 } }, name: '${each.key}', num: '${each.value.n}', who: '${terraform_data.user[0].id}' },
      single: { source: './team', name: 'single', num: 3, who: '${module.team["desk"].id}' },
      from_input: { source: './team', name: '${terraform_data.user[1].input}', num: 4, who: '${module.team["ops"].name}' },
    },
  },
  modules: {
    './team': {
      variable: { name: {}, num: {}, who: {} },
      resource: { terraform_data: { this: { input: { name: '${var.name}', num: '${var.num}', who: '${var.who}' } } } },
      module: { inner: { source: './inner', who: '${terraform_data.this.id}' } },
      output: { id: { value: '${terraform_data.this.id}' }, name: { value: '${var.name}' } },
    },
    './inner': {
      variable: { who: {} },
      resource: { terraform_data: { leaf: { input: '${var.who}' } } },
    },
  },
} as const;

type Plan = { resource_changes: { address: string; change: Record<string, unknown> }[]; configuration: { root_module: unknown } };

/** What the comparison holds: the changes as rule inputs see them, and the configuration without provider bookkeeping. */
function comparable(plan: Plan) {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v)) if (!['provider_config_key', 'provider_name', 'source'].includes(k)) out[k] = strip(e);
    return out;
  };
  return {
    changes: (plan.resource_changes ?? [])
      .map((rc) => strip({ ...rc, change: { ...rc.change, after: dropNulls(rc.change.after), after_sensitive: marked(rc.change.after_sensitive) } }))
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

/**
 * The same configuration in HCL, for the shapes above: a template string stays
 * a template, `depends_on` names its objects bare.
 */
export function toHcl(body: Record<string, unknown>): string {
  const value = (v: unknown, indent: string): string => {
    if (Array.isArray(v)) return `[${v.map((e) => value(e, indent)).join(', ')}]`;
    if (v !== null && typeof v === 'object') {
      const inner = Object.entries(v).map(([k, e]) => `${indent}  ${JSON.stringify(k)} = ${value(e, indent + '  ')}`);
      return `{\n${inner.join('\n')}\n${indent}}`;
    }
    // Inside `${…}` HCL reads an expression, not a string: leave it as written.
    if (typeof v === 'string') return `"${v.split(/(\$\{[^}]*\})/).map((part, i) => (i % 2 === 1 ? part : JSON.stringify(part).slice(1, -1))).join('')}"`;
    return JSON.stringify(v);
  };
  const block = (header: string, args: Record<string, unknown>) =>
    `${header} {\n${Object.entries(args).map(([k, v]) => `  ${k} = ${k === 'depends_on' ? `[${(v as string[]).join(', ')}]` : value(v, '  ')}`).join('\n')}\n}\n`;
  const out: string[] = [];
  const of = (v: unknown) => Object.entries((v ?? {}) as Record<string, Record<string, unknown>>);
  for (const [name, decl] of of(body.variable)) out.push(block(`variable "${name}"`, decl));
  for (const [type, byName] of of(body.resource)) for (const [name, args] of of(byName)) out.push(block(`resource "${type}" "${name}"`, args));
  for (const [name, args] of of(body.module)) out.push(block(`module "${name}"`, args));
  for (const [name, args] of of(body.output)) out.push(block(`output "${name}"`, args));
  return out.join('\n');
}

describeWithTerraform.each(['json', 'hcl'] as const)('the test plan writer, against terraform plan of %s', (form) => {
  jest.setTimeout(60_000);
  let dir: string;
  const write = (where: string, body: Record<string, unknown>) =>
    form === 'json' ? writeFileSync(path.join(where, 'main.tf.json'), JSON.stringify(body)) : writeFileSync(path.join(where, 'main.tf'), toHcl(body));
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rg-writer-'));
    write(dir, SHAPES.root);
    for (const [source, body] of Object.entries(SHAPES.modules)) {
      const where = source === './inner' ? path.join(dir, 'team', 'inner') : path.join(dir, source);
      mkdirSync(where, { recursive: true });
      write(where, body);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the changes and the configuration terraform writes', () => {
    for (const args of [['init', '-input=false', '-no-color'], ['plan', '-input=false', '-no-color', '-lock=false', '-out=plan.tfplan']]) {
      const r = terraform(args, { cwd: dir });
      expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 0, stderr: '' });
    }
    const real = JSON.parse(terraform(['show', '-json', 'plan.tfplan'], { cwd: dir }).stdout) as Plan;
    const written = writePlan({ ...(SHAPES as unknown as PlanWriterInput), form }) as unknown as Plan;
    expect(comparable(written)).toEqual(comparable(real));
  });
});

type StateModule = { resources?: { address: string; values: Record<string, unknown> }[]; child_modules?: StateModule[] };
type RefreshOnly = { planned_values: unknown; prior_state: { values: { root_module: StateModule } }; resource_drift?: unknown; resource_changes?: unknown };

/** The state a refresh-only plan carries, with each id (random in a real run) written as the address it belongs to. */
function comparableState(plan: RefreshOnly) {
  const resources: { address: string; values: Record<string, unknown> }[] = [];
  const collect = (m: StateModule) => {
    resources.push(...(m.resources ?? []));
    for (const c of m.child_modules ?? []) collect(c);
  };
  collect(plan.prior_state.values.root_module);
  let text = JSON.stringify(resources.map((r) => ({ address: r.address, values: dropNulls(r.values) })).sort((a, b) => (a.address < b.address ? -1 : 1)));
  for (const r of resources) text = text.split(JSON.stringify(r.values.id)).join(JSON.stringify(`<id of ${r.address}>`));
  return { planned: plan.planned_values, drift: plan.resource_drift, changes: plan.resource_changes, state: JSON.parse(text) as unknown };
}

describeWithTerraform('the test plan writer, against terraform plan -refresh-only', () => {
  jest.setTimeout(90_000);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rg-writer-refresh-'));
    writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(SHAPES.root));
    for (const [source, body] of Object.entries(SHAPES.modules)) {
      const where = source === './inner' ? path.join(dir, 'team', 'inner') : path.join(dir, source);
      mkdirSync(where, { recursive: true });
      writeFileSync(path.join(where, 'main.tf.json'), JSON.stringify(body));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the state it reads back, and plans nothing', () => {
    for (const args of [['init', '-input=false', '-no-color'], ['apply', '-auto-approve', '-input=false', '-no-color', '-lock=false'], ['plan', '-refresh-only', '-input=false', '-no-color', '-lock=false', '-out=plan.tfplan']]) {
      const r = terraform(args, { cwd: dir });
      expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 0, stderr: '' });
    }
    const real = JSON.parse(terraform(['show', '-json', 'plan.tfplan'], { cwd: dir }).stdout) as RefreshOnly;
    const written = writePlan({ ...(SHAPES as unknown as PlanWriterInput), mode: 'refresh-only' }) as unknown as RefreshOnly;
    expect(comparableState(written)).toEqual(comparableState(real));
    expect(comparable(written as unknown as Plan).configuration).toEqual(comparable(real as unknown as Plan).configuration);
  });
});
