/**
 * Reads Terraform configuration in its JSON shape — cdktf output, `.tf.json`,
 * and HCL (which hcl-syntax.ts reads into that shape) — into resources. The
 * three differ only in what an expression may see: HCL substitutes variable values and reads local modules,
 * cdktf and `.tf.json` take configuration as written.
 */
import { Scope, evaluateTemplate, planTimeDeadline } from '../model/expression';
import {
  ANY_INSTANCE_KEY,
  LoadedResource,
  NO_CONDITIONS,
  recordReferences,
  type Condition,
  type Resource,
  type SourceLocation,
} from '../model/resource';
import { convertToSchema } from '../model/conversion';
import { isSecretAttribute } from '../model/secrets';
import { Secret, Unknown, Value, ValueObject, blocks, isObject } from '../model/value';
import { InputError } from '../errors';
import { append } from '../lists';

/** One configuration file, parsed. */
export interface ConfigFile {
  readonly file: string;
  readonly body: Record<string, unknown>;
  /** The source text, kept for line numbers. */
  readonly text?: string;
}

export interface ReadOptions {
  /** Variable values that override defaults (tfvars, module call arguments). */
  readonly variables?: ReadonlyMap<string, Value>;
  /** Whether `var.x` without a value falls back to the variable's default (HCL) or stays unknown (cdktf). */
  readonly useDefaults: boolean;
  /** Loads a local module's files; undefined means modules are not followed. */
  readonly loadModule?: (source: string, caller: ConfigFile) => ConfigFile[] | undefined;
  readonly modulePrefix?: string;
  /**
   * The caller hands the parsed bodies over: a resource evaluated once (no
   * count or for_each) is evaluated in place instead of copied, which halves
   * the allocation for large synthesized stacks.
   */
  readonly consumeInput?: boolean;
  /** The modules being read, outermost first, by their files: a call to one of them again is recursion. */
  readonly reading?: readonly (readonly ConfigFile[])[];
}

export interface ReadResult {
  readonly resources: Resource[];
  /** Addresses the reader could not evaluate statically. */
  readonly notEvaluated: string[];
}

const META_ARGUMENTS = new Set([
  'count',
  'for_each',
  'depends_on',
  'provider',
  'lifecycle',
  'provisioner',
  'connection',
  '//',
]);
const TOP_LEVEL = new Set([
  'resource',
  'data',
  'locals',
  'variable',
  'module',
  'output',
  'terraform',
  'provider',
  'moved',
  'import',
  'removed',
  'check',
  '//',
]);

/** True when a JSON document has only Terraform configuration's top-level keys. */
export function isConfigurationShape(doc: unknown): doc is Record<string, unknown> {
  if (!isPlainObject(doc)) return false;
  const keys = Object.keys(doc);
  return keys.length > 0 && keys.every((k) => TOP_LEVEL.has(k)) && keys.some((k) => k !== '//');
}

export function readConfiguration(files: readonly ConfigFile[], given: ReadOptions): ReadResult {
  const options = given.reading ? given : { ...given, reading: [files] };
  const prefix = options.modulePrefix ?? '';
  const scope = buildScope(files, options, prefix);
  const resources: Resource[] = [];
  const notEvaluated: string[] = [];

  // Every block first, so that `for_each = <another resource>` can expand wherever that resource is written.
  const blocks: DeclaredBlock[] = [];
  for (const file of files) {
    for (const mode of ['resource', 'data'] as const) {
      const section = file.body[mode];
      if (section === undefined) continue;
      if (!isPlainObject(section)) throw new InputError(file.file, `"${mode}" must be an object of resource types`);
      for (const type in section) {
        const byName = section[type];
        if (!isPlainObject(byName))
          throw new InputError(file.file, `${mode} "${type}" must be an object of named resources`);
        for (const name in byName) {
          const body = firstBlock(byName[name]);
          if (!body) throw new InputError(file.file, `${mode} "${type}" "${name}" must be an object`);
          blocks.push({
            file,
            mode,
            type,
            name,
            base: `${prefix}${mode === 'data' ? 'data.' : ''}${type}.${name}`,
            body,
          });
        }
      }
    }
  }
  const instances = new InstanceTable(
    blocks.filter((b) => isRepeated(b.body)),
    scope,
  );
  scope.resource = (address) => instances.asValue(address);
  for (const { file, mode, type, name, base, body } of blocks) {
    const expanded = isRepeated(body) ? (instances.of(base) ?? CANNOT_EXPAND) : SINGLE_INSTANCE;
    const inPlace = options.consumeInput === true && expanded.length === 1;
    for (const instance of expanded) {
      // Instances that cannot be counted still exist: one stands for them all, its each.* and count.index unknown.
      const resource = buildResource(file, mode, type, name, base, body, instanceScope(scope, instance, base), inPlace);
      resources.push(resource);
      if (instance.key === ANY_INSTANCE_KEY || (options.useDefaults && hasStaticUnknown(resource.values)))
        notEvaluated.push(resource.address);
    }
  }
  for (const file of files)
    if (options.loadModule) readModules(file, options, scope, instances, resources, notEvaluated);
  return { resources, notEvaluated };
}

/**
 * Local modules, read with the arguments they are called with. `count` and
 * `for_each` expand as a resource's do (`module.teams["desk"].…`); where they
 * cannot, one instance stands for all (`module.teams[*].…`), its resources noticed.
 */
function readModules(
  file: ConfigFile,
  options: ReadOptions,
  scope: Scope,
  instances: InstanceTable,
  resources: Resource[],
  notEvaluated: string[],
): void {
  const modules = file.body.module;
  if (!isPlainObject(modules)) return;
  const prefix = scope.modulePrefix ?? '';
  for (const [name, raw] of Object.entries(modules)) {
    const call = firstBlock(raw);
    const address = `${prefix}module.${name}`;
    const source = call?.source;
    const loaded =
      typeof source === 'string' && /^\.\.?\//.test(source) ? options.loadModule?.(source, file) : undefined;
    if (!call || !loaded) {
      notEvaluated.push(`${address}.*`);
      continue;
    }
    if (options.reading?.includes(loaded)) {
      throw new InputError(
        file.file,
        `${lineOf(file, name)}module "${name}" calls ${String(source)}, which is already being read: a module that calls itself, directly or through others, has no end (Terraform rejects it)`,
      );
    }
    for (const instance of instancesOf(call, scope, instances)) {
      const callScope = instanceScope(scope, instance, address);
      const args = new Map<string, Value>();
      for (const [k, v] of Object.entries(call)) {
        if (k !== 'source' && k !== 'version' && !META_ARGUMENTS.has(k) && k !== 'providers')
          args.set(k, evaluate(v, callScope));
      }
      // A module called for several instances is read once for each: its bodies must stay as they are.
      const child = readConfiguration(loaded, {
        ...options,
        consumeInput: false,
        variables: args,
        modulePrefix: `${address}${instance.key}.`,
        reading: [...(options.reading ?? []), loaded],
      });
      append(resources, child.resources);
      append(
        notEvaluated,
        instance.key === ANY_INSTANCE_KEY ? child.resources.map((r) => r.address) : child.notEvaluated,
      );
    }
  }
}

/** `line N: ` where a module block is written, when the file's text says. */
function lineOf(file: ConfigFile, name: string): string {
  const at = file.text?.search(new RegExp(`module\\s+"${name.replace(/[^A-Za-z0-9_-]/g, '')}"`));
  return file.text && at !== undefined && at >= 0 ? `line ${file.text.slice(0, at).split('\n').length}: ` : '';
}

function buildScope(files: readonly ConfigFile[], options: ReadOptions, prefix: string): Scope {
  const defaults = new Map<string, unknown>();
  const sensitive = new Set<string>();
  const localExprs = new Map<string, unknown>();
  for (const f of files) {
    for (const [name, decl] of Object.entries(asObject(f.body.variable))) {
      const d = firstBlock(decl);
      if (d && 'default' in d) defaults.set(name, d.default);
      if (d && (d.sensitive === true || d.sensitive === 'true' || d.sensitive === '${true}')) sensitive.add(name);
    }
    for (const block of asBlockList(f.body.locals)) for (const [k, v] of Object.entries(block)) localExprs.set(k, v);
  }
  const localValues = new Map<string, Value>();
  const evaluating = new Set<string>();
  const scope: Scope = {
    modulePrefix: prefix,
    plainReferences: new Map(),
    variable(name) {
      const given = options.variables?.get(name);
      const value =
        given !== undefined
          ? given
          : options.useDefaults && defaults.has(name)
            ? toValue(defaults.get(name))
            : undefined;
      // A variable declared sensitive is known to Terraform, never to a report.
      return value !== undefined && sensitive.has(name) ? Secret.instance : value;
    },
    local(name) {
      if (localValues.has(name)) return localValues.get(name);
      if (!localExprs.has(name) || evaluating.has(name)) return undefined;
      evaluating.add(name);
      const v = evaluate(localExprs.get(name), scope);
      evaluating.delete(name);
      localValues.set(name, v);
      return v;
    },
  };
  return scope;
}

interface Instance {
  readonly key: string;
  readonly scope: Partial<Scope>;
}

interface DeclaredBlock {
  readonly file: ConfigFile;
  readonly mode: 'resource' | 'data';
  readonly type: string;
  readonly name: string;
  /** The address without instance keys, module prefix included. */
  readonly base: string;
  readonly body: Record<string, unknown>;
}

/** A block with `count` or `for_each`: most have neither, and need no table. */
function isRepeated(body: Record<string, unknown>): boolean {
  return body.count !== undefined || body.for_each !== undefined;
}

/**
 * The instances of each repeated resource of a module, worked out once and on
 * first need: `for_each = azuread_user.break_glass` takes that resource's
 * keys, which may be declared after it, or in another file.
 */
class InstanceTable {
  private readonly bodies = new Map<string, Record<string, unknown>>();
  private readonly known = new Map<string, readonly Instance[]>();

  constructor(
    blocks: readonly DeclaredBlock[],
    private readonly scope: Scope,
  ) {
    for (const b of blocks) if (!this.bodies.has(b.base)) this.bodies.set(b.base, b.body);
  }

  /**
   * The resource at `base` as an expression sees it: the list (count) or map
   * (for_each) of its instances, each unknown until apply; undefined when it
   * is not repeated or its instances are not known.
   */
  asValue(base: string): Value | undefined {
    const instances = this.of(base);
    if (!instances || instances.some((i) => i.key === ANY_INSTANCE_KEY)) return undefined;
    const instance = (i: Instance) => new Unknown(`\${${base}${i.key}}`, [{ address: `${base}${i.key}` }], true);
    if (instances.every((i) => i.scope.countIndex !== undefined)) return instances.map(instance);
    const out: ValueObject = {};
    for (const i of instances) out[String(i.scope.each?.key)] = instance(i);
    return out;
  }

  /** The instances of the resource at `base`, or undefined when it is not a repeated resource of this module. */
  of(base: string): readonly Instance[] | undefined {
    let instances = this.known.get(base);
    if (instances) return instances;
    const body = this.bodies.get(base);
    if (!body) return undefined;
    this.known.set(base, CANNOT_EXPAND); // a cycle of for_each cannot be expanded
    instances = instancesOf(body, this.scope, this);
    this.known.set(base, instances);
    return instances;
  }
}

/**
 * `count` and `for_each` expanded where literal, or over another resource's
 * known keys, in Terraform's order (a for_each set or map by key); where they
 * cannot be, one instance stands for all ({@link ANY_INSTANCE}).
 */
function instancesOf(body: Record<string, unknown>, scope: Scope, table: InstanceTable): readonly Instance[] {
  if (body.count !== undefined) {
    const n = toNumber(evaluate(body.count, scope));
    // Terraform rejects a count that is not a whole number; past MAX_INSTANCES the reader does not expand.
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_INSTANCES) return CANNOT_EXPAND;
    return Array.from({ length: n }, (_, i) => ({ key: `[${i}]`, scope: { countIndex: i } }));
  }
  if (body.for_each !== undefined) {
    const coll = evaluate(body.for_each, scope);
    if (Array.isArray(coll) && coll.length <= MAX_INSTANCES && coll.every((e) => typeof e === 'string')) {
      return [...new Set(coll as string[])].sort().map((k) => forEachInstance(k, k));
    }
    if (isObject(coll) && Object.keys(coll).length <= MAX_INSTANCES)
      return Object.keys(coll)
        .sort()
        .map((k) => forEachInstance(k, coll[k]));
    return (coll instanceof Unknown && overResource(coll, table)) || CANNOT_EXPAND;
  }
  return SINGLE_INSTANCE;
}

/**
 * `for_each = azuread_user.break_glass`, where that resource has for_each
 * keys of its own: one instance per key, `each.value` being that instance
 * (whose attributes are known after apply). Over a resource whose keys are
 * not known, the one instance that stands for all, over the one of the other.
 */
function overResource(coll: Unknown, table: InstanceTable): readonly Instance[] | undefined {
  const [ref, ...more] = coll.references;
  if (!coll.direct || !ref || more.length > 0 || ref.attribute !== undefined) return undefined;
  const source = table.of(ref.address);
  if (!source) return undefined;
  const instance = (key: string) =>
    new Unknown(`\${${ref.address}${key}}`, [{ address: `${ref.address}${key}` }], true);
  if (source.length === 1 && source[0].key === ANY_INSTANCE_KEY)
    return [
      {
        key: ANY_INSTANCE_KEY,
        scope: { each: { key: new Unknown(undefined, []), value: instance(ANY_INSTANCE_KEY) } },
      },
    ];
  // Only a resource with for_each is a map of instances; one with count is a list, which for_each does not take.
  if (source.some((i) => i.scope.each === undefined)) return undefined;
  return source.map((i) => ({ key: i.key, scope: { each: { key: i.scope.each!.key, value: instance(i.key) } } }));
}

/** The instance of one for_each key: `["desk"]`, with each.key and each.value. */
function forEachInstance(key: string, value: Value): Instance {
  return { key: `[${JSON.stringify(key)}]`, scope: { each: { key, value } } };
}

/**
 * The scope one instance's expressions see. Built field by field: spreading
 * the shared scope (an object with methods) is several times slower, and this
 * runs once per resource.
 */
function instanceScope(scope: Scope, instance: Instance, base: string): Scope {
  if (instance === SINGLE_INSTANCE[0])
    return {
      variable: scope.variable,
      local: scope.local,
      resource: scope.resource,
      modulePrefix: scope.modulePrefix,
      plainReferences: scope.plainReferences,
      self: base,
    };
  return { ...scope, ...instance.scope, self: base + instance.key };
}

/** `count = "2"` is 2, as Terraform converts it. */
function toNumber(v: Value): Value {
  return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
}

/**
 * The most instances the reader makes of one resource or module call: a
 * `count` or `for_each` past it stands as one instance for all, and is noticed.
 */
export const MAX_INSTANCES = 50_000;

const SINGLE_INSTANCE: readonly Instance[] = [{ key: '', scope: {} }];
/** Every instance of a resource whose count or for_each is not known: each.* and count.index are unknown. */
const ANY_INSTANCE: Instance = { key: ANY_INSTANCE_KEY, scope: {} };
const CANNOT_EXPAND: readonly Instance[] = [ANY_INSTANCE];

function buildResource(
  file: ConfigFile,
  mode: 'managed' | 'data' | 'resource',
  type: string,
  name: string,
  base: string,
  body: Record<string, unknown>,
  scope: Scope,
  inPlace: boolean,
): Resource {
  // A body of attributes only (no meta-arguments, no dynamic blocks) that is ours to change becomes the values itself.
  const values: ValueObject = inPlace && onlyAttributes(body) ? (body as ValueObject) : {};
  for (const k in body) {
    if (!META_ARGUMENTS.has(k) && k !== 'dynamic') values[k] = evaluateAttribute(k, undefined, body[k], scope, inPlace);
  }
  // After the static blocks, so that both kinds of the same block add up.
  if (isPlainObject(body.dynamic)) expandDynamicBlocks(body.dynamic, values, scope);
  convertToSchema(type, values);
  const metadata = asObject(asObject(body['//']).metadata);
  const source: SourceLocation =
    typeof metadata.path === 'string'
      ? new ConstructSource(file.file, metadata.path, metadata.stackTrace)
      : sourceOf(file);
  const conditions = body.lifecycle === undefined ? NO_CONDITIONS : readConditions(body.lifecycle, scope);
  return new ConfiguredResource(
    scope.self ?? base,
    base,
    mode === 'data' ? 'data' : 'managed',
    type,
    name,
    values,
    conditions,
    source,
  );
}

/** A resource read from configuration: its references are the unknowns in its values. */
class ConfiguredResource extends LoadedResource {
  protected collectReferences(out: Map<string, string[]>): void {
    collectReferences(this.values, '', out);
  }
}

function onlyAttributes(body: Record<string, unknown>): boolean {
  for (const k in body) if (META_ARGUMENTS.has(k) || k === 'dynamic') return false;
  return true;
}

/**
 * Where a construct's resource was written. The program line is read from
 * cdktf's stack trace when a finding first asks for it: most resources never
 * have a finding, and a large stack has a trace on every resource.
 */
class ConstructSource implements SourceLocation {
  private located?: { file: string; line: number } | null;

  constructor(
    readonly file: string,
    readonly constructPath: string,
    private readonly stackTrace: unknown,
  ) {}

  get code(): { file: string; line: number } | undefined {
    if (this.located === undefined) this.located = codeLocation(this.stackTrace) ?? null;
    return this.located ?? undefined;
  }
}

/** `at new Stack (/repo/stacks/okta-org.ts:27:5)` → the file (relative to the working directory) and line. */
export function codeLocation(trace: unknown): { file: string; line: number } | undefined {
  const frame = Array.isArray(trace) ? trace.find((t): t is string => typeof t === 'string') : undefined;
  const m = frame ? /(?:\(|at )(?:file:\/\/)?([^()]+?):(\d+):\d+\)?$/.exec(frame) : null;
  if (!m) return undefined;
  const absolute = m[1];
  const cwd = process.cwd();
  const file = absolute.startsWith(cwd + '/') ? absolute.slice(cwd.length + 1) : absolute;
  return { file: file.replace(/\\/g, '/'), line: Number(m[2]) };
}

// One location object per file, shared by every resource without a construct path.
const fileSources = new WeakMap<ConfigFile, SourceLocation>();
function sourceOf(file: ConfigFile): SourceLocation {
  let source = fileSources.get(file);
  if (!source) fileSources.set(file, (source = { file: file.file }));
  return source;
}

function readConditions(lifecycle: unknown, scope: Scope): Condition[] {
  const out: Condition[] = [];
  for (const block of asBlockList(lifecycle)) {
    for (const kind of ['precondition', 'postcondition'] as const) {
      for (const c of asBlockList(block[kind])) {
        if (typeof c.condition !== 'string') continue;
        const expression = c.condition.replace(/^\$\{([\s\S]*)\}$/, '$1');
        const deadline = planTimeDeadline(expression, scope);
        out.push({
          kind,
          expression,
          ...(typeof c.error_message === 'string' ? { errorMessage: c.error_message } : {}),
          ...(deadline !== undefined ? { deadline } : {}),
        });
      }
    }
  }
  return out;
}

function evaluateAttribute(
  key: string,
  parent: string | undefined,
  raw: unknown,
  scope: Scope,
  inPlace: boolean,
): Value {
  if (typeof raw === 'string')
    return isSecretAttribute(key, parent) && raw !== '' ? Secret.instance : evaluateTemplate(raw, scope);
  if (raw !== null && raw !== undefined && isSecretAttribute(key, parent)) return Secret.instance;
  if (Array.isArray(raw)) {
    const out = inPlace ? (raw as Value[]) : new Array<Value>(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const e: unknown = raw[i];
      out[i] = isPlainObject(e) ? evaluateBlock(e, key, scope, inPlace) : evaluate(e, scope);
    }
    return out;
  }
  if (isPlainObject(raw)) return evaluateBlock(raw, key, scope, inPlace);
  return toValue(raw);
}

function evaluateBlock(raw: Record<string, unknown>, parent: string, scope: Scope, inPlace: boolean): ValueObject {
  if (inPlace && !('//' in raw) && !('dynamic' in raw)) {
    for (const k in raw) raw[k] = evaluateAttribute(k, parent, raw[k], scope, true);
    return raw as ValueObject;
  }
  const out: ValueObject = {};
  for (const k in raw) if (k !== '//' && k !== 'dynamic') out[k] = evaluateAttribute(k, parent, raw[k], scope, false);
  if (isPlainObject(raw.dynamic)) expandDynamicBlocks(raw.dynamic, out, scope);
  return out;
}

/**
 * `dynamic "name" { for_each = …; iterator = …; content { … } }` (hcl2json's
 * shape): one block per element where the collection is literal; otherwise one
 * unknown block that remembers what the collection depends on.
 */
function expandDynamicBlocks(dynamic: Record<string, unknown>, out: ValueObject, scope: Scope): void {
  for (const [name, specs] of Object.entries(dynamic)) {
    const expanded: Value[] = Array.isArray(out[name])
      ? [...(out[name] as Value[])]
      : out[name] !== undefined
        ? [out[name]]
        : [];
    for (const spec of asBlockList(specs)) {
      const content = asBlockList(spec.content)[0] ?? {};
      const iteratorName = typeof spec.iterator === 'string' ? spec.iterator.replace(/^\$\{(.*)\}$/, '$1') : name;
      const collection = evaluate(spec.for_each, scope);
      const entries: [Value, Value][] | undefined = Array.isArray(collection)
        ? collection.map((v, i) => [i, v])
        : isObject(collection)
          ? Object.keys(collection)
              .sort()
              .map((k) => [k, collection[k]]) // a map in key order, as Terraform iterates it
          : undefined;
      if (!entries) {
        expanded.push(collection instanceof Unknown ? collection : new Unknown(String(spec.for_each), []));
        continue;
      }
      for (const [key, value] of entries) {
        const iterators = new Map(scope.iterators);
        iterators.set(iteratorName, { key, value });
        expanded.push(evaluateBlock(content, name, { ...scope, iterators }, false));
      }
    }
    out[name] = expanded;
  }
}

/** Evaluates any JSON value whose strings are templates. */
export function evaluate(raw: unknown, scope: Scope): Value {
  if (typeof raw === 'string') return evaluateTemplate(raw, scope);
  if (Array.isArray(raw)) return raw.map((e) => evaluate(e, scope));
  if (isPlainObject(raw)) {
    const out: ValueObject = {};
    for (const [k, v] of Object.entries(raw)) out[k] = evaluate(v, scope);
    return out;
  }
  return toValue(raw);
}

function toValue(raw: unknown): Value {
  if (raw === null || typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (Array.isArray(raw)) return raw.map(toValue);
  if (raw instanceof Unknown || raw instanceof Secret) return raw;
  if (isPlainObject(raw)) {
    const out: ValueObject = {};
    for (const [k, v] of Object.entries(raw)) out[k] = toValue(v);
    return out;
  }
  return null;
}

/** Records, per dotted attribute path, the addresses the value refers to. */
export function collectReferences(v: Value, path: string, out: Map<string, string[]>): void {
  if (v instanceof Unknown) {
    recordReferences(out, path, v.references);
  } else if (Array.isArray(v)) {
    for (const e of v) collectReferences(e, path, out);
  } else if (isObject(v)) {
    for (const [k, e] of Object.entries(v)) collectReferences(e, path ? `${path}.${k}` : k, out);
  }
}

const MODULE_OUTPUT = /(^|\.)module\.[^.]+$/;
const DATA_SOURCE = /(^|\.)data\.[^.]+\.[^.[]+/;

/**
 * An unknown that a plan would know and static reading cannot: a variable
 * without a value, a function we do not evaluate, a module's output, or what a
 * data source reads (at plan time). Unknowns that only name resources to be
 * created are what the rules reason about.
 */
function hasStaticUnknown(v: Value): boolean {
  if (v instanceof Unknown)
    return (
      v.references.length === 0 ||
      v.references.some((r) => MODULE_OUTPUT.test(r.address) || DATA_SOURCE.test(r.address))
    );
  if (Array.isArray(v)) return v.some(hasStaticUnknown);
  if (isObject(v)) return Object.values(v).some(hasStaticUnknown);
  return false;
}

/** {@link isObject}, for raw input not yet evaluated. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return isObject(v);
}

export function firstBlock(v: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(v)) return isPlainObject(v[0]) ? v[0] : undefined;
  return isPlainObject(v) ? v : undefined;
}

const EMPTY: Record<string, unknown> = Object.freeze({});

export function asObject(v: unknown): Record<string, unknown> {
  return isPlainObject(v) ? v : EMPTY;
}

export function asBlockList(v: unknown): Record<string, unknown>[] {
  return blocks(v as Value) as Record<string, unknown>[];
}
