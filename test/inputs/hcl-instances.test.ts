/** HCL `count` and `for_each`: literal collections, and `for_each` over another resource's instances (`for_each = azuread_user.break_glass`). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RuleContext } from '../../policies/tenant/context';
import { DEFAULT_CONFIG } from '../../policies/config/config';
import { runRules } from '../../policies/engine/run';
import { loadInputs } from '../../policies/inputs/load';
import { RULES } from '../../policies/rules';
import rg12 from '../../policies/rules/RG-12-break-glass-narrow';
import { hclStack } from '../support/stacks';

const NOW = new Date('2026-11-26T12:00:00Z');

/** A help-desk grant to each group of a for_each over `over`. */
const helpDeskOver = (name: string, over: string) => `resource "okta_group_role" "${name}" {
  for_each  = ${over}
  group_id  = each.value.id
  role_type = "HELP_DESK_ADMIN"
}`;

// The break-glass idiom of real tenants: accounts by for_each, their Global Administrator assignments by for_each over the accounts.
const BREAK_GLASS = `
resource "azuread_directory_role_assignment" "break_glass_ga" {
  for_each            = azuread_user.break_glass
  role_id             = "62e90394-69f5-4237-9190-012177145e10"
  principal_object_id = each.value.object_id
}
resource "azuread_user" "break_glass" {
  for_each            = toset(["bg1", "bg2"])
  user_principal_name = "\${each.key}@acme.onmicrosoft.com"
  display_name        = "Break glass \${each.key}"
}`;

describe('HCL instances', () => {
  it('expands for_each over another resource into one instance per key, each.value naming that instance, wherever the other is declared', async () => {
    const stack = await hclStack(BREAK_GLASS);
    expect(stack.notEvaluated).toEqual([]);
    const ctx = new RuleContext(stack, DEFAULT_CONFIG, NOW);
    const assignments = ctx.resourcesOf('azuread_directory_role_assignment');
    expect(assignments.map((a) => a.address)).toEqual([
      'azuread_directory_role_assignment.break_glass_ga["bg1"]',
      'azuread_directory_role_assignment.break_glass_ga["bg2"]',
    ]);
    expect(assignments.map((a) => ctx.target(a, 'principal_object_id')?.address)).toEqual([
      'azuread_user.break_glass["bg1"]',
      'azuread_user.break_glass["bg2"]',
    ]);
  });

  it('so each break-glass account is seen to hold Global Administrator (RG-12)', async () => {
    const result = runRules([await hclStack(BREAK_GLASS)], [rg12], { now: NOW });
    expect(result.findings.map((f) => `${f.messageId} ${f.resource}`)).toEqual([]);
  });

  it('chains: for_each over a resource that is itself for_each over another', async () => {
    const stack = await hclStack(`
resource "okta_group" "team" {
  for_each = toset(["a", "b"])
  name     = each.key
}
${helpDeskOver('desk', 'okta_group.team')}
resource "okta_group_rule" "desk" {
  for_each          = okta_group_role.desk
  name              = "rule \${each.key}"
  group_assignments = [okta_group.team[each.key].id]
}`);
    expect(stack.resources.filter((r) => r.type === 'okta_group_rule').map((r) => [r.address, r.values.name])).toEqual([
      ['okta_group_rule.desk["a"]', 'rule a'],
      ['okta_group_rule.desk["b"]', 'rule b'],
    ]);
  });

  it('expands for_each over a map built by for expressions, whose values read resources; what a data source reads is noticed, not guessed', async () => {
    const stack = await hclStack(`
locals {
  roles = { desk = ["User Administrator", "Global Reader"], admins = ["Global Administrator"] }
  assignments = merge([
    for team, roles in local.roles : {
      for role in roles : "\${team}|\${role}" => { group_id = azuread_group.team[team].object_id, role = role }
    }
  ]...)
}
data "azuread_directory_role_templates" "all" {}
resource "azuread_group" "team" {
  for_each           = local.roles
  display_name       = each.key
  security_enabled   = true
  assignable_to_role = true
}
resource "azuread_directory_role_assignment" "team" {
  for_each            = local.assignments
  role_id             = { for t in data.azuread_directory_role_templates.all.role_templates : t.display_name => t.object_id }[each.value.role]
  principal_object_id = each.value.group_id
}`);
    const ctx = new RuleContext(stack, DEFAULT_CONFIG, NOW);
    expect(
      ctx
        .resourcesOf('azuread_directory_role_assignment')
        .map((a) => [a.address, ctx.target(a, 'principal_object_id')?.address]),
    ).toEqual([
      ['azuread_directory_role_assignment.team["admins|Global Administrator"]', 'azuread_group.team["admins"]'],
      ['azuread_directory_role_assignment.team["desk|Global Reader"]', 'azuread_group.team["desk"]'],
      ['azuread_directory_role_assignment.team["desk|User Administrator"]', 'azuread_group.team["desk"]'],
    ]);
    expect(stack.notEvaluated).toEqual(ctx.resourcesOf('azuread_directory_role_assignment').map((a) => a.address));
  });

  it('stands one instance for all where for_each cannot be expanded (over a resource with count, with unknown keys, outside the module, or in a cycle), and notices it', async () => {
    const stack = await hclStack(`
variable "names" {}
resource "okta_group" "counted" {
  count = 2
  name  = "g\${count.index}"
}
resource "okta_group" "unknown" {
  for_each = var.names
  name     = each.key
}
${helpDeskOver('over_counted', 'okta_group.counted')}
${helpDeskOver('over_unknown', 'okta_group.unknown')}
${helpDeskOver('over_module', 'module.groups.all')}
resource "okta_group" "one" {
  for_each = okta_group.two
  name     = each.key
}
resource "okta_group" "two" {
  for_each = okta_group.one
  name     = each.key
}`);
    expect([...stack.notEvaluated].sort()).toEqual([
      'okta_group.one[*]',
      'okta_group.two[*]',
      'okta_group.unknown[*]',
      'okta_group_role.over_counted[*]',
      'okta_group_role.over_module[*]',
      'okta_group_role.over_unknown[*]',
    ]);
    expect(stack.resources.map((r) => r.address).sort()).toEqual(
      ['okta_group.counted[0]', 'okta_group.counted[1]', ...stack.notEvaluated].sort(),
    );
    // Over a resource whose keys are not known, each.value is the instance that stands for all of the other's.
    const ctx = new RuleContext(stack, DEFAULT_CONFIG, NOW);
    expect(ctx.target(ctx.get('okta_group_role.over_unknown[*]')!, 'group_id')?.address).toBe('okta_group.unknown[*]');
  });

  it('checks what every instance of an unexpandable resource does, and notices only what it cannot tell', async () => {
    const stack = await hclStack(`
variable "admins" {}
resource "azuread_directory_role_assignment" "admins" {
  for_each            = var.admins
  role_id             = "729827e3-9c14-49f7-bb1b-9608f156bbb8" # Helpdesk Administrator
  principal_object_id = each.value
}`);
    const result = runRules([stack], RULES, { now: NOW });
    const on = result.findings.filter((f) => f.resource === 'azuread_directory_role_assignment.admins[*]');
    // Each instance grants help desk over the whole tenant (RG-01); whether it is standing for someone who should not hold it (RG-03) is for the plan to say.
    expect(on.map((f) => `${f.ruleId} ${f.messageId}`)).toEqual(['RG-01 unscopedEntra']);
    expect(on.filter((f) => f.unverified)).toEqual([]);
    expect(result.notices.map((n) => n.resources)).toContainEqual(['azuread_directory_role_assignment.admins[*]']);
  });
});

describe('HCL module instances', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rg-modules-'));
    mkdirSync(path.join(dir, 'team'));
    writeFileSync(
      path.join(dir, 'team', 'main.tf'),
      `variable "name" {}
variable "role" {}
resource "okta_group" "this" { name = var.name }
resource "okta_group_role" "this" {
  group_id  = okta_group.this.id
  role_type = var.role
}`,
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('expands a module called with for_each, one set of resources per key; one with unknown keys stands for all, noticed', async () => {
    writeFileSync(
      path.join(dir, 'main.tf'),
      `variable "vendors" {}
module "teams" {
  source   = "./team"
  for_each = { desk = "HELP_DESK_ADMIN", admins = "SUPER_ADMIN" }
  name     = each.key
  role     = each.value
}
module "vendors" {
  source   = "./team"
  for_each = var.vendors
  name     = each.key
  role     = "HELP_DESK_ADMIN"
}`,
    );
    const [stack] = await loadInputs([dir]);
    const ctx = new RuleContext(stack, DEFAULT_CONFIG, NOW);
    expect(
      ctx
        .resourcesOf('okta_group_role')
        .map((r) => [r.address, r.values.role_type, ctx.target(r, 'group_id')?.address]),
    ).toEqual([
      ['module.teams["admins"].okta_group_role.this', 'SUPER_ADMIN', 'module.teams["admins"].okta_group.this'],
      ['module.teams["desk"].okta_group_role.this', 'HELP_DESK_ADMIN', 'module.teams["desk"].okta_group.this'],
      ['module.vendors[*].okta_group_role.this', 'HELP_DESK_ADMIN', 'module.vendors[*].okta_group.this'],
    ]);
    expect([...stack.notEvaluated].sort()).toEqual([
      'module.vendors[*].okta_group.this',
      'module.vendors[*].okta_group_role.this',
    ]);
  });
});
