/**
 * The HCL reader reads what Terraform reads, and says so when it cannot:
 * override files, directories of mixed languages, sensitive variables,
 * modules that call themselves, and sizes past what it expands. Each case is
 * the idiom, written fresh.
 */
import * as path from 'node:path';
import { RuleContext } from '../../policies/engine/context';
import { DEFAULT_CONFIG } from '../../policies/engine/config';
import { runRules } from '../../policies/engine/run';
import { loadInputs } from '../../policies/inputs/load';
import { RULES } from '../../policies/rules';
import { runCli } from '../support/memory-io';
import { hclStack, inDirectory } from '../support/stacks';

const NOW = new Date('2026-11-26T12:00:00Z');
const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

async function findingsIn(dir: string): Promise<string[]> {
  const result = runRules(await loadInputs([dir]), RULES, { config: DEFAULT_CONFIG, now: NOW });
  return result.findings.map((f) => `${f.ruleId} ${f.resource}`).sort();
}

describe('override files', () => {
  const base = `
resource "azuread_group" "ops" {
  display_name       = "Ops"
  security_enabled   = true
  assignable_to_role = true
}
resource "azuread_directory_role_assignment" "ops" {
  role_id             = "${HELPDESK}"
  principal_object_id = azuread_group.ops.object_id
  directory_scope_id  = "/administrativeUnits/11111111-1111-1111-1111-111111111111"
}`;

  it.each([
    ['a_override.tf', 'b.tf'],
    ['override.tf', 'z.tf'],
  ])('%s applies over %s whatever the names\' order', async (overrideName, mainName) => {
    await inDirectory({ [mainName]: base, [overrideName]: `resource "azuread_directory_role_assignment" "ops" {\n  role_id = "${GLOBAL_ADMINISTRATOR}"\n}\n` }, async (dir) => {
      const [stack] = await loadInputs([dir]);
      const assignment = stack.resources.find((r) => r.address === 'azuread_directory_role_assignment.ops')!;
      expect(assignment.values.role_id).toBe(GLOBAL_ADMINISTRATOR);
      expect(assignment.values.principal_object_id).toBeDefined(); // the rest of the block stays
      expect(stack.resources.filter((r) => r.address === 'azuread_directory_role_assignment.ops')).toHaveLength(1);
    });
  });

  it('override files apply in their own names\' order, after every other file', async () => {
    await inDirectory({
      'main.tf': base,
      'a_override.tf': 'locals {\n  x = 1\n}\nresource "azuread_group" "ops" {\n  display_name = "First"\n}\n',
      'b_override.tf': 'resource "azuread_group" "ops" {\n  display_name = "Second"\n}\n',
      'locals.tf': 'locals {\n  x = 0\n}\n',
    }, async (dir) => {
      const [stack] = await loadInputs([dir]);
      expect(stack.resources.find((r) => r.address === 'azuread_group.ops')!.values.display_name).toBe('Second');
    });
  });

  it('an override of a block no other file declares is an input error, as in Terraform', async () => {
    await inDirectory({ 'main.tf': base, 'x_override.tf': 'resource "azuread_group" "missing" {\n  display_name = "M"\n}\n' }, async (dir) => {
      const r = await runCli(['check', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`recovery-gate: ${path.join(dir, 'x_override.tf')}: overrides azuread_group.missing, which no other file of the module declares (Terraform rejects this)\n`);
    });
  });
});

describe('directories read as one module', () => {
  const helpdesk = 'resource "okta_group" "desk" {\n  name = "Desk"\n}\nresource "okta_group_role" "desk" {\n  group_id  = okta_group.desk.id\n  role_type = "HELP_DESK_ADMIN"\n}\n';

  it('.tf files beside a cdk.tf.json are read with it', async () => {
    const cdk = JSON.stringify({ '//': { metadata: { stackName: 'x' } }, resource: { okta_group: { staff: { name: 'Staff' } } } });
    await inDirectory({ 'cdk.tf.json': cdk, 'helpdesk.tf': helpdesk }, async (dir) => {
      const [stack] = await loadInputs([dir]);
      expect(stack.resources.map((r) => r.address).sort()).toEqual(['okta_group.desk', 'okta_group.staff', 'okta_group_role.desk']);
      expect(await findingsIn(dir)).toContain('RG-01 okta_group_role.desk');
    });
  });

  it('a stray manifest.json that names no stack there does not hide the .tf files', async () => {
    const manifest = JSON.stringify({ version: '0.21.0', stacks: { old: { name: 'old', synthesizedStackPath: 'stacks/old/cdk.tf.json' } } });
    await inDirectory({ 'manifest.json': manifest, 'main.tf': helpdesk }, async (dir) => {
      expect(await findingsIn(dir)).toContain('RG-01 okta_group_role.desk');
    });
  });

  it('a real cdktf output is still read as cdktf', async () => {
    const manifest = JSON.stringify({ version: '0.21.0', stacks: { acme: { name: 'acme', synthesizedStackPath: 'stacks/acme/cdk.tf.json' } } });
    const cdk = JSON.stringify({ resource: { okta_group: { staff: { name: 'Staff' } } } });
    await inDirectory({ 'manifest.json': manifest, 'stacks/acme/cdk.tf.json': cdk }, async (dir) => {
      const stacks = await loadInputs([dir]);
      expect(stacks.map((s) => `${s.name} ${s.kind}`)).toEqual(['acme cdktf']);
    });
  });
});

describe('sensitive values', () => {
  it('a variable declared sensitive, by default or by tfvars, and sensitive("…") are never printed', async () => {
    const tf = `
variable "support_mail" {
  type      = string
  sensitive = true
  default   = "CANARY-default-3b1f@acme.example"
}
variable "second" {
  sensitive = true
}
resource "okta_user" "admin" {
  login        = "ada@acme.example"
  email        = var.support_mail
  second_email = var.second
  first_name   = sensitive("CANARY-fn-5c2d")
  last_name    = "Admin"
}
resource "okta_user" "other" {
  login      = "bob@acme.example"
  email      = var.support_mail
  first_name = "Bob"
  last_name  = "Admin"
}
resource "okta_group" "admins" {
  name = "Admins"
}
resource "okta_group_memberships" "admins" {
  group_id = okta_group.admins.id
  users    = [okta_user.admin.id, okta_user.other.id]
}
resource "okta_group_role" "admins" {
  group_id  = okta_group.admins.id
  role_type = "SUPER_ADMIN"
}`;
    await inDirectory({ 'main.tf': tf, 'terraform.tfvars': 'second = "CANARY-tfvars-9e8a@acme.example"\n' }, async (dir) => {
      for (const format of ['text', 'json', 'markdown', 'sarif', 'junit']) {
        for (const args of [['check', dir], ['review', '--base', dir, '--head', dir]]) {
          const r = await runCli([...args, '--format', format]);
          expect(r.stderr).toBe('');
          expect(`${args[0]} ${format}: ${r.stdout}`).not.toMatch(/CANARY/);
        }
      }
      const [stack] = await loadInputs([dir]);
      expect(String(stack.resources.find((r) => r.address === 'okta_user.admin')!.values.email)).toBe('(sensitive)');
    });
  });
});

describe('recursion and size', () => {
  it('a module that calls itself is a one-line input error naming the file and line', async () => {
    await inDirectory({
      'main.tf': 'module "loop" {\n  source = "./loop"\n}\n',
      'loop/main.tf': 'resource "okta_group" "g" {\n  name = "g"\n}\n\nmodule "again" {\n  source = "../loop"\n}\n',
    }, async (dir) => {
      const started = Date.now();
      const r = await runCli(['check', dir]);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^recovery-gate: .*loop\/main\.tf: line 5: module "again" calls \.\.\/loop, which is already being read: a module that calls itself, directly or through others, has no end \(Terraform rejects it\)\n$/);
    });
  });

  it('two modules that call each other, likewise', async () => {
    await inDirectory({
      'main.tf': 'module "a" {\n  source = "./a"\n}\n',
      'a/main.tf': 'module "b" {\n  source = "../b"\n}\n',
      'b/main.tf': 'module "a" {\n  source = "../a"\n}\n',
    }, async (dir) => {
      const r = await runCli(['check', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/b\/main\.tf: line 1: module "a" calls \.\.\/a, which is already being read/);
    });
  });

  it.each(['1e12', '10000000', '-1', '1.5'])('count = %s is not expanded: the resource stands for its instances and is noticed, at once', async (count) => {
    const started = Date.now();
    const stack = await hclStack(`resource "okta_group" "many" {\n  count = ${count}\n  name  = "g\${count.index}"\n}\n`);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(stack.resources.map((r) => r.address)).toEqual(['okta_group.many[*]']);
    expect(stack.notEvaluated).toEqual(['okta_group.many[*]']);
  });

  it('a list doubled thirty times, and for expressions nested over large lists, stop at the bound and are noticed, at once', async () => {
    const doubling = Array.from({ length: 30 }, (_, i) => `  l${i + 1} = concat(local.l${i}, local.l${i})`).join('\n');
    const started = Date.now();
    const stack = await hclStack(`
locals {
  l0 = ["a", "b"]
${doubling}
  big = [for i in local.l17 : [for j in local.l12 : "\${i}\${j}"]]
}
resource "okta_group" "doubled" {
  name        = "g"
  description = length(local.l30)
}
resource "okta_group" "nested" {
  name        = "n"
  description = length(local.big)
}`);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect([...stack.notEvaluated].sort()).toEqual(['okta_group.doubled', 'okta_group.nested']);
  });
});

describe('what the reader knows, it knows as Terraform does', () => {
  it('the context resolves an override-renamed role', async () => {
    await inDirectory({
      'main.tf': `resource "azuread_user" "u" {\n  user_principal_name = "u@acme.example"\n  display_name = "U"\n}\nresource "azuread_directory_role_assignment" "u" {\n  role_id = "${HELPDESK}"\n  principal_object_id = azuread_user.u.object_id\n}\n`,
      'main_override.tf': `resource "azuread_directory_role_assignment" "u" {\n  role_id = "${GLOBAL_ADMINISTRATOR}"\n}\n`,
    }, async (dir) => {
      const [stack] = await loadInputs([dir]);
      const ctx = new RuleContext(stack, DEFAULT_CONFIG, NOW);
      expect(JSON.stringify(ctx.grants.map((g) => g.role))).toMatch(/Global Administrator|62e90394/);
    });
  });
});
