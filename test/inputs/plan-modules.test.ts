/**
 * The plan reader's model of a real plan is what its configuration says:
 * for test/support/plan-shapes.ts planned by terraform (recorded in
 * test/fixtures/plan/shapes, and planned afresh where terraform is on PATH),
 * in both languages, every value unknown until apply points at the objects
 * its expression reads — in the right module instance, through module
 * variables and outputs, narrowed by count.index and each — and every value
 * known at plan time is the literal.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG } from '../../policies/config/config';
import { RuleContext } from '../../policies/tenant/context';
import { loadFile } from '../../policies/inputs/load';
import { plannedShapes } from '../support/plan-shapes';
import { hasTerraform } from '../support/terraform';

/** `address path → what it reads`: target addresses, or `= value` for a literal. */
const READS: Record<'json' | 'hcl', [string, string, string][]> = {
  json: [
    ['terraform_data.listed', 'input', 'terraform_data.user[0], terraform_data.user[1]'],
    ['terraform_data.listed', 'input[1]', '= "literal"'],
  ],
  hcl: [
    // From HCL a list has one expression: its unknown elements hold what the whole reads.
    ['terraform_data.listed', 'input', 'terraform_data.user[0], terraform_data.user[1]'],
    ['terraform_data.listed', 'input[1]', '= "literal"'],
  ],
};
const BOTH: [string, string, string][] = [
  ['terraform_data.assign[0]', 'input.principal', 'terraform_data.user[0]'],
  ['terraform_data.assign[1]', 'input.principal', 'terraform_data.user[1]'],
  ['terraform_data.assign[1]', 'input.tag', '= "t"'],
  ['terraform_data.reads_input[1]', 'input.own', '= "u1"'],
  ['terraform_data.reads_input[1]', 'input.first', '= "u0-x"'],
  ['terraform_data.reads_input[1]', 'input.id', 'terraform_data.user[0]'],
  ['terraform_data.keyed["b"]', 'input', '= {"key":"b","name":"second"}'],
  ['module.team["ops"].terraform_data.this', 'input.name', '= "ops"'],
  ['module.team["ops"].terraform_data.this', 'input.num', '= 2'],
  ['module.team["ops"].terraform_data.this', 'input.who', 'terraform_data.user[0]'],
  ['module.team["desk"].module.inner.terraform_data.leaf', 'input', 'module.team["desk"].terraform_data.this'],
  ['module.single.terraform_data.this', 'input.who', 'module.team["desk"].terraform_data.this'],
  ['module.single.module.inner.terraform_data.leaf', 'input', 'module.single.terraform_data.this'],
  ['module.from_input.terraform_data.this', 'input', '= {"name":"u1","num":4,"who":"ops"}'],
  ['module.counted[1].terraform_data.leaf', 'input', 'terraform_data.user[1]'],
  ['module.counted[0].terraform_data.leaf', 'input', 'terraform_data.user[0]'],
  // depends_on = [module.team] orders, it says nothing of the value.
  ['terraform_data.after_module', 'input', 'module.single.terraform_data.this'],
];

async function contextOf(text: string): Promise<RuleContext> {
  const [stack] = await loadFile('plan.json', text);
  return new RuleContext(stack, DEFAULT_CONFIG, new Date('2026-11-30T12:00:00Z'));
}

/** What the attribute at `at` reads: `= literal` for an expected literal, else the addresses of its targets. */
function readsOf(ctx: RuleContext, address: string, at: string, expected: string): string {
  const resource = ctx.get(address);
  if (!resource) return `no resource ${address}`;
  const index = /^(.*)\[(\d+)\]$/.exec(at);
  const path = index ? index[1] : at;
  if (expected.startsWith('= ')) {
    const value = path
      .split('.')
      .reduce<unknown>(
        (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
        resource.values,
      );
    const picked = index && Array.isArray(value) ? value[Number(index[2])] : value;
    return `= ${JSON.stringify(picked, (_, v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v))}`;
  }
  return ctx
    .targets(resource, path)
    .resources.map((r) => r.address)
    .sort()
    .join(', ');
}

const SOURCES: [string, 'json' | 'hcl', () => string][] = [
  ['recorded .tf.json plan', 'json', () => readFileSync('test/fixtures/plan/shapes/json.json', 'utf8')],
  ['recorded HCL plan', 'hcl', () => readFileSync('test/fixtures/plan/shapes/hcl.json', 'utf8')],
  ...(hasTerraform
    ? ([
        ['.tf.json planned now', 'json', () => plannedShapes('json')],
        ['HCL planned now', 'hcl', () => plannedShapes('hcl')],
      ] as [string, 'json' | 'hcl', () => string][])
    : []),
];

describe.each(SOURCES)('what a %s reads', (_, form, plan) => {
  let ctx: RuleContext;
  beforeAll(async () => (ctx = await contextOf(plan())), 60_000);

  it.each([...BOTH, ...READS[form]])('%s %s reads %s', (address, at, expected) => {
    expect(readsOf(ctx, address, at, expected)).toBe(expected);
  });

  it('has every instance terraform plans, each once', () => {
    const addresses = ctx.stack.resources.map((r) => r.address);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses.filter((a) => a.startsWith('module.')).length).toBe(10);
  });
});
