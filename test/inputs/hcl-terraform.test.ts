/**
 * The HCL reader expands what Terraform expands: a configuration of only
 * `terraform_data` (built in, so `terraform init` downloads nothing) with
 * for_each over maps built by `for`, over another resource, count, a module
 * called for each key, `count = length(<resource>)`, computed keys, `for`
 * with `if` over a resource, a count written as a string and an override
 * file, is planned by the real binary and read by the reader; the addresses
 * must be the same, and so must every value the reader knows; and the plan,
 * read as a plan, is the same model. Skips where no
 * `terraform` is on PATH.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadInputs } from '../../policies/inputs/load';
import { Unknown, Value, isObject } from '../../policies/model/value';
import { describeWithTerraform, terraform } from '../support/terraform';

const MAIN = `
locals {
  roles       = { desk = ["User Administrator", "Global Reader"], admins = ["Global Administrator"] }
  assignments = merge([for team, roles in local.roles : { for role in roles : "\${team}|\${role}" => role }]...)
}
resource "terraform_data" "team" {
  for_each = local.roles
  input    = { name = each.key, roles = length(each.value) }
}
resource "terraform_data" "assignment" {
  for_each = local.assignments
  input    = { team = terraform_data.team[split("|", each.key)[0]].output, role = each.value }
}
resource "terraform_data" "over_team" {
  for_each = terraform_data.team
  input    = each.key
}
resource "terraform_data" "counted" {
  count = length(local.roles)
  input = [for i, n in keys(local.roles) : "\${i}:\${n}"][count.index]
}
module "member" {
  source   = "./member"
  for_each = toset(flatten(values(local.roles)))
  name     = upper(each.key)
}
resource "terraform_data" "by_length" {
  count = length(terraform_data.counted)
  input = "n\${count.index}"
}
resource "terraform_data" "computed_key" {
  for_each = local.assignments
  input    = join("|", slice(split("|", each.key), 0, 1))
}
resource "terraform_data" "filtered" {
  input = [for k, t in terraform_data.team : k if k == "desk"]
}
resource "terraform_data" "converted" {
  count = "2"
  input = "c\${count.index}"
}`;

/** Applied after main.tf, whatever the names' order: Terraform's override files. */
const OVERRIDE = `
resource "terraform_data" "counted" {
  input = "overridden-\${count.index}"
}`;

/** A value the reader knows entirely: no unknown anywhere inside. */
function known(v: Value): boolean {
  if (v instanceof Unknown) return false;
  if (Array.isArray(v)) return v.every(known);
  return isObject(v) ? Object.values(v).every(known) : true;
}

describeWithTerraform('HCL instances, against terraform plan', () => {
  jest.setTimeout(60_000);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rg-expand-'));
    mkdirSync(path.join(dir, 'member'));
    writeFileSync(path.join(dir, 'main.tf'), MAIN);
    writeFileSync(path.join(dir, 'a_override.tf'), OVERRIDE);
    writeFileSync(
      path.join(dir, 'member', 'main.tf'),
      'variable "name" {}\nresource "terraform_data" "this" {\n  input = var.name\n}\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has the addresses terraform plans, and the values it knows', async () => {
    const [stack] = await loadInputs([dir]); // before init: the reader never sees .terraform
    for (const args of [
      ['init', '-input=false', '-no-color'],
      ['plan', '-input=false', '-no-color', '-lock=false', '-out=plan.tfplan'],
    ]) {
      const r = terraform(args, { cwd: dir });
      expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 0, stderr: '' });
    }
    writeFileSync(path.join(dir, 'plan.json'), terraform(['show', '-json', 'plan.tfplan'], { cwd: dir }).stdout);
    const plan = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8')) as {
      resource_changes: { address: string; change: { after: { input: unknown } } }[];
    };
    const planned = new Map(plan.resource_changes.map((c) => [c.address, c.change.after.input]));
    expect(stack.resources.map((r) => r.address).sort()).toEqual([...planned.keys()].sort());
    const values = stack.resources.filter((r) => known(r.values.input)).map((r) => [r.address, r.values.input]);
    expect(values.length).toBeGreaterThanOrEqual(8);
    expect(values).toEqual(values.map(([address]) => [address, planned.get(address as string)]));
    // And the plan, read as a plan, is the same model: the same resources, the same known values.
    const [fromPlan] = await loadInputs([path.join(dir, 'plan.json')]);
    expect(fromPlan.resources.map((r) => r.address).sort()).toEqual(stack.resources.map((r) => r.address).sort());
    const planValues = new Map(fromPlan.resources.map((r) => [r.address, r.values.input]));
    expect(values).toEqual(values.map(([address]) => [address, planValues.get(address as string)]));
  });
});
