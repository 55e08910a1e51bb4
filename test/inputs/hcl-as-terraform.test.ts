/**
 * The HCL reader reads what Terraform reads, and says so when it cannot:
 * override files, directories of mixed languages, sensitive variables,
 * modules that call themselves, and sizes past what it expands. Each case is
 * the idiom, written fresh.
 */
import * as path from 'node:path';
import { RuleContext } from '../../policies/tenant/context';
import { DEFAULT_CONFIG } from '../../policies/config/config';
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
  ])("%s applies over %s whatever the names' order", async (overrideName, mainName) => {
    await inDirectory(
      {
        [mainName]: base,
        [overrideName]: `resource "azuread_directory_role_assignment" "ops" {\n  role_id = "${GLOBAL_ADMINISTRATOR}"\n}\n`,
      },
      async (dir) => {
        const [stack] = await loadInputs([dir]);
        const assignment = stack.resources.find((r) => r.address === 'azuread_directory_role_assignment.ops')!;
        expect(assignment.values.role_id).toBe(GLOBAL_ADMINISTRATOR);
        expect(assignment.values.principal_object_id).toBeDefined(); // the rest of the block stays
        expect(stack.resources.filter((r) => r.address === 'azuread_directory_role_assignment.ops')).toHaveLength(1);
      },
    );
  });

  it("override files apply in their own names' order, after every other file", async () => {
    await inDirectory(
      {
        'main.tf': base,
        'a_override.tf': 'locals {\n  x = 1\n}\nresource "azuread_group" "ops" {\n  display_name = "First"\n}\n',
        'b_override.tf': 'resource "azuread_group" "ops" {\n  display_name = "Second"\n}\n',
        'locals.tf': 'locals {\n  x = 0\n}\n',
      },
      async (dir) => {
        const [stack] = await loadInputs([dir]);
        expect(stack.resources.find((r) => r.address === 'azuread_group.ops')!.values.display_name).toBe('Second');
      },
    );
  });

  it('an override of a block no other file declares is an input error, as in Terraform', async () => {
    await inDirectory(
      { 'main.tf': base, 'x_override.tf': 'resource "azuread_group" "missing" {\n  display_name = "M"\n}\n' },
      async (dir) => {
        const r = await runCli(['check', dir]);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(
          `recovery-gate: ${path.join(dir, 'x_override.tf')}: overrides azuread_group.missing, which no other file of the module declares (Terraform rejects this)\n`,
        );
      },
    );
  });
});

describe('directories read as one module', () => {
  const helpdesk =
    'resource "okta_group" "desk" {\n  name = "Desk"\n}\nresource "okta_group_role" "desk" {\n  group_id  = okta_group.desk.id\n  role_type = "HELP_DESK_ADMIN"\n}\n';

  it('.tf files beside a cdk.tf.json are read with it', async () => {
    const cdk = JSON.stringify({
      '//': { metadata: { stackName: 'x' } },
      resource: { okta_group: { staff: { name: 'Staff' } } },
    });
    await inDirectory({ 'cdk.tf.json': cdk, 'helpdesk.tf': helpdesk }, async (dir) => {
      const [stack] = await loadInputs([dir]);
      expect(stack.resources.map((r) => r.address).sort()).toEqual([
        'okta_group.desk',
        'okta_group.staff',
        'okta_group_role.desk',
      ]);
      expect(await findingsIn(dir)).toContain('RG-01 okta_group_role.desk');
    });
  });

  it('a stray manifest.json that names no stack there does not hide the .tf files', async () => {
    const manifest = JSON.stringify({
      version: '0.21.0',
      stacks: { old: { name: 'old', synthesizedStackPath: 'stacks/old/cdk.tf.json' } },
    });
    await inDirectory({ 'manifest.json': manifest, 'main.tf': helpdesk }, async (dir) => {
      expect(await findingsIn(dir)).toContain('RG-01 okta_group_role.desk');
    });
  });

  it('a real cdktf output is still read as cdktf', async () => {
    const manifest = JSON.stringify({
      version: '0.21.0',
      stacks: { acme: { name: 'acme', synthesizedStackPath: 'stacks/acme/cdk.tf.json' } },
    });
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
    await inDirectory(
      { 'main.tf': tf, 'terraform.tfvars': 'second = "CANARY-tfvars-9e8a@acme.example"\n' },
      async (dir) => {
        for (const format of ['text', 'json', 'markdown', 'sarif', 'junit']) {
          for (const args of [
            ['check', dir],
            ['review', '--base', dir, '--head', dir],
          ]) {
            const r = await runCli([...args, '--format', format]);
            expect(r.stderr).toBe('');
            expect(`${args[0]} ${format}: ${r.stdout}`).not.toMatch(/CANARY/);
          }
        }
        const [stack] = await loadInputs([dir]);
        expect(String(stack.resources.find((r) => r.address === 'okta_user.admin')!.values.email)).toBe('(sensitive)');
      },
    );
  });
});

describe('recursion and size', () => {
  it('a module that calls itself is a one-line input error naming the file and line', async () => {
    await inDirectory(
      {
        'main.tf': 'module "loop" {\n  source = "./loop"\n}\n',
        'loop/main.tf': 'resource "okta_group" "g" {\n  name = "g"\n}\n\nmodule "again" {\n  source = "../loop"\n}\n',
      },
      async (dir) => {
        const started = Date.now();
        const r = await runCli(['check', dir]);
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(
          /^recovery-gate: .*loop\/main\.tf: line 5: module "again" calls \.\.\/loop, which is already being read: a module that calls itself, directly or through others, has no end \(Terraform rejects it\)\n$/,
        );
      },
    );
  });

  it('two modules that call each other, likewise', async () => {
    await inDirectory(
      {
        'main.tf': 'module "a" {\n  source = "./a"\n}\n',
        'a/main.tf': 'module "b" {\n  source = "../b"\n}\n',
        'b/main.tf': 'module "a" {\n  source = "../a"\n}\n',
      },
      async (dir) => {
        const r = await runCli(['check', dir]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/b\/main\.tf: line 1: module "a" calls \.\.\/a, which is already being read/);
      },
    );
  });

  it.each(['1e12', '10000000', '-1', '1.5'])(
    'count = %s is not expanded: the resource stands for its instances and is noticed, at once',
    async (count) => {
      const started = Date.now();
      const stack = await hclStack(
        `resource "okta_group" "many" {\n  count = ${count}\n  name  = "g\${count.index}"\n}\n`,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(stack.resources.map((r) => r.address)).toEqual(['okta_group.many[*]']);
      expect(stack.notEvaluated).toEqual(['okta_group.many[*]']);
    },
  );

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
    await inDirectory(
      {
        'main.tf': `resource "azuread_user" "u" {\n  user_principal_name = "u@acme.example"\n  display_name = "U"\n}\nresource "azuread_directory_role_assignment" "u" {\n  role_id = "${HELPDESK}"\n  principal_object_id = azuread_user.u.object_id\n}\n`,
        'main_override.tf': `resource "azuread_directory_role_assignment" "u" {\n  role_id = "${GLOBAL_ADMINISTRATOR}"\n}\n`,
      },
      async (dir) => {
        const [stack] = await loadInputs([dir]);
        const ctx = new RuleContext(stack, DEFAULT_CONFIG, NOW);
        expect(JSON.stringify(ctx.grants.map((g) => g.role))).toMatch(/Global Administrator|62e90394/);
      },
    );
  });
});

async function findingsOf(tf: string): Promise<string[]> {
  const result = runRules([await hclStack(tf)], RULES, { config: DEFAULT_CONFIG, now: NOW });
  return result.findings.map((f) => `${f.ruleId} ${f.messageId} ${f.resource}`).sort();
}

describe('values read as Terraform converts them', () => {
  const rule = (mfa: string, excluded = '[]') => `
resource "okta_policy_signon" "everyone" {
  name   = "Everyone"
  status = "ACTIVE"
}
resource "okta_user" "pat" {
  login      = "pat@acme.example"
  email      = "pat@acme.example"
  first_name = "Pat"
  last_name  = "Lee"
}
resource "okta_policy_rule_signon" "mfa" {
  policy_id      = okta_policy_signon.everyone.id
  name           = "MFA"
  status         = "ACTIVE"
  access         = "ALLOW"
  mfa_required   = ${mfa}
  users_excluded = ${excluded}
}`;

  it('mfa_required = "true" requires MFA, as true does (no RG-07)', async () => {
    expect((await findingsOf(rule('"true"'))).filter((f) => f.startsWith('RG-07'))).toEqual([]);
    expect((await findingsOf(rule('true'))).filter((f) => f.startsWith('RG-07'))).toEqual([]);
    expect((await findingsOf(rule('"false"'))).filter((f) => f.startsWith('RG-07'))).toEqual([
      'RG-07 oneFactorRule okta_policy_rule_signon.mfa',
    ]);
  });

  it('and an exclusion from a rule whose mfa_required is "true" is RG-08', async () => {
    expect((await findingsOf(rule('"true"', '[okta_user.pat.id]'))).filter((f) => f.startsWith('RG-08'))).toEqual([
      'RG-08 oktaExclusion okta_policy_rule_signon.mfa',
    ]);
  });
});

const ENTRA_USERS = `
resource "azuread_user" "bg" {
  count               = 2
  user_principal_name = "breakglass\${count.index + 1}@acme.onmicrosoft.com"
  display_name        = "Break glass \${count.index + 1}"
}`;

describe('count and for_each over other resources', () => {
  it('count = length(azuread_user.bg) with azuread_user.bg[count.index]: each break-glass account holds Global Administrator (no RG-12)', async () => {
    const tf = `${ENTRA_USERS}
resource "azuread_directory_role_assignment" "bg_ga" {
  count               = length(azuread_user.bg)
  role_id             = "${GLOBAL_ADMINISTRATOR}"
  principal_object_id = azuread_user.bg[count.index].object_id
}`;
    const stack = await hclStack(tf);
    expect(stack.resources.map((r) => r.address)).toContain('azuread_directory_role_assignment.bg_ga[1]');
    const ctx = new RuleContext(stack, DEFAULT_CONFIG, NOW);
    expect(
      ctx.resourcesOf('azuread_directory_role_assignment').map((a) => ctx.target(a, 'principal_object_id')?.address),
    ).toEqual(['azuread_user.bg[0]', 'azuread_user.bg[1]']);
    expect((await findingsOf(tf)).filter((f) => f.startsWith('RG-12'))).toEqual([]);
  });

  it('[for k, g in azuread_group.g : g.object_id if k == "tier-0"] names only that group: a policy over it does not cover the other tier (RG-06)', async () => {
    const tf = `
provider "azuread" {}
resource "azuread_group" "g" {
  for_each           = toset(["tier-0", "tier-1"])
  display_name       = each.key
  security_enabled   = true
  assignable_to_role = true
}
resource "azuread_directory_role_assignment" "tier" {
  for_each            = azuread_group.g
  role_id             = "${GLOBAL_ADMINISTRATOR}"
  principal_object_id = each.value.object_id
}
resource "azuread_conditional_access_policy" "admins" {
  display_name = "Admins: phishing-resistant"
  state        = "enabled"
  conditions {
    client_app_types = ["all"]
    users {
      included_groups = [for k, g in azuread_group.g : g.object_id if k == "tier-0"]
    }
    applications {
      included_applications = ["All"]
    }
  }
  grant_controls {
    operator                          = "OR"
    authentication_strength_policy_id = "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004"
  }
}`;
    const stack = await hclStack(tf);
    const ctx = new RuleContext(stack, DEFAULT_CONFIG, NOW);
    const policy = ctx.get('azuread_conditional_access_policy.admins')!;
    expect(ctx.targets(policy, 'conditions.users.included_groups').resources.map((r) => r.address)).toEqual([
      'azuread_group.g["tier-0"]',
    ]);
    expect((await findingsOf(tf)).filter((f) => f.startsWith('RG-06'))).toEqual(['RG-06 noEntraPolicy null']); // tier-1's Global Administrators are covered by no policy
  });
});

describe('computed keys', () => {
  const units = (key: string) => `
resource "azuread_administrative_unit" "au" {
  for_each     = toset(["tier-1", "tier-2"])
  display_name = each.key
}
resource "azuread_user" "admin" {
  user_principal_name = "ada@acme.example"
  display_name        = "Ada"
}
resource "azuread_directory_role_assignment" "admin_ga" {
  role_id             = "${GLOBAL_ADMINISTRATOR}"
  principal_object_id = azuread_user.admin.object_id
}
resource "azuread_administrative_unit_member" "admin_in_tier_1" {
  administrative_unit_object_id = azuread_administrative_unit.au["tier-1"].object_id
  member_object_id              = azuread_user.admin.object_id
}
resource "azuread_group" "desk" {
  for_each           = toset(["tier-2-desk-a", "tier-2-desk-b"])
  display_name       = each.key
  security_enabled   = true
  assignable_to_role = true
}
resource "azuread_directory_role_assignment" "desk" {
  for_each            = azuread_group.desk
  role_id             = "${HELPDESK}"
  principal_object_id = each.value.object_id
  directory_scope_id  = "/administrativeUnits/\${azuread_administrative_unit.au[${key}].object_id}"
}`;

  it('a key computed with join, slice and split names the unit Terraform names: the desks of tier 2 reach no admin (no RG-02)', async () => {
    const tf = units('join("-", slice(split("-", each.key), 0, 2))');
    const stack = await hclStack(tf);
    const ctx = new RuleContext(stack, DEFAULT_CONFIG, NOW);
    expect(
      ctx
        .resourcesOf('azuread_directory_role_assignment')
        .filter((a) => a.address.includes('desk'))
        .map((a) =>
          ctx
            .targets(a, 'directory_scope_id')
            .resources.map((r) => r.address)
            .join(),
        ),
    ).toEqual(['azuread_administrative_unit.au["tier-2"]', 'azuread_administrative_unit.au["tier-2"]']);
    expect((await findingsOf(tf)).filter((f) => f.startsWith('RG-02'))).toEqual([]);
  });

  it('a key the reader cannot evaluate names no unit at all: unknown, noticed, and no finding rests on it', async () => {
    const tf = units('regex("^[a-z]+-[0-9]", each.key)');
    const stack = await hclStack(tf);
    expect(stack.notEvaluated).toEqual(
      expect.arrayContaining([
        'azuread_directory_role_assignment.desk["tier-2-desk-a"]',
        'azuread_directory_role_assignment.desk["tier-2-desk-b"]',
      ]),
    );
    expect((await findingsOf(tf)).filter((f) => f.startsWith('RG-02') && !f.includes('cannotVerify'))).toEqual([]);
  });
});

describe('unknown never passes nor convicts', () => {
  const BREAK_GLASS = `${ENTRA_USERS}
resource "azuread_group" "bg" {
  display_name       = "Break glass"
  security_enabled   = true
  assignable_to_role = true
  members            = azuread_user.bg[*].object_id
}`;
  const policy = (name: string, users: string, applications: string, grant: string) => `
resource "azuread_conditional_access_policy" "${name}" {
  display_name = "${name}"
  state        = "enabled"
  conditions {
    client_app_types = ["all"]
    users {
${users}
    }
    applications {
${applications}
    }
  }
${grant.startsWith('  dynamic') ? grant : `  grant_controls {\n    operator = "OR"\n${grant}\n  }`}
}`;
  const ALL = '      included_users  = ["All"]\n      excluded_groups = [azuread_group.bg.object_id]';

  it('grant controls from a variable without a default: RG-07 neither passes nor convicts, the policy is noticed', async () => {
    const tf = `variable "controls" {}\n${BREAK_GLASS}${policy('mfa', ALL, '      included_applications = ["All"]', '    built_in_controls = var.controls')}`;
    const stack = await hclStack(tf);
    expect(stack.notEvaluated).toContain('azuread_conditional_access_policy.mfa');
    const ctx = new RuleContext(stack, DEFAULT_CONFIG, NOW);
    const found: string[] = [];
    (await import('../../policies/rules/RG-07-everyone-has-mfa')).default.check(ctx, (r) =>
      found.push(`${r.messageId} ${r.resource?.address}`),
    );
    expect(found).toEqual(['cannotVerify azuread_conditional_access_policy.mfa']);
    expect((await findingsOf(tf)).filter((f) => f.startsWith('RG-07'))).toEqual([]); // in static HCL: the notice, not a finding
  });

  it.each([
    [
      'a dynamic grant_controls block over a variable',
      'variable "grants" {}',
      '  dynamic "grant_controls" {\n    for_each = var.grants\n    content {\n      operator          = "OR"\n      built_in_controls = grant_controls.value\n    }\n  }',
    ],
    [
      'an authentication strength from a variable (it may be null)',
      'variable "strength" {}',
      '    authentication_strength_policy_id = var.strength',
    ],
  ])('%s: RG-07 neither passes nor convicts', async (_, variable, grant) => {
    const tf = `${variable}\n${BREAK_GLASS}${policy('mfa', ALL, '      included_applications = ["All"]', grant)}`;
    const stack = await hclStack(tf);
    const ctx = new RuleContext(stack, DEFAULT_CONFIG, NOW);
    const found: string[] = [];
    (await import('../../policies/rules/RG-07-everyone-has-mfa')).default.check(ctx, (r) =>
      found.push(`${r.messageId} ${r.resource?.address}`),
    );
    expect(found).toEqual(['cannotVerify azuread_conditional_access_policy.mfa']);
    expect(stack.notEvaluated).toContain('azuread_conditional_access_policy.mfa');
  });

  it('user actions from a variable: RG-09 does not say no policy protects registration', async () => {
    const tf = `variable "actions" {}\n${BREAK_GLASS}${policy('register', ALL, '      included_user_actions = var.actions', '    built_in_controls = ["mfa"]')}`;
    expect((await findingsOf(tf)).filter((f) => f.startsWith('RG-09'))).toEqual([]);
    expect((await hclStack(tf)).notEvaluated).toContain('azuread_conditional_access_policy.register');
  });

  it('an exclusion from a lookup that finds nothing excludes nobody (no RG-08)', async () => {
    const tf = `locals {\n  exempt = {}\n}\n${BREAK_GLASS}${policy('mfa', `${ALL}\n      excluded_users  = [lookup(local.exempt, "contractor", "")]`, '      included_applications = ["All"]', '    built_in_controls = ["mfa"]')}`;
    expect((await findingsOf(tf)).filter((f) => f.startsWith('RG-08'))).toEqual([]);
  });

  it('review names a changed resource it could not evaluate instead of saying the change weakens nothing', async () => {
    const before = `${BREAK_GLASS}\nresource "azuread_group" "desk" {\n  display_name = "Desk"\n  security_enabled = true\n}\n`;
    const after = `${before}\nvariable "role" {}\nresource "azuread_directory_role_assignment" "desk" {\n  role_id             = var.role\n  principal_object_id = azuread_group.desk.object_id\n}\n`;
    await inDirectory({ 'base/main.tf': before, 'head/main.tf': after }, async (dir) => {
      const text = await runCli(['review', '--base', path.join(dir, 'base'), '--head', path.join(dir, 'head')]);
      expect(text.stdout).toContain(
        'Changed but not evaluated statically (review the plan): 1\n  ? azuread_directory_role_assignment.desk',
      );
      const md = await runCli([
        'review',
        '--base',
        path.join(dir, 'base'),
        '--head',
        path.join(dir, 'head'),
        '--format',
        'markdown',
      ]);
      expect(md.stdout).toContain(
        '⚠️ This change weakens no control that could be evaluated; 1 changed resource(s) could not be.',
      );
      const json = JSON.parse(
        (
          await runCli([
            'review',
            '--base',
            path.join(dir, 'base'),
            '--head',
            path.join(dir, 'head'),
            '--format',
            'json',
          ])
        ).stdout,
      );
      expect(json.unevaluated).toEqual(['azuread_directory_role_assignment.desk']);
    });
  });
});

describe('the instance that stands for all', () => {
  it('count = length(var.admins) over azuread_user.bg[count.index]: the one instance names every account it could be', async () => {
    const stack = await hclStack(`variable "admins" {}\n${ENTRA_USERS}
resource "azuread_directory_role_assignment" "ga" {
  count               = length(var.admins)
  role_id             = "${GLOBAL_ADMINISTRATOR}"
  principal_object_id = azuread_user.bg[count.index].object_id
}`);
    const ctx = new RuleContext(stack, DEFAULT_CONFIG, NOW);
    const any = ctx.get('azuread_directory_role_assignment.ga[*]')!;
    expect(ctx.targets(any, 'principal_object_id').resources.map((r) => r.address)).toEqual([
      'azuread_user.bg[0]',
      'azuread_user.bg[1]',
    ]);
    expect(stack.notEvaluated).toContain('azuread_directory_role_assignment.ga[*]');
  });
});

describe('from public idioms', () => {
  it('a policy for the users a for expression reads from break-glass accounts is no policy for everyone (no cannot-verify on RG-07)', async () => {
    const stack = await hclStack(`provider "azuread" {}
locals {
  accounts = toset([for n in range(1, 3) : format("emergency-access-%02s", n)])
}
resource "azuread_user" "bg" {
  for_each            = local.accounts
  user_principal_name = "\${each.key}@acme.onmicrosoft.com"
  display_name        = each.key
}
resource "azuread_conditional_access_policy" "bg" {
  display_name = "Emergency access"
  state        = "enabled"
  conditions {
    client_app_types = ["all"]
    applications {
      included_applications = ["All"]
    }
    users {
      included_users = [for k, u in azuread_user.bg : u.id]
    }
  }
  grant_controls {
    operator          = "OR"
    built_in_controls = ["mfa"]
  }
}`);
    expect(stack.resources.map((r) => r.address)).toContain('azuread_user.bg["emergency-access-01"]');
    const result = runRules([stack], RULES, { config: DEFAULT_CONFIG, now: NOW });
    expect(result.findings.filter((f) => f.ruleId === 'RG-07').map((f) => `${f.messageId} ${f.resource}`)).toEqual([
      'noEntraPolicy null',
    ]);
  });
});
