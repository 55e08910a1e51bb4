/**
 * Reads `terraform show -json` plans (format_version 1.x) into resources.
 *
 * Values come from `resource_changes[].change.after` (or `planned_values` for
 * resources the plan does not change). Where the plan says "known after apply",
 * the configuration decides: an attribute the configuration does not set is
 * absent (the provider computes it), one set to an expression is unknown and
 * keeps the expression's `references`. Sensitive values become secrets.
 */
import { evaluateTemplate } from '../model/expression';
import { LoadedResource, NO_CONDITIONS, recordReferences, type Resource, type SourceLocation } from '../model/resource';
import { isSecretAttribute } from '../model/secrets';
import { Reference, Secret, Unknown, Value, ValueObject } from '../model/value';
import { isPlainObject } from './configuration';
import { InputError } from './input-error';

export interface PlanDocument {
  readonly format_version: string;
  readonly planned_values?: { root_module?: PlanModule };
  readonly resource_changes?: ResourceChange[];
  readonly resource_drift?: ResourceChange[];
  readonly configuration?: { root_module?: ConfigModule };
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
  readonly values?: Record<string, unknown>;
  readonly sensitive_values?: unknown;
}
export interface ResourceChange {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly change: {
    readonly actions: string[];
    readonly before?: unknown;
    readonly after?: unknown;
    readonly after_unknown?: unknown;
    readonly before_sensitive?: unknown;
    readonly after_sensitive?: unknown;
  };
}
interface ConfigModule {
  readonly resources?: { address: string; expressions?: Record<string, unknown> }[];
  readonly module_calls?: Record<string, { module?: ConfigModule }>;
}

/** True when a JSON document looks like a plan (whatever its version). */
export function isPlanShape(doc: unknown): boolean {
  return isPlainObject(doc) && 'format_version' in doc && ('planned_values' in doc || 'resource_changes' in doc || 'configuration' in doc || 'terraform_version' in doc);
}

export function validatePlan(doc: Record<string, unknown>, file: string): PlanDocument {
  const version = doc.format_version;
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) throw new InputError(file, 'plan has no valid "format_version"');
  if (version.split('.')[0] !== '1') throw new InputError(file, `unsupported plan format_version ${version} (recovery-gate reads 1.x)`);
  for (const list of ['resource_changes', 'resource_drift', 'checks'] as const) {
    if (doc[list] !== undefined && doc[list] !== null && !Array.isArray(doc[list])) throw new InputError(file, `plan "${list}" must be an array`);
  }
  if (doc.planned_values !== undefined && !isPlainObject(doc.planned_values)) throw new InputError(file, 'plan "planned_values" must be an object');
  if (doc.configuration !== undefined && !isPlainObject(doc.configuration)) throw new InputError(file, 'plan "configuration" must be an object');
  return doc as unknown as PlanDocument;
}

/** Removes instance keys: `module.a["x"].okta_group.b[0]` → `module.a.okta_group.b`. */
export function stripInstanceKeys(address: string): string {
  if (address.indexOf('[') === -1) return address;
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[0-9]+)\]/g, '');
}

export function readPlan(plan: PlanDocument, file: string): Resource[] {
  const expressions = configurationExpressions(plan.configuration?.root_module, '', file);
  const planned: PlanResource[] = [];
  collectPlanned(plan.planned_values?.root_module, planned, file);
  const changes = new Map<string, ResourceChange>();
  for (const rc of plan.resource_changes ?? []) {
    if (!isPlainObject(rc) || typeof rc.address !== 'string' || !isPlainObject(rc.change) || !Array.isArray(rc.change.actions)) {
      throw new InputError(file, 'plan has a malformed resource_changes entry');
    }
    changes.set(rc.address, rc);
  }

  const readers = new Map<string, ReferenceReader>();
  const source = { file };
  const resources: Resource[] = [];
  let plannedByAddress: Map<string, PlanResource> | undefined; // only for a change that does not say its type or name
  const read = (address: string, rc: ResourceChange | undefined, pr: PlanResource | undefined) => {
    if (rc && rc.change.actions.length === 1 && rc.change.actions[0] === 'delete') return;
    if (rc && (typeof rc.type !== 'string' || typeof rc.name !== 'string')) pr = (plannedByAddress ??= new Map(planned.map((r) => [r.address, r]))).get(address);
    const type = rc?.type ?? pr?.type;
    const name = rc?.name ?? pr?.name;
    if (typeof type !== 'string' || typeof name !== 'string') throw new InputError(file, `plan resource ${address} has no type or name`);
    const baseAddress = stripInstanceKeys(address);
    const config = expressions.get(baseAddress);
    const after = rc ? rc.change.after : pr?.values;
    const unknown = rc ? rc.change.after_unknown : undefined;
    const sensitive = rc ? rc.change.after_sensitive : pr?.sensitive_values;
    const modulePrefix = baseAddress.startsWith('module.') ? baseAddress.slice(0, baseAddress.length - `${rc?.mode === 'data' || pr?.mode === 'data' ? 'data.' : ''}${type}.${name}`.length) : '';
    let reader = readers.get(modulePrefix);
    if (!reader) readers.set(modulePrefix, (reader = new ReferenceReader(modulePrefix)));
    const values = planValues(after, unknown, sensitive, config, reader);
    resources.push(new PlannedResource(address, baseAddress, (rc?.mode ?? pr?.mode) === 'data' ? 'data' : 'managed', type, name, values, source, config, reader));
  };
  // Every change (what it plans is its `after`), then what only planned_values lists (data sources read at plan time): each address once.
  for (const [address, rc] of changes) read(address, rc, undefined);
  const seen = new Set<string>();
  for (const pr of planned) {
    if (changes.has(pr.address) || seen.has(pr.address)) continue;
    seen.add(pr.address);
    read(pr.address, undefined, pr);
  }
  return resources;
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
    private readonly reader: ReferenceReader,
  ) {
    super(address, baseAddress, mode, type, name, values, NO_CONDITIONS, source);
  }

  protected collectReferences(out: Map<string, string[]>): void {
    if (this.config) collectExpressionReferences(this.config, '', this.reader, out);
  }
}

/**
 * The state a plan starts from: every resource as `change.before` has it
 * (resources the plan creates are absent). With {@link readPlan}, the two
 * sides `review --plan` compares. `entries` picks the list: `resource_changes`
 * for a plan's own changes, `resource_drift` for what changed outside code.
 */
export function readPlanSide(plan: PlanDocument, file: string, side: 'before' | 'after', entries: 'resource_changes' | 'resource_drift' = 'resource_changes'): Resource[] {
  const out: Resource[] = [];
  for (const rc of plan[entries] ?? []) {
    if (!isPlainObject(rc) || typeof rc.address !== 'string' || typeof rc.type !== 'string' || typeof rc.name !== 'string' || !isPlainObject(rc.change)) {
      throw new InputError(file, `plan has a malformed ${entries} entry${isPlainObject(rc) && typeof rc.address === 'string' ? ` (${rc.address})` : ''}`);
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
    ? planValues(c.before, undefined, c.before_sensitive, undefined, NO_REFERENCES)
    : planValues(c.after, c.after_unknown, c.after_sensitive, undefined, NO_REFERENCES);
}

function collectPlanned(mod: PlanModule | undefined, out: PlanResource[], file: string): void {
  if (mod === undefined) return;
  if (!isPlainObject(mod as unknown) || !isListOrAbsent(mod.resources) || !isListOrAbsent(mod.child_modules)) throw new InputError(file, 'plan has a malformed planned_values module');
  for (const r of mod.resources ?? []) {
    if (!isPlainObject(r) || typeof r.address !== 'string') throw new InputError(file, 'plan has a malformed planned_values resource');
    out.push(r);
  }
  for (const child of mod.child_modules ?? []) collectPlanned(child, out, file);
}

function configurationExpressions(mod: ConfigModule | undefined, prefix: string, file: string, out = new Map<string, Record<string, unknown>>()): Map<string, Record<string, unknown>> {
  if (mod === undefined) return out;
  if (!isPlainObject(mod as unknown) || !isListOrAbsent(mod.resources) || !(mod.module_calls === undefined || isPlainObject(mod.module_calls as unknown))) {
    throw new InputError(file, 'plan has a malformed configuration module');
  }
  for (const r of mod.resources ?? []) if (isPlainObject(r as unknown) && typeof r.address === 'string' && isPlainObject(r.expressions)) out.set(prefix + r.address, r.expressions);
  for (const [name, call] of Object.entries(mod.module_calls ?? {})) if (isPlainObject(call as unknown)) configurationExpressions(call.module, `${prefix}module.${name}.`, file, out);
  return out;
}

function isListOrAbsent(v: unknown): boolean {
  return v === undefined || Array.isArray(v);
}

/**
 * Turns a plan's `references` strings into references, resolved as an
 * expression would be, each string once per module: the same few resources are
 * named from thousands of expressions.
 */
class ReferenceReader {
  private readonly cache = new Map<string, readonly Reference[]>();

  constructor(private readonly modulePrefix: string) {}

  read(refs: unknown): readonly Reference[] {
    if (!Array.isArray(refs)) return [];
    // Terraform's usual pair, `["okta_group.a.id", "okta_group.a"]`: the first says it all.
    if (refs.length === 2 && typeof refs[0] === 'string' && typeof refs[1] === 'string' && refs[0].startsWith(refs[1] + '.')) {
      const first = this.evaluate(refs[0]);
      if (first.length === 1) return first;
    }
    const out = new Map<string, Reference>();
    for (const r of refs) {
      if (typeof r !== 'string') continue;
      for (const ref of this.evaluate(r)) if (!out.has(ref.address) || ref.attribute) out.set(ref.address, ref);
    }
    return [...out.values()];
  }

  private evaluate(r: string): readonly Reference[] {
    let refs = this.cache.get(r);
    if (!refs) {
      const v = evaluateTemplate('${' + r + '}', { modulePrefix: this.modulePrefix });
      this.cache.set(r, (refs = v instanceof Unknown ? v.references : []));
    }
    return refs;
  }
}

/** For values read without configuration (review and drift sides): nothing to resolve. */
const NO_REFERENCES = new ReferenceReader('');

function planValues(after: unknown, unknown: unknown, sensitive: unknown, config: unknown, refs: ReferenceReader, parent?: string): ValueObject {
  const out: ValueObject = {};
  const a = isPlainObject(after) ? after : NONE;
  const u = isPlainObject(unknown) ? unknown : NONE;
  const s = isPlainObject(sensitive) ? sensitive : NONE;
  const c = isPlainObject(config) ? config : undefined;
  const put = (key: string) => {
    const v = planValue(own(a, key), own(u, key), own(s, key), c ? own(c, key) : undefined, c !== undefined, refs, key, parent);
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

function planValue(after: unknown, unknown: unknown, sensitive: unknown, config: unknown, haveConfig: boolean, refs: ReferenceReader, key: string, parent: string | undefined): Value | undefined {
  if (sensitive === true || (isSecretAttribute(key, parent) && after !== null && after !== undefined && after !== '')) return Secret.instance;
  if (unknown === true) {
    // Known after apply: set in configuration → unknown with its references; not set → absent.
    if (haveConfig && config === undefined) return undefined;
    const expr = isPlainObject(config) ? config : undefined;
    if (expr && 'constant_value' in expr) return planValue(expr.constant_value, undefined, undefined, undefined, false, refs, key, parent);
    const references = refs.read(expr?.references);
    return new Unknown(undefined, references, references.length === 1);
  }
  if (Array.isArray(after)) {
    const us = Array.isArray(unknown) ? unknown : [];
    const ss = Array.isArray(sensitive) ? sensitive : [];
    const cs = Array.isArray(config) ? config : [];
    return after.map((e, i) =>
      isPlainObject(e)
        ? planValues(e, us[i], ss[i], cs[i] ?? cs[0], refs, key)
        : (planValue(e, us[i], ss[i], undefined, false, refs, key, parent) ?? null),
    );
  }
  if (isPlainObject(after)) return planValues(after, unknown, sensitive, isPlainObject(config) && !('references' in config) && !('constant_value' in config) ? config : undefined, refs, key);
  if (after === undefined) return undefined;
  return after as Value;
}

function collectExpressionReferences(expr: unknown, path: string, refs: ReferenceReader, out: Map<string, string[]>): void {
  if (Array.isArray(expr)) {
    for (const e of expr) collectExpressionReferences(e, path, refs, out);
    return;
  }
  if (!isPlainObject(expr)) return;
  if (Array.isArray(expr.references)) {
    recordReferences(out, path, refs.read(expr.references));
    return;
  }
  if ('constant_value' in expr) return;
  for (const k in expr) collectExpressionReferences(expr[k], path ? `${path}.${k}` : k, refs, out);
}
