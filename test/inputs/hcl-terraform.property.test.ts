/**
 * A property, held against the real binary: for configurations of
 * `terraform_data` drawn at random from the idioms the HCL reader supports —
 * for_each over locals and over other resources, count (literal, written as a
 * string, and `length()` of another resource), computed keys, `for` with `if`
 * over a resource, a module called for each key, an override file — the
 * reader plans the addresses `terraform plan` plans, and every value it
 * claims to know is the value Terraform plans. Skips where no `terraform` is
 * on PATH; a failure prints the configuration (fast-check shrinks it).
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadInputs } from '../../policies/inputs/load';
import { Unknown, Value, isObject } from '../../policies/model/value';
import { describeWithTerraform, terraform } from '../support/terraform';

const KEYS = ['a-x', 'a-y', 'b-x', 'c'];

/** One resource's idiom, by the resources already written (so that references point backwards). */
const idiom = fc.oneof(
  fc.constant('map'),
  fc.constant('set'),
  fc.constant('count'),
  fc.constant('count-string'),
  fc.constant('count-length'),
  fc.constant('over-resource'),
  fc.constant('computed-key'),
  fc.constant('for-if'),
);

const configuration = fc.record({
  keys: fc.subarray(KEYS, { minLength: 1 }),
  count: fc.integer({ min: 0, max: 3 }),
  resources: fc.array(idiom, { minLength: 1, maxLength: 6 }),
  module: fc.boolean(),
  override: fc.boolean(),
});

type Drawn = { keys: string[]; count: number; resources: string[]; module: boolean; override: boolean };

/** The configuration's files: main.tf, and where drawn a module and an override file. */
function render(c: Drawn): Record<string, string> {
  const blocks: string[] = [
    `locals {\n  m = { ${c.keys.map((k, i) => `"${k}" = { n = ${i}, tag = "t${i}" }`).join(', ')} }\n  l = [${c.keys.map((k) => `"${k}"`).join(', ')}]\n}`,
  ];
  const counted: string[] = [];
  const keyed: string[] = [];
  c.resources.forEach((kind, i) => {
    const name = `r${i}`;
    let body: string | undefined;
    switch (kind) {
      case 'map':
        body = `for_each = local.m\n  input = "\${each.key}-\${each.value.n}"`;
        keyed.push(name);
        break;
      case 'set':
        body = `for_each = toset(local.l)\n  input = upper(each.key)`;
        keyed.push(name);
        break;
      case 'count':
        body = `count = ${c.count}\n  input = "c\${count.index}"`;
        counted.push(name);
        break;
      case 'count-string':
        body = `count = "${c.count}"\n  input = count.index * 2`;
        counted.push(name);
        break;
      case 'count-length':
        if (counted.length === 0) return;
        body = `count = length(terraform_data.${counted[counted.length - 1]})\n  input = { i = count.index, of = length(terraform_data.${counted[counted.length - 1]}) }`;
        counted.push(name);
        break;
      case 'over-resource':
        if (keyed.length === 0) return;
        body = `for_each = terraform_data.${keyed[keyed.length - 1]}\n  input = "over-\${each.key}"`;
        keyed.push(name);
        break;
      case 'computed-key':
        body = `for_each = local.m\n  input = local.m[join("-", slice(split("-", each.key), 0, length(split("-", each.key))))].tag`;
        keyed.push(name);
        break;
      case 'for-if':
        if (keyed.length === 0) return;
        body = `input = [for k, v in terraform_data.${keyed[keyed.length - 1]} : k if k != "${c.keys[0]}"]`;
        break;
    }
    blocks.push(`resource "terraform_data" "${name}" {\n  ${body}\n}`);
  });
  if (c.module)
    blocks.push(
      'module "per_key" {\n  source   = "./member"\n  for_each = local.m\n  name     = "${each.key}:${each.value.tag}"\n}',
    );
  const files: Record<string, string> = { 'main.tf': blocks.join('\n') + '\n' };
  if (c.module)
    files['member/main.tf'] = 'variable "name" {}\nresource "terraform_data" "this" {\n  input = var.name\n}\n';
  const first = blocks.length > 1 ? /resource "terraform_data" "(r\d+)"/.exec(blocks[1])?.[1] : undefined;
  if (c.override && first) files['override.tf'] = `resource "terraform_data" "${first}" {\n  input = "overridden"\n}\n`;
  return files;
}

/** Whether Terraform's `after_unknown` marks anything inside as unknown. */
function marksUnknown(marks: unknown): boolean {
  if (marks === true) return true;
  if (Array.isArray(marks)) return marks.some(marksUnknown);
  return marks !== null && typeof marks === 'object' ? Object.values(marks).some(marksUnknown) : false;
}

function known(v: Value | undefined): boolean {
  if (v === undefined || v instanceof Unknown) return false;
  if (Array.isArray(v)) return v.every(known);
  return isObject(v) ? Object.values(v).every(known) : true;
}

describeWithTerraform('the HCL reader against terraform plan, on configurations drawn at random', () => {
  jest.setTimeout(240_000);

  it('plans the same addresses, and knows only what Terraform knows, as Terraform knows it', async () => {
    await fc.assert(
      fc.asyncProperty(configuration, async (c) => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-property-'));
        try {
          for (const [name, text] of Object.entries(render(c))) {
            mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
            writeFileSync(path.join(dir, name), text);
          }
          const [stack] = await loadInputs([dir]);
          for (const args of [
            ['init', '-input=false', '-no-color', '-backend=false'],
            ['plan', '-input=false', '-no-color', '-lock=false', '-out=plan.tfplan'],
          ]) {
            const r = terraform(args, { cwd: dir });
            if (r.status !== 0) throw new Error(`terraform ${args[0]} failed: ${r.stderr}`);
          }
          const plan = JSON.parse(terraform(['show', '-json', 'plan.tfplan'], { cwd: dir }).stdout) as {
            resource_changes?: {
              address: string;
              change: { after: { input?: unknown }; after_unknown: { input?: unknown } };
            }[];
          };
          const planned = new Map((plan.resource_changes ?? []).map((rc) => [rc.address, rc.change]));
          expect(stack.resources.map((r) => r.address).sort()).toEqual([...planned.keys()].sort());
          for (const r of stack.resources) {
            if (!known(r.values.input)) continue;
            const change = planned.get(r.address)!;
            expect({
              address: r.address,
              input: r.values.input,
              unknown: marksUnknown(change.after_unknown.input),
            }).toEqual({ address: r.address, input: change.after.input ?? null, unknown: false });
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env.RG_PROPERTY_RUNS ?? 12), seed: Number(process.env.RG_PROPERTY_SEED ?? 20261130) },
    );
  });
});
