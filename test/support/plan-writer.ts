/**
 * Writes the plan `terraform plan` + `terraform show -json` would write for a
 * Terraform JSON configuration created from nothing: every resource created,
 * every value that reads another resource unknown, every id computed.
 *
 * Providers cannot be downloaded here, so Okta and Entra plans cannot be made
 * by Terraform itself. This writer follows the shapes Terraform writes, and
 * `plan-writer.test.ts` holds it to them: the same configuration of
 * `terraform_data` resources, planned by the real binary and by this writer,
 * gives the same plan (addresses, after, after_unknown, configuration).
 *
 * What it evaluates is only what such a configuration needs: `var.*`,
 * `each.key`, `each.value…` and `count.index` in templates; anything else
 * that reads a resource, a module or a function is unknown.
 */
import { createHash } from 'node:crypto';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A configuration in Terraform JSON, and the modules it calls by their `source`. */
export interface PlanWriterInput {
  readonly root: Readonly<Record<string, unknown>>;
  readonly modules?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * Attributes each type computes (unknown in a create, absent from configuration).
   * @default id, and object_id for azuread_*
   */
  readonly computed?: (type: string) => readonly string[];
  /**
   * The language the configuration is written in: from `.tf.json` Terraform
   * writes each expression's raw JSON (`constant_value`) beside its
   * references; from HCL, only the references of an expression that has any.
   * @default 'json'
   */
  readonly form?: 'json' | 'hcl';
  /**
   * `create`: everything created from nothing. `refresh-only`: everything
   * already applied and read back (`terraform plan -refresh-only`): the
   * resources in `prior_state` with every value known, nothing planned.
   * @default 'create'
   */
  readonly mode?: 'create' | 'refresh-only';
  /** For a refresh-only plan: what changed outside Terraform, by address (the live object, from the applied one), written to `resource_drift` and `prior_state`. */
  readonly drift?: Readonly<Record<string, (applied: Record<string, unknown>) => Record<string, unknown>>>;
  /** `checks` as Terraform writes them (postcondition results), which the writer cannot evaluate. */
  readonly checks?: readonly unknown[];
}

const META = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection', '//']);
/** Object-valued arguments that are attributes, not nested blocks. */
const OBJECT_ATTRIBUTES = new Set(['input', 'triggers_replace', 'body', 'tags', 'output', 'response_export_values']);

const UNKNOWN = Symbol('unknown');
type Evaluated = Json | typeof UNKNOWN | Evaluated[] | { [key: string]: Evaluated };

interface Frame {
  readonly var: (name: string) => Evaluated;
  /** What a traversal of a resource or module output in this module reads. */
  readonly objects: (steps: string[]) => Evaluated;
  readonly each?: { key: string; value: Evaluated };
  readonly countIndex?: number;
}

const TEMPLATE = /\$\{([^}]*)\}/g;
const TRAVERSAL = /[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[(?:[0-9]+|"[^"]*"|[a-z_.]+)\])*/g;

export function writePlan(input: PlanWriterInput): Record<string, unknown> {
  const expression = input.form === 'hcl' ? hclExpression : jsonExpression;
  const expressionsOf = (r: JsonObject, type: string): JsonObject => {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(r)) {
      if (META.has(k)) continue;
      out[k] = isBlock(k, v, type) ? blockList(v).map((b) => expressionsOf(b, type)) : expression(v);
    }
    return out;
  };
  const computed =
    input.computed ??
    ((type: string) =>
      type.startsWith('azuread_') ? ['id', 'object_id'] : type === 'terraform_data' ? ['id', 'output'] : ['id']);
  const applied = input.mode === 'refresh-only';
  const changes: JsonObject[] = [];
  const plannedRoot: JsonObject = {};

  const configModule = (body: JsonObject): JsonObject => {
    const out: JsonObject = {};
    const resources: Json[] = [];
    for (const [type, byName] of entries(body.resource)) {
      for (const [name, raw] of entries(byName)) {
        const r = raw as JsonObject;
        const config: JsonObject = {
          address: `${type}.${name}`,
          mode: 'managed',
          type,
          name,
          provider_config_key: type.split('_')[0],
          expressions: expressionsOf(r, type),
          schema_version: 0,
        };
        if (r.count !== undefined) config.count_expression = expression(r.count);
        if (r.for_each !== undefined) config.for_each_expression = expression(r.for_each);
        if (Array.isArray(r.depends_on)) config.depends_on = r.depends_on;
        resources.push(config);
      }
    }
    for (const [type, byName] of entries(body.data)) {
      for (const [name, raw] of entries(byName))
        resources.push({
          address: `data.${type}.${name}`,
          mode: 'data',
          type,
          name,
          provider_config_key: type.split('_')[0],
          expressions: expressionsOf(raw as JsonObject, type),
          schema_version: 0,
        });
    }
    resources.sort((a, b) => ((a as JsonObject).address as string).localeCompare((b as JsonObject).address as string));
    if (resources.length > 0) out.resources = resources;
    const calls: JsonObject = {};
    for (const [name, raw] of entries(body.module)) {
      const call = raw as JsonObject;
      const exprs: JsonObject = {};
      for (const [k, v] of Object.entries(call))
        if (!['source', 'count', 'for_each', 'depends_on', 'providers', 'version'].includes(k))
          exprs[k] = expression(v);
      calls[name] = {
        source: call.source,
        expressions: exprs,
        ...(call.count !== undefined ? { count_expression: expression(call.count) } : {}),
        ...(call.for_each !== undefined ? { for_each_expression: expression(call.for_each) } : {}),
        module: configModule(moduleBody(call)),
      };
    }
    if (Object.keys(calls).length > 0) out.module_calls = calls;
    const outputs: JsonObject = {};
    for (const [name, raw] of entries(body.output))
      outputs[name] = { expression: expression((raw as JsonObject).value) };
    if (Object.keys(outputs).length > 0) out.outputs = outputs;
    const variables: JsonObject = {};
    for (const [name, raw] of entries(body.variable))
      variables[name] = (raw as JsonObject).default !== undefined ? { default: (raw as JsonObject).default } : {};
    if (Object.keys(variables).length > 0) out.variables = variables;
    return out;
  };

  const moduleBody = (call: JsonObject): JsonObject => {
    const source = call.source as string;
    // Modules are named by the folder they are in: `../inner` from a module is the root's `./inner`.
    const body = input.modules?.[source] ?? input.modules?.[`./${source.split('/').pop()}`];
    if (!body) throw new Error(`plan writer: no module for source ${source}`);
    return body as JsonObject;
  };

  // Each resource instance's values are evaluated once, when first planned or read by another.
  const instances = new Map<
    string,
    {
      type: string;
      name: string;
      key: string | number | undefined;
      r: JsonObject;
      frame: Frame;
      data?: boolean;
      values?: { [key: string]: Evaluated };
    }
  >();
  const outputs = new Map<string, { body: JsonObject; frame: Frame }>();
  const valuesOf = (address: string) => {
    const entry = instances.get(address);
    if (!entry) return undefined;
    entry.values ??= evaluateBody(entry.r, entry.type, entry.frame);
    return entry.values;
  };
  /** What `type.name[key].attr…` or `module.name[key].output…` reads in the module at `prefix`. */
  const objectsAt =
    (prefix: string) =>
    (steps: string[]): Evaluated => {
      const [root, name, ...rest] = steps;
      const keyed = rest[0]?.startsWith('[') ? rest.shift()! : '';
      if (root === 'module') {
        const child = outputs.get(`${prefix}module.${name}${keyed}.`);
        const output =
          child && rest[0] !== undefined ? entries(child.body.output).find(([n]) => n === rest[0]) : undefined;
        return output ? walk(evaluate((output[1] as JsonObject).value, child!.frame), rest.slice(1)) : UNKNOWN;
      }
      if (root === 'data') {
        const [type, ...attrs] = [name, ...(keyed ? [keyed] : []), ...rest];
        const address = `${prefix}data.${type}.${attrs.shift()}`;
        const values = valuesOf(address);
        if (!values || attrs[0] === undefined) return UNKNOWN;
        return computed(type).includes(attrs[0])
          ? walk(computedValue(address, type, attrs[0], values), attrs.slice(1))
          : walk(values, attrs);
      }
      const address = `${prefix}${root}.${name}${keyed}`;
      const values = valuesOf(address);
      if (!values || rest[0] === undefined) return UNKNOWN;
      if (computed(instances.get(address)!.type).includes(rest[0]))
        return applied
          ? walk(computedValue(address, instances.get(address)!.type, rest[0], values), rest.slice(1))
          : UNKNOWN;
      return walk(values, rest);
    };

  // Every instance of the whole tree first: a root resource may read a module's output, and so what is inside it.
  const children = new Map<string, string[]>();
  const register = (body: JsonObject, prefix: string, frame: Frame) => {
    // A data source is read at plan time: every value it has is known, the ones its provider computes too.
    for (const [type, byName] of entries(body.data)) {
      for (const [name, raw] of entries(byName))
        instances.set(`${prefix}data.${type}.${name}`, {
          type,
          name,
          key: undefined,
          r: raw as JsonObject,
          frame,
          data: true,
        });
    }
    for (const [type, byName] of entries(body.resource)) {
      for (const [name, raw] of entries(byName)) {
        const r = raw as JsonObject;
        for (const instance of instancesOf(r, frame))
          instances.set(`${prefix}${type}.${name}${keyText(instance.key)}`, {
            type,
            name,
            key: instance.key,
            r,
            frame: instance.frame,
          });
      }
    }
    const own: string[] = [];
    for (const [name, raw] of entries(body.module)) {
      const call = raw as JsonObject;
      for (const instance of instancesOf(call, frame)) {
        const childBody = moduleBody(call);
        const childPrefix = `${prefix}module.${name}${keyText(instance.key)}.`;
        const declared = new Map(entries(childBody.variable));
        const args = new Map(
          Object.entries(call).filter(
            ([k]) => !['source', 'count', 'for_each', 'depends_on', 'providers', 'version'].includes(k),
          ),
        );
        const vars = new Map<string, Evaluated>();
        const childFrame: Frame = {
          var: (v) => {
            if (!vars.has(v))
              vars.set(
                v,
                args.has(v)
                  ? evaluate(args.get(v)!, instance.frame)
                  : ((declared.get(v) as JsonObject | undefined)?.default ?? UNKNOWN),
              );
            return vars.get(v)!;
          },
          objects: objectsAt(childPrefix),
        };
        outputs.set(childPrefix, { body: childBody, frame: childFrame });
        own.push(childPrefix);
        register(childBody, childPrefix, childFrame);
      }
    }
    children.set(prefix, own);
  };

  const emit = (prefix: string, planned: JsonObject) => {
    const resources: Json[] = [];
    for (const [address, entry] of instances) {
      if (!address.startsWith(prefix) || address.slice(prefix.length).startsWith('module.')) continue;
      const values = valuesOf(address)!;
      const { type, name, key } = entry;
      if (entry.data) {
        const read = known(values);
        for (const c of computed(type)) read[c] = known({ v: computedValue(address, type, c, values) }).v ?? null;
        resources.push({
          address,
          mode: 'data',
          type,
          name,
          provider_name: providerName(type),
          schema_version: 0,
          values: read,
          sensitive_values: sensitiveMarks(read),
        });
        continue;
      }
      const after = known(values);
      const afterUnknown = unknownMarks(values) as JsonObject;
      for (const c of computed(type)) afterUnknown[c] = true;
      const sensitive = sensitiveMarks(after);
      changes.push({
        address,
        ...(prefix ? { module_address: prefix.slice(0, -1) } : {}),
        mode: 'managed',
        type,
        name,
        ...(key !== undefined ? { index: key } : {}),
        provider_name: providerName(type),
        change: {
          actions: ['create'],
          before: null,
          after,
          after_unknown: afterUnknown,
          before_sensitive: false,
          after_sensitive: sensitive,
        },
      });
      resources.push({
        address,
        mode: 'managed',
        type,
        name,
        ...(key !== undefined ? { index: key } : {}),
        provider_name: providerName(type),
        schema_version: 0,
        values: after,
        sensitive_values: sensitive,
      });
    }
    if (resources.length > 0) planned.resources = resources;
    const childModules: Json[] = [];
    for (const childPrefix of children.get(prefix) ?? []) {
      const child: JsonObject = { address: childPrefix.slice(0, -1) };
      emit(childPrefix, child);
      childModules.push(child);
    }
    if (childModules.length > 0) planned.child_modules = childModules;
  };

  const rootVars = new Map(
    entries((input.root as JsonObject).variable).map(
      ([name, decl]) => [name, (decl as JsonObject).default ?? UNKNOWN] as const,
    ),
  );
  register(input.root as JsonObject, '', { var: (v) => rootVars.get(v) ?? UNKNOWN, objects: objectsAt('') });
  const configuration = { root_module: configModule(input.root as JsonObject) };
  if (applied)
    return refreshOnly(
      input,
      configuration,
      [...instances].map(([address, { type, name, key, data }]) => ({
        address,
        type,
        name,
        key,
        data,
        values: valuesOf(address)!,
      })),
      computed,
      children,
    );
  emit('', plannedRoot);
  changes.sort((a, b) => compareAddresses(a.address as string, b.address as string));
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { root_module: plannedRoot },
    resource_changes: changes,
    configuration,
    timestamp: '2026-11-30T12:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}

/** What the provider computed, once applied: a stable id per address; `terraform_data.output` is its input. */
function computedValue(
  address: string,
  type: string,
  attribute: string,
  values: { [key: string]: Evaluated },
): Evaluated {
  if (type === 'terraform_data' && attribute === 'output') return values.input ?? null;
  const hex = createHash('sha256').update(address).digest('hex');
  return type.startsWith('azuread_')
    ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
    : `00u${hex.slice(0, 17)}`;
}

/** A refresh-only plan: the state read back, in \`prior_state\`; what drifted in \`resource_drift\`; nothing planned. */
function refreshOnly(
  input: PlanWriterInput,
  configuration: JsonObject,
  instances: {
    address: string;
    type: string;
    name: string;
    key: string | number | undefined;
    data?: boolean;
    values: { [key: string]: Evaluated };
  }[],
  computed: (type: string) => readonly string[],
  children: ReadonlyMap<string, string[]>,
): Record<string, unknown> {
  const drift: JsonObject[] = [];
  const stateOf = (i: (typeof instances)[number]): JsonObject => {
    const applied = known(i.values);
    for (const c of computed(i.type))
      applied[c] = known({ v: computedValue(i.address, i.type, c, i.values) }).v ?? null;
    const live = input.drift?.[i.address];
    if (!live) return applied;
    const after = live(structuredClone(applied)) as JsonObject;
    drift.push({
      address: i.address,
      ...moduleAddress(i.address),
      mode: 'managed',
      type: i.type,
      name: i.name,
      ...(i.key !== undefined ? { index: i.key } : {}),
      provider_name: providerName(i.type),
      change: {
        actions: ['update'],
        before: applied,
        after,
        after_unknown: {},
        before_sensitive: sensitiveMarks(applied),
        after_sensitive: sensitiveMarks(after),
      },
    });
    return after;
  };
  const moduleOf = (prefix: string): JsonObject => {
    const resources = instances
      .filter((i) => i.address.startsWith(prefix) && !i.address.slice(prefix.length).startsWith('module.'))
      .map((i) => {
        const values = stateOf(i);
        return {
          address: i.address,
          mode: i.data ? 'data' : 'managed',
          type: i.type,
          name: i.name,
          ...(i.key !== undefined ? { index: i.key } : {}),
          provider_name: providerName(i.type),
          schema_version: 0,
          values,
          sensitive_values: sensitiveMarks(values),
        };
      });
    const childModules = (children.get(prefix) ?? []).map((c) => ({ ...moduleOf(c), address: c.slice(0, -1) }));
    return {
      ...(resources.length > 0 ? { resources } : {}),
      ...(childModules.length > 0 ? { child_modules: childModules } : {}),
    };
  };
  const state = moduleOf('');
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { root_module: {} },
    ...(drift.length > 0 ? { resource_drift: drift } : {}),
    prior_state: { format_version: '1.0', terraform_version: '1.11.4', values: { root_module: state } },
    configuration,
    ...(input.checks ? { checks: input.checks } : {}),
    timestamp: '2026-11-30T12:00:00Z',
    applyable: drift.length > 0,
    complete: true,
    errored: false,
  };
}

function moduleAddress(address: string): JsonObject {
  const m = /^(.*)\.[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*(?:\[[^\]]*\])?$/.exec(address);
  return m && m[1].startsWith('module.') ? { module_address: m[1] } : {};
}

function entries(v: Json | undefined): [string, Json][] {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v) : [];
}

const keyText = (key: string | number | undefined) => (key === undefined ? '' : `[${JSON.stringify(key)}]`);

function providerName(type: string): string {
  if (type === 'terraform_data') return 'terraform.io/builtin/terraform';
  const provider = type.split('_')[0];
  const namespace = provider === 'okta' ? 'okta' : provider === 'msgraph' ? 'microsoft' : 'hashicorp';
  return `registry.terraform.io/${namespace}/${provider}`;
}

/** Terraform orders changes by address, instances by key. */
function compareAddresses(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function instancesOf(r: JsonObject, frame: Frame): { key: string | number | undefined; frame: Frame }[] {
  if (r.count !== undefined) {
    const n = evaluate(r.count, frame);
    if (typeof n !== 'number') throw new Error('plan writer: count must be known');
    return Array.from({ length: n }, (_, i) => ({ key: i, frame: { ...frame, countIndex: i } }));
  }
  if (r.for_each !== undefined) {
    const coll = evaluate(r.for_each, frame);
    if (Array.isArray(coll))
      return [...new Set(coll as string[])]
        .sort()
        .map((k) => ({ key: k, frame: { ...frame, each: { key: k, value: k } } }));
    if (coll === UNKNOWN || coll === null || typeof coll !== 'object')
      throw new Error('plan writer: for_each must be a known map or set');
    return Object.keys(coll)
      .sort()
      .map((k) => ({ key: k, frame: { ...frame, each: { key: k, value: (coll as Record<string, Evaluated>)[k] } } }));
  }
  return [{ key: undefined, frame }];
}

/** The arguments of a resource as Terraform plans them: nested blocks as lists. */
function evaluateBody(r: JsonObject, type: string, frame: Frame): { [key: string]: Evaluated } {
  const out: { [key: string]: Evaluated } = {};
  for (const [k, v] of Object.entries(r)) {
    if (META.has(k)) continue;
    out[k] = isBlock(k, v, type) ? blockList(v).map((b) => evaluateBody(b, type, frame)) : evaluate(v, frame);
  }
  return out;
}

function isBlock(key: string, v: Json, type: string): boolean {
  if (type === 'terraform_data' || OBJECT_ATTRIBUTES.has(key)) return false;
  if (Array.isArray(v)) return v.length > 0 && v.every((e) => e !== null && typeof e === 'object' && !Array.isArray(e));
  return v !== null && typeof v === 'object';
}

function blockList(v: Json): JsonObject[] {
  return (Array.isArray(v) ? v : [v]) as JsonObject[];
}

/** An expression as Terraform writes it from `.tf.json`: the raw JSON, and its references if any. */
function jsonExpression(v: Json): JsonObject {
  const references = referencesOf(v);
  return references.length > 0 ? { constant_value: v, references } : { constant_value: v };
}

/** From HCL: a constant's value, or the references of anything else. */
function hclExpression(v: Json): JsonObject {
  const references = referencesOf(v);
  if (references.length > 0) return { references };
  return JSON.stringify(v).includes('${') ? {} : { constant_value: v };
}

/**
 * The references Terraform lists for a value: for each traversal, the
 * traversal, then each shorter form down to the object it names
 * (`terraform_data.user[0].id`, `terraform_data.user[0]`, `terraform_data.user`).
 * An index that is not a literal ends the traversal, and is listed itself (`count.index`).
 */
function referencesOf(v: Json): string[] {
  const out: string[] = [];
  const visit = (x: Json) => {
    if (typeof x === 'string') {
      for (const m of x.matchAll(TEMPLATE)) {
        for (const t of m[1].matchAll(TRAVERSAL)) out.push(...formsOf(t[0]));
      }
    } else if (Array.isArray(x)) x.forEach(visit);
    else if (x !== null && typeof x === 'object') Object.values(x).forEach(visit);
  };
  visit(v);
  return out;
}

function formsOf(traversal: string): string[] {
  const steps = traversal.match(/[A-Za-z_][A-Za-z0-9_-]*|\[[^\]]*\]/g) ?? [];
  const [root = '', name, ...rest] = steps;
  if (name === undefined || name.startsWith('[')) return []; // a function, a `for` variable
  const object = `${root}.${name}`;
  if (['each', 'var'].includes(root))
    return rest[0] && !rest[0].startsWith('[') ? [`${object}.${rest[0]}`, object] : [object];
  if (['count', 'local', 'path', 'self'].includes(root)) return [object];
  const forms = root === 'module' ? [] : [object];
  let instance = object;
  if (rest[0]?.startsWith('[')) {
    const key = rest.shift()!;
    if (!/^\[(?:[0-9]+|"[^"]*")\]$/.test(key)) return [object, key.slice(1, -1)]; // `[count.index]`: the object, and what indexes it
    instance += key;
    forms.unshift(instance);
  } else if (root === 'module') {
    forms.unshift(instance);
  }
  if (rest[0] && !rest[0].startsWith('[')) forms.unshift(`${instance}.${rest[0]}`);
  return forms;
}

function evaluate(v: Json, frame: Frame): Evaluated {
  if (typeof v === 'string') return evaluateString(v, frame);
  if (Array.isArray(v)) return v.map((e) => evaluate(e, frame));
  if (v !== null && typeof v === 'object') {
    const out: { [key: string]: Evaluated } = {};
    for (const [k, e] of Object.entries(v)) out[k] = evaluate(e, frame);
    return out;
  }
  return v;
}

function evaluateString(s: string, frame: Frame): Evaluated {
  const whole = /^\$\{([^}]*)\}$/.exec(s);
  if (whole) return lookup(whole[1].trim(), frame);
  let unknown = false;
  const text = s.replace(TEMPLATE, (_, expr: string) => {
    const v = lookup(expr.trim(), frame);
    if (v === UNKNOWN || (typeof v === 'object' && v !== null)) unknown = true;
    return String(v);
  });
  return unknown ? UNKNOWN : text;
}

function lookup(expr: string, frame: Frame): Evaluated {
  // An index by count.index or each.key is the instance's own.
  const resolved = expr.replace(/\[(count\.index|each\.key)\]/g, (_, by: string) =>
    by === 'count.index'
      ? frame.countIndex === undefined
        ? '[?]'
        : `[${frame.countIndex}]`
      : frame.each
        ? `[${JSON.stringify(frame.each.key)}]`
        : '[?]',
  );
  if (!/^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[(?:[0-9]+|"[^"]*")\])*$/.test(resolved)) return UNKNOWN;
  const steps = resolved.match(/[A-Za-z_][A-Za-z0-9_-]*|\[[^\]]*\]/g) ?? [];
  switch (steps[0]) {
    case 'var':
      return walk(frame.var(steps[1]), steps.slice(2));
    case 'each':
      return frame.each ? walk(steps[1] === 'key' ? frame.each.key : frame.each.value, steps.slice(2)) : UNKNOWN;
    case 'count':
      return frame.countIndex ?? UNKNOWN;
    case 'local':
    case 'path':
    case 'self':
    case 'terraform':
      return UNKNOWN;
    default:
      return steps.length >= 2 ? frame.objects(steps) : UNKNOWN;
  }
}

/** Follows attributes and literal indexes through a known value. */
function walk(v: Evaluated, steps: readonly string[]): Evaluated {
  let cur = v;
  for (const step of steps) {
    if (cur === UNKNOWN || cur === null || typeof cur !== 'object') return UNKNOWN;
    const key = step.startsWith('[') ? (JSON.parse(step.slice(1, -1)) as string | number) : step;
    cur = (cur as Record<string, Evaluated>)[key] ?? UNKNOWN;
  }
  return cur;
}

/** `after`: the known values; an unknown attribute is left out, an unknown element is null. */
function known(v: Evaluated): JsonObject {
  const walk = (x: Evaluated): Json | undefined => {
    if (x === UNKNOWN) return undefined;
    if (Array.isArray(x)) return x.map((e) => walk(e) ?? null);
    if (x !== null && typeof x === 'object') {
      const out: JsonObject = {};
      for (const [k, e] of Object.entries(x)) {
        const w = walk(e);
        if (w !== undefined) out[k] = w;
      }
      return out;
    }
    return x;
  };
  return walk(v) as JsonObject;
}

/** `after_unknown`: true where unknown; lists mark every element, objects only what holds something unknown. */
function unknownMarks(v: Evaluated): Json | undefined {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.map((e) => unknownMarks(e) ?? false);
  if (v !== null && typeof v === 'object') {
    const out: JsonObject = {};
    for (const [k, e] of Object.entries(v)) {
      const m = unknownMarks(e);
      if (m !== undefined && m !== false) out[k] = m;
    }
    return out; // a known object is written as {}, a known primitive left out
  }
  return undefined;
}

/** `after_sensitive`: nothing sensitive; lists mark every element false, objects hold their nested marks. */
function sensitiveMarks(v: Json): Json {
  if (Array.isArray(v)) return v.map((e) => (e !== null && typeof e === 'object' ? sensitiveMarks(e) : false));
  if (v !== null && typeof v === 'object') {
    const out: JsonObject = {};
    for (const [k, e] of Object.entries(v)) if (e !== null && typeof e === 'object') out[k] = sensitiveMarks(e);
    return out;
  }
  return false;
}
