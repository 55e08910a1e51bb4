/**
 * One Terraform configuration of `terraform_data` resources with the shapes
 * plans of real tenants have: modules called with for_each and without, a
 * module inside a module, module variables and outputs, values known only
 * after apply inside lists and objects, count.index and each.value, values
 * another resource's configuration sets (known at plan time), depends_on. The
 * plan writer is held to what terraform plans of it; the plan reader is held
 * to what its configuration says.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { terraform } from './terraform';

export const SHAPES = {
  root: {
    variable: { suffix: { default: 'x' } },
    resource: {
      terraform_data: {
        user: { count: 2, input: 'u${count.index}' },
        assign: { count: 2, input: { principal: '${terraform_data.user[count.index].id}', tag: 't' } },
        listed: {
          input: ['${terraform_data.user[0].id}', 'literal', '${terraform_data.user[1].output}-${var.suffix}'],
        },
        // What another resource's configuration sets is known at plan time; what its provider computes is not.
        reads_input: {
          count: 2,
          input: {
            own: '${terraform_data.user[count.index].input}',
            first: '${terraform_data.user[0].input}-${var.suffix}',
            id: '${terraform_data.user[0].id}',
          },
        },
        keyed: {
          for_each: { a: { name: 'first' }, b: { name: 'second' } },
          input: { name: '${each.value.name}', key: '${each.key}' },
        },
        after_module: { input: '${module.single.id}', depends_on: ['module.team'] },
      },
    },
    module: {
      team: {
        source: './team',
        for_each: { desk: { n: 1 }, ops: { n: 2 } },
        name: '${each.key}',
        num: '${each.value.n}',
        who: '${terraform_data.user[0].id}',
      },
      single: { source: './team', name: 'single', num: 3, who: '${module.team["desk"].id}' },
      from_input: {
        source: './team',
        name: '${terraform_data.user[1].input}',
        num: 4,
        who: '${module.team["ops"].name}',
      },
      counted: { source: './inner', count: 2, who: '${terraform_data.user[count.index].id}' },
    },
  },
  modules: {
    './team': {
      variable: { name: {}, num: {}, who: {} },
      resource: { terraform_data: { this: { input: { name: '${var.name}', num: '${var.num}', who: '${var.who}' } } } },
      module: { inner: { source: '../inner', who: '${terraform_data.this.id}' } },
      output: { id: { value: '${terraform_data.this.id}' }, name: { value: '${var.name}' } },
    },
    // Called from the root as ./inner and from ./team as ../inner: one folder.
    './inner': {
      variable: { who: {} },
      resource: { terraform_data: { leaf: { input: '${var.who}' } } },
    },
  },
} as const;

/** Writes the configuration into `dir`, as `.tf.json` or as HCL, its modules in the folders their sources name. */
export function writeShapes(dir: string, form: 'json' | 'hcl'): void {
  const write = (where: string, body: Record<string, unknown>) =>
    form === 'json'
      ? writeFileSync(path.join(where, 'main.tf.json'), JSON.stringify(body))
      : writeFileSync(path.join(where, 'main.tf'), toHcl(body));
  write(dir, SHAPES.root);
  for (const [source, body] of Object.entries(SHAPES.modules)) {
    const where = path.join(dir, source);
    mkdirSync(where, { recursive: true });
    write(where, body);
  }
}

/**
 * The same configuration in HCL, for the shapes above: a template string stays
 * a template, `depends_on` names its objects bare.
 */
function toHcl(body: Record<string, unknown>): string {
  const value = (v: unknown, indent: string): string => {
    if (Array.isArray(v)) return `[${v.map((e) => value(e, indent)).join(', ')}]`;
    if (v !== null && typeof v === 'object') {
      const inner = Object.entries(v).map(([k, e]) => `${indent}  ${JSON.stringify(k)} = ${value(e, indent + '  ')}`);
      return `{\n${inner.join('\n')}\n${indent}}`;
    }
    // Inside `${…}` HCL reads an expression, not a string: leave it as written.
    if (typeof v === 'string')
      return `"${v
        .split(/(\$\{[^}]*\})/)
        .map((part, i) => (i % 2 === 1 ? part : JSON.stringify(part).slice(1, -1)))
        .join('')}"`;
    return JSON.stringify(v);
  };
  const block = (header: string, args: Record<string, unknown>) =>
    `${header} {\n${Object.entries(args)
      .map(([k, v]) => `  ${k} = ${k === 'depends_on' ? `[${(v as string[]).join(', ')}]` : value(v, '  ')}`)
      .join('\n')}\n}\n`;
  const out: string[] = [];
  const of = (v: unknown) => Object.entries((v ?? {}) as Record<string, Record<string, unknown>>);
  for (const [name, decl] of of(body.variable)) out.push(block(`variable "${name}"`, decl));
  for (const [type, byName] of of(body.resource))
    for (const [name, args] of of(byName)) out.push(block(`resource "${type}" "${name}"`, args));
  for (const [name, args] of of(body.module)) out.push(block(`module "${name}"`, args));
  for (const [name, args] of of(body.output)) out.push(block(`output "${name}"`, args));
  return out.join('\n');
}

/** The configuration planned by terraform (`terraform show -json`), in a folder of its own that is removed afterwards. */
export function plannedShapes(form: 'json' | 'hcl'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-shapes-'));
  try {
    writeShapes(dir, form);
    for (const args of [
      ['init', '-input=false', '-no-color'],
      ['plan', '-input=false', '-no-color', '-lock=false', '-out=plan.tfplan'],
    ]) {
      const r = terraform(args, { cwd: dir });
      if (r.status !== 0) throw new Error(`terraform ${args[0]}: ${r.stderr}`);
    }
    return terraform(['show', '-json', 'plan.tfplan'], { cwd: dir }).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
