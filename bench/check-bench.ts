/**
 * `npm run bench`: how `check` scales. For a synthetic Okta + Entra tenant of
 * 1k, 10k and 100k resources, written as cdktf writes it (with the metadata it
 * puts on every resource), as a plain `.tf.json` and as `terraform show -json`
 * prints its plan, it prints the time of loading, checking and writing
 * the text report against the time of JSON.parse of the same bytes, and peak
 * memory; then what any checker pays before its first rule (the floor), shapes
 * that test linearity, and the cold start of the binary. Figures, not
 * assertions: speed is measured here, never in a timed test.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../policies/config/config';
import { GLOBAL_ADMINISTRATOR, HELPDESK_ADMINISTRATOR, SECURITY_ADMINISTRATOR } from '../policies/facts/entra-roles';
import { RuleContext } from '../policies/tenant/context';
import { runRules } from '../policies/engine/run';
import { loadInputs } from '../policies/inputs/load';
import { indexJsonResources } from '../policies/inputs/locate';
import { RULES } from '../policies/rules';
import { formatText } from '../policies/reporters/text';

const OUT = path.resolve('.bench');
const NOW = new Date('2026-11-26T00:00:00Z');

type Body = Record<string, unknown>;
interface SyntheticStack {
  resource: Record<string, Record<string, Body>>;
}

/** The three forms `check` reads a tenant in, each as its writer writes it. */
const FORMS = {
  /** cdktf's `cdk.tf.json`: indented, each resource carrying the metadata cdktf writes (construct path, unique id, stack trace). */
  cdktf: { file: 'cdk.tf.json', label: 'cdktf output' },
  /** A `.tf.json` a team writes or generates itself: indented, no metadata. */
  'terraform-json': { file: 'main.tf.json', label: 'Terraform JSON' },
  /** `terraform show -json` of the first plan: one line. */
  plan: { file: 'plan.json', label: 'plan' },
} as const;
type Form = keyof typeof FORMS;

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
  }
  return { resource: r };
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

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The median of a list of figures. */
function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Times JSON.parse and load + check of the same bytes, in pairs: this machine's
 * speed drifts by tens of percent over seconds, and a pair measured back to
 * back drifts together. Reported: medians of the times and of the per-pair ratios.
 */
async function measure(n: number, runs: number, form: Form): Promise<string> {
  const dir = path.join(OUT, `${form}-${n}`);
  mkdirSync(dir, { recursive: true });
  const text = render(syntheticStack(n), form);
  const input = path.join(dir, FORMS[form].file);
  writeFileSync(input, text);
  const parses: number[] = [];
  const checks: number[] = [];
  const ratios: number[] = [];
  let findings = 0;
  let resources = 0;
  for (let i = 0; i < runs; i++) {
    global.gc?.();
    let t = process.hrtime.bigint();
    JSON.parse(text);
    const parseMs = ms(t);
    global.gc?.();
    t = process.hrtime.bigint();
    const stacks = await loadInputs([input]);
    const result = runRules(stacks, RULES, { now: NOW });
    formatText(result); // what `recovery-gate check` prints by default, so the report's cost is measured too
    const checkMs = ms(t);
    parses.push(parseMs);
    checks.push(checkMs);
    ratios.push(checkMs / parseMs);
    findings = result.findings.length;
    resources = stacks[0].resources.length;
  }
  const stacks = await loadInputs([input]);
  const t = process.hrtime.bigint();
  const paths = stacks.reduce(
    (count, stack) => count + new RuleContext(stack, DEFAULT_CONFIG, NOW).attackPaths.length,
    0,
  );
  const pathsMs = ms(t);
  const checkMs = median(checks);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  return `| ${FORMS[form].label} | ${resources.toLocaleString('en')} | ${(text.length / 1e6).toFixed(1)} MB | ${median(parses).toFixed(0)} ms | ${checkMs.toFixed(0)} ms | ${median(ratios).toFixed(1)}× | ${findings.toLocaleString('en')} | ${pathsMs.toFixed(0)} ms (${(pathsMs / checkMs).toFixed(1)}× check, ${paths.toLocaleString('en')} paths) | ${rssMb.toFixed(0)} MB |`;
}

function coldStart(): string {
  const small = 'test/fixtures/plan/entra-tenant.json';
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, ['bin/recovery-gate.js', 'check', small, '--fail-on', 'none'], { encoding: 'utf8' });
    runs.push(ms(t));
  }
  runs.sort((a, b) => a - b);
  return `Cold \`recovery-gate check\` of a small plan (${small}): median ${runs[3].toFixed(0)} ms over 7 runs (target < 500 ms).`;
}

/**
 * Tenants of one awkward shape each, the kind that once made a rule or a
 * report quadratic: everything in one group, one unit, one scope or one
 * exclusion list, many grants over it, one shared mailbox.
 */
const SHAPES: Record<string, (n: number) => SyntheticStack['resource']> = {
  'one group of everyone, holding help desk over itself, one shared mailbox': (n) => {
    const users = range(n, (i) => [`u${i}`, { login: `u${i}@acme.example`, email: 'desk@acme.example' }]);
    return {
      okta_user: users,
      okta_group: { desk: { name: 'Desk' } },
      okta_group_memberships: {
        desk: { group_id: '${okta_group.desk.id}', users: Object.keys(users).map((u) => `\${okta_user.${u}.id}`) },
      },
      okta_group_role: {
        desk: {
          group_id: '${okta_group.desk.id}',
          role_type: 'HELP_DESK_ADMIN',
          target_group_list: ['${okta_group.desk.id}'],
        },
      },
    };
  },
  '2,000 help-desk grants scoped to one group of everyone': (n) => {
    const users = range(n, (i) => [`u${i}`, { login: `u${i}@acme.example`, email: `u${i}@acme.example` }]);
    return {
      okta_user: users,
      okta_group: { staff: { name: 'Staff' }, ...range(2000, (i) => [`desk${i}`, { name: `Desk ${i}` }]) },
      okta_group_memberships: {
        staff: { group_id: '${okta_group.staff.id}', users: Object.keys(users).map((u) => `\${okta_user.${u}.id}`) },
      },
      okta_group_role: range(2000, (i) => [
        `desk${i}`,
        {
          group_id: `\${okta_group.desk${i}.id}`,
          role_type: 'HELP_DESK_ADMIN',
          target_group_list: ['${okta_group.staff.id}'],
        },
      ]),
    };
  },
  'one unit of everyone, a tenth of them Global Administrators, one shared mailbox': (n) => ({
    azuread_user: range(n, (i) => [
      `u${i}`,
      { user_principal_name: `u${i}@acme.example`, display_name: 'U', mail: 'team@acme.example' },
    ]),
    azuread_administrative_unit: {
      all: { display_name: 'All', members: Array.from({ length: n }, (_, i) => `\${azuread_user.u${i}.object_id}`) },
    },
    azuread_group: { desk: { display_name: 'Desk', security_enabled: true, assignable_to_role: true } },
    azuread_directory_role_assignment: {
      desk: {
        role_id: HELPDESK_ADMINISTRATOR,
        principal_object_id: '${azuread_group.desk.object_id}',
        directory_scope_id: '/administrativeUnits/${azuread_administrative_unit.all.object_id}',
      },
      ...range(n / 10, (i) => [
        `ga${i}`,
        { role_id: GLOBAL_ADMINISTRATOR, principal_object_id: `\${azuread_user.u${i * 10}.object_id}` },
      ]),
    },
  }),
  '2,000 role assignments to one group with everyone as a static member': (n) => ({
    azuread_user: range(n, (i) => [`u${i}`, { user_principal_name: `u${i}@acme.example`, display_name: 'U' }]),
    azuread_group: {
      g: {
        display_name: 'G',
        security_enabled: true,
        assignable_to_role: true,
        members: Array.from({ length: n }, (_, i) => `\${azuread_user.u${i}.object_id}`),
      },
    },
    azuread_directory_role_assignment: range(2000, (i) => [
      `a${i}`,
      { role_id: HELPDESK_ADMINISTRATOR, principal_object_id: '${azuread_group.g.object_id}', directory_scope_id: '/' },
    ]),
  }),
  'one conditional access policy excluding everyone': (n) => ({
    azuread_user: range(n, (i) => [`u${i}`, { user_principal_name: `u${i}@acme.example`, display_name: 'U' }]),
    azuread_conditional_access_policy: {
      mfa: {
        display_name: 'MFA',
        state: 'enabled',
        conditions: {
          client_app_types: ['all'],
          applications: { included_applications: ['All'] },
          users: {
            included_users: ['All'],
            excluded_users: Array.from({ length: n }, (_, i) => `\${azuread_user.u${i}.object_id}`),
          },
        },
        grant_controls: { operator: 'OR', built_in_controls: ['mfa'] },
      },
    },
  }),
};

function range(n: number, entry: (i: number) => [string, Body]): Record<string, Body> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => entry(i)));
}

/** Load + check of each shape at 10k and 40k users: linear work grows about 4×, quadratic about 16×. */
async function shapes(): Promise<string[]> {
  const out = ['| shape | 10k | 40k | growth (linear ≈ 4×) |', '|---|---:|---:|---:|'];
  for (const [name, resources] of Object.entries(SHAPES)) {
    const times: number[] = [];
    for (const n of [10_000, 40_000]) {
      const file = path.join(OUT, 'shapes', `${times.length}.tf.json`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ resource: resources(n) }));
      global.gc?.();
      const t = process.hrtime.bigint();
      runRules(await loadInputs([file]), RULES, { now: NOW });
      times.push(ms(t));
    }
    out.push(
      `| ${name} | ${times[0].toFixed(0)} ms | ${times[1].toFixed(0)} ms | ${(times[1] / times[0]).toFixed(1)}× |`,
    );
  }
  return out;
}

/** Each row in a process of its own, so that its peak memory is its own. */
function row(form: Form, n: number, runs: number): string {
  const child = spawnSync(process.execPath, ['--expose-gc', __filename, 'row', form, String(n), String(runs)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`bench row ${form} ${n} failed: ${child.stderr}`);
  return child.stdout.trimEnd();
}

async function main(): Promise<void> {
  const [command, form, n, runs] = process.argv.slice(2);
  if (command === 'row') {
    if (!(form in FORMS)) throw new Error(`unknown form ${form}`);
    console.log(await measure(Number(n), Number(runs), form as Form));
    return;
  }
  console.log(
    `recovery-gate bench — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}\n`,
  );
  console.log(
    '| input | resources | bytes | JSON.parse | load + check + text report | ratio, median of pairs (target ≤ 3× at 100k) | findings | paths (target ≤ 2× check) | peak RSS |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const form of Object.keys(FORMS) as Form[]) {
    console.log(row(form, 1_000, 9));
    console.log(row(form, 10_000, 7));
    console.log(row(form, 100_000, 5));
  }
  console.log('\n' + floor(100_000, 'cdktf'));
  console.log('\n' + floor(100_000, 'terraform-json'));
  console.log('\n' + (await shapes()).join('\n'));
  console.log('\n' + coldStart());
}

/**
 * What any checker of the same bytes pays before its first rule, as lean as
 * it can be written: parse; turn every plain `${type.name.attr}` into a
 * reference in place and resolve it against an index by address; and find the
 * line of each resource for its findings. Printed beside the target so the
 * ratio above can be read against what is possible at all.
 */
function floor(n: number, form: Exclude<Form, 'plan'>): string {
  const text = render(syntheticStack(n), form);
  const reference = /^\$\{([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)(?:\.([\w.-]+))?\}$/;
  const references: number[] = [];
  const lines: number[] = [];
  for (let i = 0; i < 5; i++) {
    global.gc?.();
    let t = process.hrtime.bigint();
    const doc = JSON.parse(text) as { resource: Record<string, Record<string, Record<string, unknown>>> };
    const parseMs = ms(t);
    t = process.hrtime.bigint();
    const byAddress = new Map<string, unknown>();
    const pending: string[] = [];
    const evaluate = (v: unknown): unknown => {
      if (typeof v === 'string') {
        const m = v.charCodeAt(0) === 36 ? reference.exec(v) : null;
        if (!m) return v;
        const address = `${m[1]}.${m[2]}`;
        pending.push(address);
        return { address, attribute: m[3] };
      }
      if (Array.isArray(v)) for (let j = 0; j < v.length; j++) v[j] = evaluate(v[j]);
      else if (v && typeof v === 'object')
        for (const k in v) (v as Record<string, unknown>)[k] = evaluate((v as Record<string, unknown>)[k]);
      return v;
    };
    for (const type in doc.resource) {
      const byName = doc.resource[type];
      for (const name in byName) {
        const body = byName[name];
        for (const key in body) if (key !== '//') body[key] = evaluate(body[key]); // cdktf's metadata holds no reference
        byAddress.set(`${type}.${name}`, body);
      }
    }
    let resolved = 0;
    for (const address of pending) if (byAddress.has(address)) resolved++;
    references.push(ms(t) / parseMs);
    if (resolved === 0) throw new Error('the floor resolved nothing');
    t = process.hrtime.bigint();
    indexJsonResources(text);
    lines.push(ms(t) / parseMs);
  }
  const [r, l] = [median(references), median(lines)];
  return [
    `Floor for ${FORMS[form].label} at ${n.toLocaleString('en')} resources, before any rule and any finding (medians of 5, × JSON.parse of the same run):`,
    `parse 1.0 + references evaluated in place, indexed and resolved ${r.toFixed(1)} + line numbers for findings ${l.toFixed(1)} = ${(1 + r + l).toFixed(1)}×.`,
  ].join('\n');
}

if (require.main === module)
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
