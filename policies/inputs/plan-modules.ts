/**
 * How a plan's `configuration` reads inside each module instance.
 *
 * A plan's values are literal where Terraform knows them; where it does not,
 * the configuration tells what the value points at. Inside
 * `module.break_glass["02"]` an expression's `azuread_user.this` names
 * `module.break_glass["02"].azuread_user.this`, `var.approver` is the
 * argument of the call (evaluated where the call is written, with that
 * instance's `each` and `count`), and `module.team["desk"].id` is the output's
 * expression inside that instance. Terraform writes an expression as
 * `references` (from HCL) or as the raw JSON in `constant_value` beside them
 * (from `.tf.json`, and so from cdktf): the raw form is evaluated, so
 * `azuread_user.bg[count.index]` names the one instance it reads.
 */
import { RESERVED_ROOTS, type Scope, evaluateTemplate } from '../model/expression';
import { Reference, Unknown, Value, ValueObject, isObject } from '../model/value';
import { evaluate, isPlainObject } from './configuration';

export interface ConfigModule {
  readonly resources?: readonly ConfigResource[];
  readonly module_calls?: Record<string, ModuleCall>;
  readonly outputs?: Record<string, { expression?: unknown }>;
}
export interface ConfigResource {
  readonly address: string;
  readonly expressions?: Record<string, unknown>;
  readonly count_expression?: unknown;
  readonly for_each_expression?: unknown;
}
interface ModuleCall {
  readonly expressions?: Record<string, unknown>;
  readonly count_expression?: unknown;
  readonly for_each_expression?: unknown;
  readonly module?: ConfigModule;
}

type InstanceKey = string | number | undefined;

/** One step of an address: `module.bg["02"]` is the module step `bg` with key "02". */
interface ModuleStep {
  readonly name: string;
  readonly key: InstanceKey;
}

const STEP = /^module\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[(?:([0-9]+)|("(?:[^"\\]|\\.)*"))\])?\./;
const TRAILING_KEY = /\[(?:[0-9]+|"(?:[^"\\]|\\.)*")\]$/;

/** `module.a["x"].module.b[0].okta_group.g[1]` → the module steps, and the rest (`okta_group.g[1]`). */
export function splitModulePath(address: string): { steps: ModuleStep[]; rest: string } {
  const steps: ModuleStep[] = [];
  let rest = address;
  for (let m = STEP.exec(rest); m; m = STEP.exec(rest)) {
    steps.push({
      name: m[1],
      key: m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? (JSON.parse(m[3]) as string) : undefined,
    });
    rest = rest.slice(m[0].length);
  }
  return { steps, rest };
}

/** The instance key a resource address ends with (`[0]`, `["a"]`), if any. */
export function trailingKey(address: string): InstanceKey {
  const m = TRAILING_KEY.exec(address);
  if (!m) return undefined;
  const inner = m[0].slice(1, -1);
  return inner.startsWith('"') ? (JSON.parse(inner) as string) : Number(inner);
}

/** An address without the instance key of its last step: `module.m["a"].x.y[0]` → `module.m["a"].x.y`. */
export function withoutTrailingKey(address: string): string {
  return address.replace(TRAILING_KEY, '');
}

/** The module instance an address is in, as a prefix: `module.bg["02"].` for `module.bg["02"].azuread_user.this` ('' at the root). */
export function modulePrefixOf(address: string): string {
  const { rest } = splitModulePath(address);
  return address.slice(0, address.length - rest.length);
}

const keyText = (key: InstanceKey) => (key === undefined ? '' : `[${JSON.stringify(key)}]`);

/** The expressions of a whole plan, by module instance; each instance is made once, on first use. */
export class PlanModules {
  private readonly instances = new Map<string, ModuleInstance>();
  readonly root: ModuleInstance;

  constructor(rootConfig: ConfigModule | undefined) {
    this.root = new ModuleInstance(this, '', rootConfig, undefined, undefined, undefined);
    this.instances.set('', this.root);
  }

  /** The module instance a resource address sits in (`module.bg["02"].` for `module.bg["02"].azuread_user.this`). */
  instanceOf(address: string): ModuleInstance {
    const { steps } = splitModulePath(address);
    let current = this.root;
    for (const step of steps) current = current.child(step.name, step.key);
    return current;
  }

  /** @internal made once per prefix */
  remember(prefix: string, make: () => ModuleInstance): ModuleInstance {
    let found = this.instances.get(prefix);
    if (!found) this.instances.set(prefix, (found = make()));
    return found;
  }

  /** Every instance made so far whose call is `prefix` + `module.NAME` (any key): what `module.NAME` without a key reads. */
  instancesOfCall(parent: ModuleInstance, name: string): ModuleInstance[] {
    const head = `${parent.prefix}module.${name}`;
    return [...this.instances.values()].filter(
      (i) =>
        i.parent === parent &&
        i.prefix.startsWith(head) &&
        (i.prefix[head.length] === '[' || i.prefix[head.length] === '.'),
    );
  }
}

/** How deep variables and outputs are followed through modules: far beyond any real configuration, and a bound on hostile ones. */
const MAX_DEPTH = 32;

export class ModuleInstance {
  private readonly variables = new Map<string, Value>();
  private readonly outputs = new Map<string, readonly Reference[]>();
  private readonly resources = new Map<string, ConfigResource>();
  private readonly referenceCache = new Map<string, readonly Reference[]>();
  private readonly depth: number;
  private following = false;

  constructor(
    private readonly modules: PlanModules,
    /** Makes module-relative addresses absolute: `module.bg["02"].` ('' at the root). */
    readonly prefix: string,
    readonly config: ConfigModule | undefined,
    readonly parent: ModuleInstance | undefined,
    private readonly call: ModuleCall | undefined,
    private readonly key: InstanceKey,
  ) {
    this.depth = parent ? parent.depth + 1 : 0;
    for (const r of config?.resources ?? [])
      if (isPlainObject(r) && typeof r.address === 'string') this.resources.set(r.address, r);
  }

  /** The configuration of a resource of this module, by its address inside the module (`azuread_user.this`). */
  resource(localAddress: string): ConfigResource | undefined {
    return this.resources.get(localAddress);
  }

  child(name: string, key: InstanceKey): ModuleInstance {
    const prefix = `${this.prefix}module.${name}${keyText(key)}.`;
    return this.modules.remember(prefix, () => {
      const call =
        this.config?.module_calls && Object.hasOwn(this.config.module_calls, name)
          ? this.config.module_calls[name]
          : undefined;
      const config = isPlainObject(call) && isPlainObject(call.module) ? call.module : undefined;
      return new ModuleInstance(this.modules, prefix, config, this, isPlainObject(call) ? call : undefined, key);
    });
  }

  /**
   * The scope an expression of this module reads, for a resource instance
   * with `key` (its `count.index` or `each.key`) under `forEach` (its
   * `for_each_expression`).
   */
  scope(key?: InstanceKey, forEach?: unknown): Scope {
    return {
      modulePrefix: this.prefix,
      variable: (name) => this.variable(name),
      countIndex: typeof key === 'number' ? key : undefined,
      each: typeof key === 'string' ? { key, value: this.eachValue(key, forEach) } : undefined,
    };
  }

  /** The value of an expression node (`{ constant_value }`, `{ references }`, both, or neither). */
  evaluate(expr: unknown, scope: Scope): Value {
    if (!isPlainObject(expr)) return new Unknown(undefined, []);
    const raw = expr.constant_value;
    if (Object.hasOwn(expr, 'constant_value') && (Array.isArray(expr.references) || containsTemplate(raw)))
      return this.withOutputs(evaluate(raw, scope));
    if (Object.hasOwn(expr, 'constant_value')) return evaluate(raw, NO_TEMPLATES);
    const references = this.read(expr.references, scope);
    return new Unknown(undefined, references, references.length === 1);
  }

  /**
   * A `references` list, resolved here. Terraform lists the resource beside
   * each attribute it reads (`["okta_group.a.id", "okta_group.a"]`): the
   * longest says it. `count.index` or `each.key` beside a resource it reads
   * whole (`azuread_user.bg[count.index]` is written `["azuread_user.bg", "count.index"]`)
   * narrow it to this instance's.
   */
  read(refs: unknown, scope: Scope): readonly Reference[] {
    if (!Array.isArray(refs)) return [];
    const strings = refs.filter((r): r is string => typeof r === 'string');
    const index = strings.includes('count.index')
      ? scope.countIndex
      : strings.includes('each.key')
        ? scope.each?.key
        : undefined;
    const named = index !== undefined && (typeof index === 'number' || typeof index === 'string') ? index : undefined;
    const out = new Map<string, Reference>();
    const longer = strings.length > 1 ? shorterForms(strings) : undefined;
    for (const r of strings) {
      if (longer?.has(r)) continue; // a longer one says more
      const narrowed = named !== undefined && isBareResource(r) ? `${r}${keyText(named)}` : r;
      for (const ref of this.referencesOf(narrowed, scope))
        if (!out.has(ref.address) || ref.attribute) out.set(ref.address, ref);
    }
    return [...out.values()];
  }

  /** One reference string, resolved; those that do not depend on `each` or `count` once per module instance. */
  private referencesOf(text: string, scope: Scope): readonly Reference[] {
    const scoped = text.startsWith('each.') || text.startsWith('count.');
    let found = scoped ? undefined : this.referenceCache.get(text);
    if (!found) {
      const v = evaluateTemplate('${' + text + '}', scope);
      found = v instanceof Unknown ? this.throughOutputs(v.references) : [];
      if (!scoped) this.referenceCache.set(text, found);
    }
    return found;
  }

  /** A value whose unknowns read modules' outputs, reading what those outputs read instead. */
  private withOutputs(v: Value): Value {
    if (v instanceof Unknown) {
      if (!v.references.some(isModuleReference)) return v;
      const references = this.throughOutputs(v.references);
      return new Unknown(v.expression, references, v.direct && references.length === 1);
    }
    if (Array.isArray(v)) return v.map((e) => this.withOutputs(e));
    if (isObject(v)) {
      const out: ValueObject = {};
      for (const k of Object.keys(v)) out[k] = this.withOutputs(v[k]);
      return out;
    }
    return v;
  }

  /** References to a module's output (`module.team["desk"]` attribute `id`) become what the output reads. */
  throughOutputs(references: readonly Reference[]): readonly Reference[] {
    if (!references.some(isModuleReference)) return references;
    const out: Reference[] = [];
    for (const ref of references) {
      if (!isModuleReference(ref)) {
        out.push(ref);
        continue;
      }
      const output = ref.attribute?.split('.')[0];
      const { steps } = splitModulePath(ref.address + '.');
      const last = steps[steps.length - 1];
      if (!output || !last) continue;
      const parent = this.modules.instanceOf(
        ref.address.slice(0, ref.address.length - `module.${last.name}${keyText(last.key)}`.length),
      );
      const called =
        last.key === undefined && !hasInstances(parent, last.name)
          ? [parent.child(last.name, undefined)]
          : last.key === undefined
            ? this.modules.instancesOfCall(parent, last.name)
            : [parent.child(last.name, last.key)];
      for (const instance of called) for (const r of instance.output(output)) out.push(r);
    }
    return out;
  }

  private output(name: string): readonly Reference[] {
    let found = this.outputs.get(name);
    if (found) return found;
    found = [];
    const outputs = this.config?.outputs;
    const expr =
      outputs && Object.hasOwn(outputs, name) && isPlainObject(outputs[name]) ? outputs[name].expression : undefined;
    if (expr !== undefined && !this.following && this.depth < MAX_DEPTH) {
      this.following = true;
      const v = this.evaluate(expr, this.scope());
      this.following = false;
      found = v instanceof Unknown ? this.throughOutputs(v.references) : [];
    }
    this.outputs.set(name, found);
    return found;
  }

  /** A variable of this module instance: the call's argument, read where the call is written. Root variables are not read (their values may be secret). */
  private variable(name: string): Value | undefined {
    if (!this.parent || !this.call) return undefined;
    let v = this.variables.get(name);
    if (v === undefined) {
      const expressions = this.call.expressions;
      const expr = expressions && Object.hasOwn(expressions, name) ? expressions[name] : undefined;
      v =
        expr === undefined || this.depth > MAX_DEPTH
          ? new Unknown(undefined, [])
          : this.parent.evaluate(expr, this.parent.scope(this.key, this.call.for_each_expression));
      this.variables.set(name, v);
    }
    return v;
  }

  /**
   * `each.value` for `key`: the element of a literal map, or the instance of
   * the one resource a `for_each` ranges over (`for_each = azuread_user.bg`
   * makes `each.value` `azuread_user.bg[key]`); otherwise unknown.
   */
  private eachValue(key: string, forEach: unknown): Value {
    if (!isPlainObject(forEach)) return new Unknown(undefined, []);
    const raw = forEach.constant_value;
    if (isPlainObject(raw) && Object.hasOwn(raw, key))
      return evaluate(raw[key], { modulePrefix: this.prefix, variable: (n) => this.variable(n) });
    const ranged = this.evaluate(forEach, { modulePrefix: this.prefix, variable: (n) => this.variable(n) });
    const refs = ranged instanceof Unknown ? ranged.references : [];
    if (refs.length === 1 && refs[0].attribute === undefined && !TRAILING_KEY.test(refs[0].address)) {
      return new Unknown(undefined, [{ address: `${refs[0].address}${keyText(key)}` }], true);
    }
    return new Unknown(undefined, refs);
  }
}

/** Every string of `strings` that is the start of another, up to a `.` or `[` (`okta_group.a` of `okta_group.a.id`): linear in their length. */
function shorterForms(strings: readonly string[]): Set<string> {
  const all = new Set(strings);
  const out = new Set<string>();
  for (const s of strings) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c !== 46 && c !== 91) continue; // '.' or '['
      const head = s.slice(0, i);
      if (all.has(head)) out.add(head);
    }
  }
  return out;
}

/** Templates are not evaluated in a constant that has none: its strings are literal. */
const NO_TEMPLATES: Scope = {};

function containsTemplate(raw: unknown): boolean {
  if (typeof raw === 'string') return raw.includes('${');
  if (Array.isArray(raw)) return raw.some(containsTemplate);
  if (isPlainObject(raw)) return Object.values(raw).some(containsTemplate);
  return false;
}

const BARE_RESOURCE = /^[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*$/;

/** `azuread_user.bg`: a managed resource named whole, with no key and no attribute. */
function isBareResource(r: string): boolean {
  return BARE_RESOURCE.test(r) && !RESERVED_ROOTS.has(r.slice(0, r.indexOf('.')));
}

/** A reference to a module call's instance (`module.team["desk"]`), not to a resource inside it. */
function isModuleReference(ref: Reference): boolean {
  const { steps, rest } = splitModulePath(ref.address + '.');
  return steps.length > 0 && rest === '';
}

/** Whether the call has `count` or `for_each`, so that `module.NAME` alone means all its instances. */
function hasInstances(parent: ModuleInstance, name: string): boolean {
  const calls = parent.config?.module_calls;
  const call = calls && Object.hasOwn(calls, name) ? calls[name] : undefined;
  return isPlainObject(call) && (call.count_expression !== undefined || call.for_each_expression !== undefined);
}
