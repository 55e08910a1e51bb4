/**
 * Reads `terraform show -json` plans (format_version 1.x) into resources.
 *
 * Values come from `resource_changes[].change.after` (or `planned_values` for
 * resources the plan does not change). Where the plan says "known after apply",
 * the configuration decides: an attribute the configuration does not set is
 * absent (the provider computes it), one set to an expression is unknown and
 * keeps the expression's `references`. Sensitive values become secrets.
 */
import type { Scope } from '../model/expression';
import { LoadedResource, NO_CONDITIONS, recordReferences, type Resource, type SourceLocation } from '../model/resource';
import { isSecretAttribute } from '../model/secrets';
import { Secret, Unknown, Value, ValueObject, isObject, referencesIn } from '../model/value';
import { isPlainObject } from './configuration';
import { InputError } from '../errors';
import { type ConfigModule, type ModuleInstance, PlanModules, trailingKey } from './plan-modules';

export interface PlanDocument {
  readonly format_version: string;
  readonly planned_values?: { root_module?: PlanModule };
  readonly resource_changes?: ResourceChange[];
  readonly resource_drift?: ResourceChange[];
  readonly configuration?: { root_module?: ConfigModule };
  /** The state the plan starts from; for a refresh-only plan, all it holds. */
  readonly prior_state?: { values?: { root_module?: PlanModule } };
  readonly checks?: unknown[];
}

interface PlanModule {
  readonly resources?: PlanResource[];
  readonly child_modules?: PlanModule[];
}
interface PlanResource {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly values?: Record<string, unknown>;
  readonly sensitive_values?: unknown;
}
export interface ResourceChange {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly change: {
    readonly actions: string[];
    readonly before?: unknown;
    readonly after?: unknown;
    readonly after_unknown?: unknown;
    readonly before_sensitive?: unknown;
    readonly after_sensitive?: unknown;
  };
}

/** True when a JSON document looks like a plan (whatever its version). */
export function isPlanShape(doc: unknown): boolean {
  return (
    isPlainObject(doc) &&
    'format_version' in doc &&
    ('planned_values' in doc || 'resource_changes' in doc || 'configuration' in doc || 'terraform_version' in doc)
  );
}

export function validatePlan(doc: Record<string, unknown>, file: string): PlanDocument {
  const version = doc.format_version;
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version))
    throw new InputError(file, 'plan has no valid "format_version"');
  if (version.split('.')[0] !== '1')
    throw new InputError(file, `unsupported plan format_version ${version} (recovery-gate reads 1.x)`);
  for (const list of ['resource_changes', 'resource_drift', 'checks'] as const) {
    if (doc[list] !== undefined && doc[list] !== null && !Array.isArray(doc[list]))
      throw new InputError(file, `plan "${list}" must be an array`);
  }
  if (doc.planned_values !== undefined && !isPlainObject(doc.planned_values))
    throw new InputError(file, 'plan "planned_values" must be an object');
  if (doc.configuration !== undefined && !isPlainObject(doc.configuration))
    throw new InputError(file, 'plan "configuration" must be an object');
  if (
    doc.prior_state !== undefined &&
    doc.prior_state !== null &&
    !(isPlainObject(doc.prior_state) && (doc.prior_state.values === undefined || isPlainObject(doc.prior_state.values)))
  ) {
    throw new InputError(file, 'plan "prior_state" must be an object with "values"');
  }
  return doc as unknown as PlanDocument;
}

/** Removes instance keys: `module.a["x"].okta_group.b[0]` → `module.a.okta_group.b`. */
export function stripInstanceKeys(address: string): string {
  if (address.indexOf('[') === -1) return address;
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[0-9]+)\]/g, '');
}

export function readPlan(plan: PlanDocument, file: string): Resource[] {
  validateConfiguration(plan.configuration?.root_module, file);
  const modules = new PlanModules(plan.configuration?.root_module);
  const planned: PlanResource[] = [];
  collectPlanned(plan.planned_values?.root_module, planned, file);
  // A refresh-only plan plans nothing: what it holds is the state it read.
  const state: PlanResource[] = [];
  collectPlanned(plan.prior_state?.values?.root_module, state, file);
  const changes = new Map<string, ResourceChange>();
  for (const rc of plan.resource_changes ?? []) {
    if (
      !isPlainObject(rc) ||
      typeof rc.address !== 'string' ||
      !isPlainObject(rc.change) ||
      !Array.isArray(rc.change.actions)
    ) {
      throw new InputError(file, 'plan has a malformed resource_changes entry');
    }
    changes.set(rc.address, rc);
  }
  // Every module instance first: `module.team.id` (no key) reads the output of each of them.
  for (const address of changes.keys()) modules.instanceOf(address);
  for (const r of planned) modules.instanceOf(r.address);
  for (const r of state) modules.instanceOf(r.address);

  const source = { file };
  const resources: Resource[] = [];
  const read = (address: string, rc: ResourceChange | undefined, pr: PlanResource | undefined) => {
    if (rc && rc.change.actions.length === 1 && rc.change.actions[0] === 'delete') return;
    const type = typeof rc?.type === 'string' ? rc.type : pr?.type;
    const name = typeof rc?.name === 'string' ? rc.name : pr?.name;
    if (typeof type !== 'string' || typeof name !== 'string')
      throw new InputError(file, `plan resource ${address} has no type or name`);
    const mode = (rc?.mode ?? pr?.mode) === 'data' ? 'data' : 'managed';
    const instance = modules.instanceOf(address);
    const config = instance.resource(`${mode === 'data' ? 'data.' : ''}${type}.${name}`);
    const index = rc?.index ?? pr?.index;
    const reading: Reading = {
      instance,
      scope: instance.scope(
        typeof index === 'string' || typeof index === 'number' ? index : trailingKey(address),
        config?.for_each_expression,
      ),
    };
    const expressions = isPlainObject(config?.expressions) ? config.expressions : undefined;
    const values = rc
      ? planValues(rc.change.after, rc.change.after_unknown, rc.change.after_sensitive, expressions, reading)
      : planValues(pr?.values, undefined, pr?.sensitive_values, expressions, reading);
    resources.push(
      new PlannedResource(address, stripInstanceKeys(address), mode, type, name, values, source, expressions, reading),
    );
  };
  // Every change (what it plans is its `after`), then what only planned_values lists (data sources read at plan time),
  // then what only the state holds: each address once, the first that has it.
  const planIndex = new Map<string, PlanResource>();
  for (const r of planned) if (!planIndex.has(r.address)) planIndex.set(r.address, r);
  const seen = new Set<string>();
  for (const [address, rc] of changes) {
    seen.add(address);
    read(address, rc, typeof rc.type === 'string' && typeof rc.name === 'string' ? undefined : planIndex.get(address));
  }
  for (const list of [planned, state]) {
    for (const pr of list) {
      if (seen.has(pr.address)) continue;
      seen.add(pr.address);
      read(pr.address, undefined, pr);
    }
  }
  return resources;
}

/** Where a resource's expressions are read: its module instance, with its own \`count.index\` or \`each\`. */
interface Reading {
  readonly instance: ModuleInstance;
  readonly scope: Scope;
}

/** A resource of a plan: its references are those of its configuration's expressions. */
class PlannedResource extends LoadedResource {
  constructor(
    address: string,
    baseAddress: string,
    mode: 'managed' | 'data',
    type: string,
    name: string,
    values: ValueObject,
    source: SourceLocation,
    private readonly config: Record<string, unknown> | undefined,
    private readonly reading: Reading,
  ) {
    super(address, baseAddress, mode, type, name, values, NO_CONDITIONS, source);
  }

  protected collectReferences(out: Map<string, string[]>): void {
    if (this.config) collectExpressionReferences(this.config, '', this.reading, out);
  }
}

/**
 * The state a plan starts from: every resource as `change.before` has it
 * (resources the plan creates are absent). With {@link readPlan}, the two
 * sides `review --plan` compares. `entries` picks the list: `resource_changes`
 * for a plan's own changes, `resource_drift` for what changed outside code.
 */
export function readPlanSide(
  plan: PlanDocument,
  file: string,
  side: 'before' | 'after',
  entries: 'resource_changes' | 'resource_drift' = 'resource_changes',
): Resource[] {
  const out: Resource[] = [];
  for (const rc of plan[entries] ?? []) {
    if (
      !isPlainObject(rc) ||
      typeof rc.address !== 'string' ||
      typeof rc.type !== 'string' ||
      typeof rc.name !== 'string' ||
      !isPlainObject(rc.change)
    ) {
      throw new InputError(
        file,
        `plan has a malformed ${entries} entry${isPlainObject(rc) && typeof rc.address === 'string' ? ` (${rc.address})` : ''}`,
      );
    }
    const raw = side === 'before' ? rc.change.before : rc.change.after;
    if (!isPlainObject(raw)) continue;
    const baseAddress = stripInstanceKeys(rc.address);
    out.push({
      address: rc.address,
      baseAddress,
      mode: rc.mode === 'data' ? 'data' : 'managed',
      type: rc.type,
      name: rc.name,
      values: planChangeValues(rc, side),
      references: new Map(),
      conditions: NO_CONDITIONS,
      source: { file },
    });
  }
  return out;
}

/** Before and after of every change, for review and drift (values as the plan gives them). */
export function planChangeValues(rc: ResourceChange, which: 'before' | 'after'): ValueObject {
  const c = rc.change;
  return which === 'before'
    ? planValues(c.before, undefined, sensitiveMarks(rc.type, c.before_sensitive), undefined, NO_READING)
    : planValues(c.after, c.after_unknown, sensitiveMarks(rc.type, c.after_sensitive), undefined, NO_READING);
}

function collectPlanned(mod: PlanModule | undefined, out: PlanResource[], file: string): void {
  if (mod === undefined) return;
  if (!isPlainObject(mod as unknown) || !isListOrAbsent(mod.resources) || !isListOrAbsent(mod.child_modules))
    throw new InputError(file, 'plan has a malformed planned_values module');
  for (const r of mod.resources ?? []) {
    if (!isPlainObject(r) || typeof r.address !== 'string')
      throw new InputError(file, 'plan has a malformed planned_values resource');
    out.push(r);
  }
  for (const child of mod.child_modules ?? []) collectPlanned(child, out, file);
}

/**
 * The sensitive marks of an object. `terraform_data.output` is its `input`
 * returned, but Terraform does not carry the input's marks to it (a whole
 * `sensitive(...)` input leaves output unmarked in the state): it takes them here.
 */
function sensitiveMarks(type: string, marks: unknown): unknown {
  if (type !== 'terraform_data' || !isPlainObject(marks) || marks.input === undefined || marks.input === false)
    return marks;
  return { ...marks, output: marks.input };
}

/** Checks the shape of the configuration's modules, so that reading it later cannot fail half-way. */
function validateConfiguration(mod: ConfigModule | undefined, file: string): void {
  if (mod === undefined) return;
  if (
    !isPlainObject(mod as unknown) ||
    !isListOrAbsent(mod.resources) ||
    !(mod.module_calls === undefined || isPlainObject(mod.module_calls as unknown)) ||
    !(mod.outputs === undefined || isPlainObject(mod.outputs as unknown))
  ) {
    throw new InputError(file, 'plan has a malformed configuration module');
  }
  for (const call of Object.values(mod.module_calls ?? {}))
    if (isPlainObject(call as unknown)) validateConfiguration(call.module, file);
}

function isListOrAbsent(v: unknown): boolean {
  return v === undefined || Array.isArray(v);
}

/** For values read without configuration (review and drift sides): nothing to resolve. */
const NO_READING: Reading = { instance: new PlanModules(undefined).root, scope: {} };

/**
 * The attributes of one object of a plan. `config` is the configuration's
 * body for it (expressions, and nested blocks as lists of bodies); an
 * attribute the plan leaves unknown and the configuration does not set is
 * absent: the provider computes it.
 */
function planValues(
  after: unknown,
  unknown: unknown,
  sensitive: unknown,
  config: Record<string, unknown> | undefined,
  reading: Reading,
  parent?: string,
): ValueObject {
  const out: ValueObject = {};
  const a = isPlainObject(after) ? after : NONE;
  const u = isPlainObject(unknown) ? unknown : NONE;
  const s = isPlainObject(sensitive) ? sensitive : NONE;
  const put = (key: string) => {
    // `true` for the whole object: everything below it is secret.
    const v =
      sensitive === true
        ? Secret.instance
        : planValue(own(a, key), own(u, key), own(s, key), config, reading, key, parent);
    if (v !== undefined) out[key] = v;
  };
  for (const key in a) put(key);
  for (const key in u) if (!Object.hasOwn(a, key)) put(key);
  return out;
}

const NONE: Record<string, unknown> = Object.freeze({});

/** An attribute of a plan object: its own, never the prototype's (an attribute may be named `toString`). */
function own(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** An expression in a plan's configuration, as opposed to a nested block's body. */
function isExpression(node: unknown): node is Record<string, unknown> {
  return (
    isPlainObject(node) &&
    (Object.hasOwn(node, 'references') || Object.hasOwn(node, 'constant_value') || Object.keys(node).length === 0)
  );
}

function planValue(
  after: unknown,
  unknown: unknown,
  sensitive: unknown,
  body: Record<string, unknown> | undefined,
  reading: Reading,
  key: string,
  parent: string | undefined,
): Value | undefined {
  if (sensitive === true || (isSecretAttribute(key, parent) && after !== null && after !== undefined && after !== ''))
    return Secret.instance;
  const config = body ? own(body, key) : undefined;
  if (isExpression(config)) {
    let evaluated: Value | undefined;
    const expression = () => (evaluated ??= knownOrUnknown(config, reading.instance.evaluate(config, reading.scope)));
    return overlay(after, unknown, sensitive, expression, key, parent);
  }
  if (unknown === true) return body !== undefined && config === undefined ? undefined : new Unknown(undefined, []); // not set: the provider computes it
  if (Array.isArray(after)) {
    const us = Array.isArray(unknown) ? unknown : [];
    const ss = Array.isArray(sensitive) ? sensitive : [];
    const cs = Array.isArray(config) ? config : [];
    return after.map((e, i) => {
      const block = cs[i] ?? cs[0];
      if (isPlainObject(e))
        return ss[i] === true
          ? Secret.instance
          : planValues(e, us[i], ss[i], isPlainObject(block) ? block : undefined, reading, key);
      return planValue(e, us[i], ss[i], undefined, reading, key, parent) ?? null;
    });
  }
  if (isPlainObject(after))
    return planValues(after, unknown, sensitive, isPlainObject(config) ? config : undefined, reading, key);
  if (after === undefined) return undefined;
  return after as Value;
}

/**
 * A value as Terraform plans it, where it is unknown taking the matching
 * part of its expression: element by element when the expression is a list
 * of the same length (`[azuread_group.a.object_id, "x"]` in `.tf.json`),
 * otherwise everything the expression reads (a list of unknown elements holds
 * exactly the objects its references name).
 */
function overlay(
  after: unknown,
  unknown: unknown,
  sensitive: unknown,
  expression: () => Value,
  key: string,
  parent: string | undefined,
): Value | undefined {
  if (sensitive === true) return Secret.instance;
  if (unknown === true) return expression();
  if (Array.isArray(after)) {
    const us = Array.isArray(unknown) ? unknown : [];
    const ss = Array.isArray(sensitive) ? sensitive : [];
    const element = (i: number) => () => partOf(expression(), i, after.length);
    return after.map((e, i) =>
      (us[i] === undefined || us[i] === false) && !isPlainObject(e) && !Array.isArray(e)
        ? ss[i] === true
          ? Secret.instance
          : (e as Value)
        : (overlay(e, us[i], ss[i], element(i), key, parent) ?? null),
    );
  }
  if (isPlainObject(after) || isPlainObject(unknown)) {
    const a = isPlainObject(after) ? after : NONE;
    const u = isPlainObject(unknown) ? unknown : NONE;
    const s = isPlainObject(sensitive) ? sensitive : NONE;
    const out: ValueObject = {};
    const put = (k: string) => {
      const v =
        isSecretAttribute(k, key) && own(a, k) !== null && own(a, k) !== undefined && own(a, k) !== ''
          ? Secret.instance
          : overlay(own(a, k), own(u, k), own(s, k), () => partOf(expression(), k), k, key);
      if (v !== undefined) out[k] = v;
    };
    for (const k in a) put(k);
    for (const k in u) if (!Object.hasOwn(a, k)) put(k);
    return out;
  }
  if (after === undefined) return undefined;
  return after as Value;
}

/** The part of an evaluated expression at a list index or object key; the whole when its shape does not match (all it reads). */
function partOf(v: Value, at: number | string, length?: number): Value {
  if (typeof at === 'number' && Array.isArray(v) && v.length === length) return v[at];
  if (typeof at === 'string' && isObject(v) && Object.hasOwn(v, at)) return v[at];
  if (v instanceof Unknown) return v.direct ? new Unknown(v.expression, v.references) : v;
  return new Unknown(undefined, referencesIn(v));
}

/**
 * What an expression the plan calls unknown can say: its unknowns and its
 * shape. A constant stays what it is; a literal computed from a template is
 * not trusted over Terraform's "known after apply".
 */
function knownOrUnknown(config: Record<string, unknown>, v: Value): Value {
  const constant = Object.hasOwn(config, 'constant_value') && !Array.isArray(config.references);
  if (constant || v instanceof Unknown || Array.isArray(v) || isObject(v)) return v;
  return new Unknown(undefined, []);
}

function collectExpressionReferences(body: unknown, path: string, reading: Reading, out: Map<string, string[]>): void {
  if (Array.isArray(body)) {
    for (const e of body) collectExpressionReferences(e, path, reading, out);
    return;
  }
  if (!isPlainObject(body)) return;
  if (isExpression(body)) {
    if (Object.hasOwn(body, 'constant_value') && !Array.isArray(body.references)) return;
    recordReferences(out, path, referencesIn(reading.instance.evaluate(body, reading.scope)));
    return;
  }
  for (const [k, child] of Object.entries(body))
    collectExpressionReferences(child, path ? `${path}.${k}` : k, reading, out);
}
