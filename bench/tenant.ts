/**
 * The bench's synthetic tenant: an Okta org and an Entra tenant of about `n`
 * resources, built in units as a cdktf app builds them, and written in every
 * form `check` reads — cdktf output, a plain `.tf.json`, a plan, and HCL.
 */
import { createHash } from 'node:crypto';
import { HELPDESK_ADMINISTRATOR, SECURITY_ADMINISTRATOR } from '../policies/facts/entra-roles';

export type Body = Record<string, unknown>;
export interface SyntheticStack {
  resource: Record<string, Record<string, Body>>;
}

/** The three forms `check` reads a tenant in, each as its writer writes it. */
export const FORMS = {
  /** cdktf's `cdk.tf.json`: indented, each resource carrying the metadata cdktf writes (construct path, unique id, stack trace). */
  cdktf: { file: 'cdk.tf.json', label: 'cdktf output' },
  /** A `.tf.json` a team writes or generates itself: indented, no metadata. */
  'terraform-json': { file: 'main.tf.json', label: 'Terraform JSON' },
  /** `terraform show -json` of the first plan: one line. */
  plan: { file: 'plan.json', label: 'plan' },
  /** The same root written by hand in HCL. */
  hcl: { file: 'main.tf', label: 'HCL' },
} as const;
export type Form = keyof typeof FORMS;

/**
 * cdktf's name for a resource made inside a construct: the construct path
 * joined with underscores and a hash of the path, as in `break_glass_group_413A9010`.
 */
function logicalId(...constructPath: string[]): string {
  const hash = createHash('md5').update(constructPath.join('/')).digest('hex').slice(0, 8).toUpperCase();
  return `${constructPath.join('_')}_${hash}`;
}

/**
 * A tenant of `n` resources in units of ten (a team: its groups, people,
 * memberships, scoped and unscoped role grants, sign-on rule, administrative
 * unit and PIM schedule), each unit a construct, as a cdktf app would build it.
 */
export function syntheticStack(n: number): SyntheticStack {
  const r: Record<string, Record<string, Body>> = {};
  const units = Math.ceil(n / 10);
  const id = (i: number, part: string) => logicalId(`unit_${i}`, part);
  const put = (type: string, i: number, part: string, body: Body) => {
    const name = id(i, part);
    const metadata = {
      path: `tenant/unit_${i}/${part}`,
      stackTrace: [`at new TenantUnit (/app/stacks/tenant-unit.ts:${20 + part.length}:5)`],
      uniqueId: name,
    };
    (r[type] ??= {})[name] = { '//': { metadata }, ...body };
  };
  for (let i = 0; i < units; i++) {
    put('okta_group', i, 'group', { name: `Team ${i}` });
    put('okta_user', i, 'user', {
      login: `user${i}@acme.example`,
      email: `user${i}@acme.example`,
      first_name: 'U',
      last_name: `${i}`,
    });
    put('okta_group_memberships', i, 'members', {
      group_id: `\${okta_group.${id(i, 'group')}.id}`,
      users: [`\${okta_user.${id(i, 'user')}.id}`],
    });
    put('okta_group_role', i, 'help_desk', {
      group_id: `\${okta_group.${id(i, 'group')}.id}`,
      role_type: 'HELP_DESK_ADMIN',
      target_group_list: i % 2 ? [`\${okta_group.${id(i - 1, 'group')}.id}`] : [],
    });
    put('okta_app_signon_policy_rule', i, 'sign_on', {
      policy_id: 'p',
      name: `Rule ${i}`,
      factor_mode: '2FA',
      groups_included: [`\${okta_group.${id(i, 'group')}.id}`],
    });
    put('azuread_group', i, 'entra_group', {
      display_name: `Entra team ${i}`,
      security_enabled: true,
      assignable_to_role: true,
    });
    put('azuread_user', i, 'entra_user', { user_principal_name: `user${i}@acme.example`, display_name: `User ${i}` });
    put('azuread_administrative_unit', i, 'unit', {
      display_name: `Unit ${i}`,
      members: [`\${azuread_user.${id(i, 'entra_user')}.object_id}`],
    });
    const scope = i % 3 ? `/administrativeUnits/\${azuread_administrative_unit.${id(i, 'unit')}.object_id}` : '/';
    put('azuread_directory_role_assignment', i, 'help_desk_assignment', {
      role_id: HELPDESK_ADMINISTRATOR,
      principal_object_id: `\${azuread_group.${id(i, 'entra_group')}.object_id}`,
      directory_scope_id: scope,
    });
    // Every hundredth person is an administrator: the targets of attack paths.
    if (i % 100 === 0)
      put('azuread_directory_role_assignment', i, 'admin', {
        role_id: SECURITY_ADMINISTRATOR,
        principal_object_id: `\${azuread_user.${id(i, 'entra_user')}.object_id}`,
      });
    put('azuread_privileged_access_group_eligibility_schedule', i, 'eligible', {
      group_id: `\${azuread_group.${id(i, 'entra_group')}.object_id}`,
      principal_id: `\${azuread_user.${id(i, 'entra_user')}.object_id}`,
      assignment_type: 'member',
      duration: 'P30D',
    });
    // Each PIM group's activation policy: RG-04 looks one up per group, which must not be a scan.
    put('azuread_group_role_management_policy', i, 'activation', {
      group_id: `\${azuread_group.${id(i, 'entra_group')}.object_id}`,
      role_id: 'member',
      activation_rules: {
        require_approval: true,
        require_justification: true,
        require_ticket_info: i % 10 !== 0,
        maximum_duration: 'PT4H',
        approval_stage: {
          primary_approver: [
            { object_id: `\${azuread_group.${id(i + 1, 'entra_group')}.object_id}`, type: 'groupMembers' },
          ],
        },
      },
    });
    addDefects(i, put, id);
  }
  return { resource: r };
}

type Put = (type: string, i: number, part: string, body: Body) => void;

/**
 * What makes a tenant realistic beyond its teams, about one unit in ten each:
 * conditional access with an exclusion, automation that can reset
 * authentication methods with a client secret, an Okta custom role over a
 * resource set; and, once, the Graph service principal and two break-glass accounts.
 */
function addDefects(i: number, put: Put, id: (i: number, part: string) => string): void {
  const group = (j: number) => `\${azuread_group.${id(j, 'entra_group')}.object_id}`;
  if (i === 0) {
    put('azuread_service_principal', i, 'msgraph', {
      client_id: '00000003-0000-0000-c000-000000000000',
      use_existing: true,
    });
    for (const n of [1, 2])
      put('azuread_user', i, `emergency_access_${n}`, {
        user_principal_name: `emergency-access-${n}@acme.onmicrosoft.com`,
        display_name: `Emergency access ${n}`,
      });
  }
  if (i % 10 === 5)
    put('azuread_conditional_access_policy', i, 'mfa', {
      display_name: `MFA for team ${i}`,
      state: 'enabled',
      conditions: {
        client_app_types: ['all'],
        applications: { included_applications: ['All'] },
        users: { included_groups: [group(i)], excluded_groups: [group(i - 1)] },
      },
      grant_controls: { operator: 'OR', built_in_controls: ['mfa'] },
    });
  if (i % 10 === 7) {
    put('azuread_application', i, 'automation', { display_name: `Reset automation ${i}` });
    put('azuread_application_password', i, 'secret', {
      application_id: `\${azuread_application.${id(i, 'automation')}.id}`,
      display_name: 'ci',
      end_date: i % 20 === 7 ? '2028-01-01T00:00:00Z' : '2026-12-15T00:00:00Z',
    });
    put('azuread_service_principal', i, 'automation_sp', {
      client_id: `\${azuread_application.${id(i, 'automation')}.client_id}`,
    });
    put('azuread_app_role_assignment', i, 'reset_methods', {
      app_role_id: `\${azuread_service_principal.${id(0, 'msgraph')}.app_role_ids["UserAuthenticationMethod.ReadWrite.All"]}`,
      principal_object_id: `\${azuread_service_principal.${id(i, 'automation_sp')}.object_id}`,
      resource_object_id: `\${azuread_service_principal.${id(0, 'msgraph')}.object_id}`,
    });
  }
  if (i % 10 === 3) {
    put('okta_admin_role_custom', i, 'reset_role', {
      label: `Tier 2 reset ${i}`,
      description: 'Factor resets',
      permissions: ['okta.users.read', 'okta.users.credentials.resetFactors'],
    });
    put('okta_resource_set', i, 'team_set', {
      label: `Team ${i}`,
      description: 'One team',
      resources: [`https://acme.okta.com/api/v1/groups/\${okta_group.${id(i, 'group')}.id}`],
    });
    put('okta_admin_role_custom_assignments', i, 'reset_assignment', {
      custom_role_id: `\${okta_admin_role_custom.${id(i, 'reset_role')}.id}`,
      resource_set_id: `\${okta_resource_set.${id(i, 'team_set')}.id}`,
      members: [`https://acme.okta.com/api/v1/groups/\${okta_group.${id(i - 1, 'group')}.id}`],
    });
  }
}

/** The same tenant without cdktf's metadata: a `.tf.json` nobody but Terraform reads. */
function withoutMetadata(stack: SyntheticStack): SyntheticStack {
  const resource: SyntheticStack['resource'] = {};
  for (const [type, byName] of Object.entries(stack.resource)) {
    resource[type] = {};
    for (const [name, body] of Object.entries(byName))
      resource[type][name] = Object.fromEntries(Object.entries(body).filter(([key]) => key !== '//'));
  }
  return { resource };
}

/** The bytes of the tenant in one form. */
export function render(stack: SyntheticStack, form: Form): string {
  // cdktf writes its stacks indented; terraform show -json prints a plan on one line, then a newline.
  if (form === 'plan') return `${JSON.stringify(syntheticPlan(stack))}\n`;
  if (form === 'hcl') return hclOf(stack);
  // A root of its own, as a team's .tf.json is: it configures its providers (a child module would lack nothing).
  if (form === 'terraform-json')
    return JSON.stringify(
      { provider: { azuread: [{}], okta: [{ org_name: 'acme', base_url: 'okta.com' }] }, ...withoutMetadata(stack) },
      null,
      2,
    );
  return JSON.stringify(cdktfDocument(stack), null, 2);
}

/** What cdktf writes around the resources of a stack. */
function cdktfDocument(stack: SyntheticStack): object {
  return {
    '//': { metadata: { backend: 'local', stackName: 'tenant', version: '0.21.0' }, outputs: {} },
    provider: { azuread: [{}], okta: [{ org_name: 'acme', base_url: 'okta.com' }] },
    terraform: {
      backend: { local: { path: 'terraform.tenant.tfstate' } },
      required_providers: {
        azuread: { source: 'hashicorp/azuread', version: '3.7.0' },
        okta: { source: 'okta/okta', version: '4.20.0' },
      },
    },
    ...stack,
  };
}

/** `${a.b.c}` inside a string: each becomes the two references Terraform lists (`a.b.c` and `a.b`). */
const REFERENCE = /\$\{([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)(?:\.([\w.-]+))?\}/g;

function referencesOf(v: unknown): string[] {
  if (typeof v === 'string')
    return [...v.matchAll(REFERENCE)].flatMap((m) => [
      m[3] ? `${m[1]}.${m[2]}.${m[3]}` : `${m[1]}.${m[2]}`,
      `${m[1]}.${m[2]}`,
    ]);
  return Array.isArray(v) ? v.flatMap(referencesOf) : [];
}

/**
 * The plan `terraform show -json` prints for a first apply of the same
 * tenant: planned values, resource changes (what depends on another resource
 * is known after apply) and the configuration's expressions, on one line.
 */
function syntheticPlan(stack: SyntheticStack): object {
  const planned: object[] = [];
  const changes: object[] = [];
  const configured: object[] = [];
  for (const [type, byName] of Object.entries(stack.resource)) {
    for (const [name, body] of Object.entries(byName)) {
      const after: Body = {};
      const unknown: Body = { id: true };
      const expressions: Body = {};
      for (const [key, value] of Object.entries(body)) {
        if (key === '//') continue; // cdktf's metadata: a comment to Terraform, absent from its plans
        const references = referencesOf(value);
        if (references.length > 0) {
          unknown[key] = true;
          expressions[key] = { references };
        } else {
          after[key] = value;
          expressions[key] = { constant_value: value };
        }
      }
      const address = `${type}.${name}`;
      const provider = type.startsWith('okta_')
        ? 'registry.terraform.io/okta/okta'
        : 'registry.terraform.io/hashicorp/azuread';
      planned.push({
        address,
        mode: 'managed',
        type,
        name,
        provider_name: provider,
        schema_version: 0,
        values: after,
        sensitive_values: {},
      });
      changes.push({
        address,
        mode: 'managed',
        type,
        name,
        provider_name: provider,
        change: {
          actions: ['create'],
          before: null,
          after,
          after_unknown: unknown,
          before_sensitive: false,
          after_sensitive: {},
        },
      });
      configured.push({
        address,
        mode: 'managed',
        type,
        name,
        provider_config_key: type.split('_')[0],
        expressions,
        schema_version: 0,
      });
    }
  }
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { root_module: { resources: planned } },
    resource_changes: changes,
    configuration: { root_module: { resources: configured } },
  };
}

/** A string as an HCL quoted template: its text escaped, its interpolations (`${…}`) written as code. */
function quoted(text: string): string {
  const escape = (t: string) => JSON.stringify(t).slice(1, -1);
  let out = '';
  let at = 0;
  for (const m of text.matchAll(/\$\{[^}]*\}/g)) {
    out += escape(text.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return `"${out}${escape(text.slice(at))}"`;
}

/** The root as a team writes it in HCL: providers, then one block per resource, values as literals and templates. */
function hclOf(stack: SyntheticStack): string {
  const value = (v: unknown, indent: string): string => {
    if (typeof v === 'string') return quoted(v);
    if (Array.isArray(v)) return `[${v.map((e) => value(e, indent)).join(', ')}]`;
    if (v !== null && typeof v === 'object') {
      const inner = `${indent}  `;
      const lines = Object.entries(v).map(([k, e]) => `${inner}${k} = ${value(e, inner)}`);
      return `{\n${lines.join('\n')}\n${indent}}`;
    }
    return String(v);
  };
  const out = ['provider "azuread" {}\n', 'provider "okta" {\n  org_name = "acme"\n  base_url = "okta.com"\n}\n'];
  for (const [type, byName] of Object.entries(withoutMetadata(stack).resource)) {
    for (const [name, body] of Object.entries(byName)) {
      const lines = Object.entries(body).map(([k, v]) => `  ${k} = ${value(v, '  ')}`);
      out.push(`resource "${type}" "${name}" {\n${lines.join('\n')}\n}\n`);
    }
  }
  return out.join('\n');
}
