/**
 * Turns the paths a user names into stacks, telling inputs apart by content:
 * a cdktf output directory (its manifest.json), a stack directory or
 * `cdk.tf.json`, any `.tf.json`, a directory of `.tf`/`.tf.json`, or a
 * `terraform show -json` plan.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { InputKind, Resource, Stack, StackScope } from '../model/resource';
import type { Value } from '../model/value';
import { ConfigFile, evaluate, isConfigurationShape, isPlainObject, readConfiguration } from './configuration';
import { InputError, errorMessage, parseJson, refuseDeepNesting } from '../errors';
import { append, byText, compareText } from '../lists';
import { createLocator } from './locate';
import { isPlanShape, readPlan, validatePlan } from './plan';
import { applyOverrides } from './overrides';
import { inlineSuppressions } from './inline-suppressions';
import { refuseIrregular } from './files';
import { HclSyntaxError, parseHcl } from './hcl-syntax';

export interface LoadOptions {
  /** Extra variable files for HCL input (`--var-file`), applied last. */
  readonly varFiles?: readonly string[];
}

/** Every stack the paths hold, by name: what a command reports does not depend on the order the paths were given in. */
export async function loadInputs(paths: readonly string[], options: LoadOptions = {}): Promise<Stack[]> {
  const stacks: Stack[] = [];
  for (const p of paths) append(stacks, await loadPath(p, options));
  return disambiguate(stacks).sort((a, b) => compareText(a.name, b.name));
}

async function loadPath(p: string, options: LoadOptions): Promise<Stack[]> {
  const info = await statOrFail(p);
  if (info.isDirectory()) return loadDirectory(p, options);
  if (!info.isFile()) await refuseIrregular(p);
  return loadFile(p, await readText(p), options);
}

/**
 * A directory is cdktf output only when its manifest names stacks that are
 * there; a stack directory only when `cdk.tf.json` is its one configuration
 * file. Anything else is one Terraform module, as Terraform reads it: every
 * `.tf` and `.tf.json` together (a `cdk.tf.json` among them).
 */
async function loadDirectory(dir: string, options: LoadOptions): Promise<Stack[]> {
  const listed = await readDir(dir);
  // A pipe or device named main.tf would block the read forever: only regular files (and directories) are read.
  const irregular = await irregularEntries(dir, listed);
  const entries = listed.filter((e) => !irregular.includes(e));
  const tfFiles = entries.filter(isConfigurationFile);
  if (entries.includes('manifest.json')) {
    const file = path.join(dir, 'manifest.json');
    const doc = parseJson(await readText(file), file);
    if (isManifest(doc) && (tfFiles.length === 0 || (await namesStacksThatExist(dir, doc))))
      return loadManifest(dir, doc, file);
  }
  if (tfFiles.length === 1 && tfFiles[0] === 'cdk.tf.json') {
    const file = path.join(dir, 'cdk.tf.json');
    return loadFile(file, await readText(file), options);
  }
  if (tfFiles.length === 0)
    throw new InputError(
      dir,
      'no Terraform configuration, plan or cdktf output found (expected manifest.json, cdk.tf.json, *.tf or *.tf.json)',
    );
  const files = await Promise.all(tfFiles.map((n) => readConfigFile(path.join(dir, n))));
  const stack = await loadHclModule(dir, files, entries, options);
  return [irregular.length > 0 ? { ...stack, skipped: irregular.map((e) => path.join(dir, e)) } : stack];
}

/** Entries that are neither regular files nor directories (followed through links). */
async function irregularEntries(dir: string, entries: readonly string[]): Promise<string[]> {
  const kinds = await Promise.all(
    entries.map((e) =>
      fs.stat(path.join(dir, e)).then(
        (s) => s.isFile() || s.isDirectory(),
        () => true,
      ),
    ),
  );
  return entries.filter((_, i) => !kinds[i]);
}

function isConfigurationFile(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

async function namesStacksThatExist(dir: string, manifest: Manifest): Promise<boolean> {
  const stacks = Object.values(manifest.stacks);
  if (stacks.length === 0) return false;
  for (const entry of stacks) {
    if (!isPlainObject(entry) || typeof entry.synthesizedStackPath !== 'string') return false;
    try {
      if (!(await fs.stat(path.join(dir, entry.synthesizedStackPath))).isFile()) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Reads one file's content as a stack (exported for tests that feed arbitrary content). */
export async function loadFile(file: string, text: string, options: LoadOptions = {}): Promise<Stack[]> {
  if (text.trim() === '') throw new InputError(file, 'file is empty');
  const looksJson = text.trimStart().startsWith('{') || file.endsWith('.json');
  if (!looksJson) return [await loadHclModule(file, [{ file, text, body: parseHclFile(file, text) }], [], options)];
  const doc = parseJson(text, file);
  if (isPlanShape(doc)) {
    const plan = validatePlan(doc as Record<string, unknown>, file);
    return [
      stackOf(
        baseName(file),
        'plan',
        file,
        readPlan(plan, file),
        [],
        undefined,
        createLocator('plan', () => text),
      ),
    ];
  }
  if (isManifest(doc)) return loadManifest(path.dirname(file), doc, file);
  if (isConfigurationShape(doc)) return [jsonConfigurationStack(file, doc, text)];
  const keys = isPlainObject(doc)
    ? Object.keys(doc).slice(0, 5).join(', ')
    : Array.isArray(doc)
      ? 'an array'
      : typeof doc;
  throw new InputError(file, `neither Terraform configuration nor a plan (found ${keys || 'an empty object'})`);
}

/**
 * A stack from one Terraform JSON document (cdktf's `cdk.tf.json` or a
 * `.tf.json`), with the intent the constructs recorded; `text`, where there is
 * one, gives findings their lines. The reader evaluates `doc` in place.
 */
export function jsonConfigurationStack(file: string, doc: Record<string, unknown>, text?: string): Stack {
  const meta = isPlainObject(doc['//']) && isPlainObject(doc['//'].metadata) ? doc['//'].metadata : undefined;
  const cdktfName = typeof meta?.stackName === 'string' ? meta.stackName : undefined;
  const { resources, notEvaluated } = readConfiguration([{ file, body: doc }], {
    useDefaults: false,
    consumeInput: true,
  });
  const intent = isPlainObject(doc['//']) ? (doc['//']['recovery-gate'] as Value | undefined) : undefined;
  // cdktf output is always a stack; a hand-written .tf.json is a root only where it configures a provider or backend.
  const scope = cdktfName ? 'tenant' : scopeOf([{ body: doc }]);
  return stackOf(
    cdktfName ?? baseName(file),
    cdktfName ? 'cdktf' : 'terraform-json',
    file,
    resources,
    notEvaluated,
    intent,
    text === undefined ? undefined : createLocator('json', () => text),
    scope,
  );
}

interface Manifest {
  stacks: Record<string, { name?: string; synthesizedStackPath?: string }>;
}

function isManifest(doc: unknown): doc is Manifest {
  return isPlainObject(doc) && isPlainObject(doc.stacks) && typeof doc.version === 'string' && !('resource' in doc);
}

async function loadManifest(dir: string, manifest: Manifest, file: string): Promise<Stack[]> {
  const stacks: Stack[] = [];
  for (const [key, entry] of Object.entries(manifest.stacks).sort(byText(([key]) => key))) {
    if (!isPlainObject(entry) || typeof entry.synthesizedStackPath !== 'string')
      throw new InputError(file, `stack "${key}" has no synthesizedStackPath`);
    const stackFile = path.join(dir, entry.synthesizedStackPath);
    const text = await readText(stackFile);
    const doc = parseJson(text, stackFile);
    if (!isConfigurationShape(doc)) throw new InputError(stackFile, 'not Terraform JSON configuration');
    const stack = jsonConfigurationStack(stackFile, doc, text);
    stacks.push({ ...stack, name: typeof entry.name === 'string' ? entry.name : key, kind: 'cdktf' });
  }
  if (stacks.length === 0) throw new InputError(file, 'cdktf manifest lists no stacks');
  return stacks;
}

// ------------------------------------------------------------------- HCL

function parseHclFile(file: string, text: string): Record<string, unknown> {
  refuseDeepNesting(text, file, true);
  try {
    return parseHcl(text);
  } catch (e) {
    if (e instanceof HclSyntaxError)
      throw new InputError(file, `HCL syntax error at line ${e.line}, column ${e.column}: ${e.message}`);
    throw e;
  }
}

async function readConfigFile(file: string): Promise<ConfigFile> {
  const text = await readText(file);
  if (file.endsWith('.json')) {
    const doc = parseJson(text, file);
    if (!isConfigurationShape(doc) && !(isPlainObject(doc) && Object.keys(doc).length === 0))
      throw new InputError(file, 'not Terraform JSON configuration');
    return { file, text, body: doc as Record<string, unknown> };
  }
  return { file, text, body: parseHclFile(file, text) };
}

/**
 * Evaluates a root module (a directory, or one `.tf` file given alone) after
 * reading, ahead of evaluation, every local module it calls.
 * @param origin the directory or file the user named
 * @param entries the directory's file names, for variable files (none for a single file)
 */
async function loadHclModule(
  origin: string,
  read: readonly ConfigFile[],
  entries: readonly string[],
  options: LoadOptions,
): Promise<Stack> {
  const files = applyOverrides(read);
  const modules = new Map<string, ConfigFile[]>();
  await preloadModules(files, modules, new Set());
  const variables = await readVariableFiles(origin, entries, options.varFiles ?? []);
  const { resources, notEvaluated } = readConfiguration(files, {
    useDefaults: true,
    variables,
    loadModule: (source, caller) => modules.get(path.resolve(path.dirname(caller.file), source)),
  });
  const texts = new Map([...files, ...[...modules.values()].flat()].map((f) => [f.file, f.text]));
  const locate = createLocator('hcl', (f) => texts.get(f));
  const stack = stackOf(
    baseName(path.resolve(origin)),
    'hcl',
    origin,
    resources,
    notEvaluated,
    undefined,
    locate,
    scopeOf(files),
  );
  const inline = files
    .filter((f) => f.file.endsWith('.tf') && f.text !== undefined)
    .flatMap((f) => inlineSuppressions(f.file, f.text!));
  return inline.length > 0 ? { ...stack, inlineSuppressions: inline } : stack;
}

async function preloadModules(
  files: readonly ConfigFile[],
  out: Map<string, ConfigFile[]>,
  visiting: Set<string>,
): Promise<void> {
  for (const f of files) {
    const calls = f.body.module;
    if (!isPlainObject(calls)) continue;
    for (const raw of Object.values(calls)) {
      const call = Array.isArray(raw) ? raw[0] : raw;
      const source = isPlainObject(call) ? call.source : undefined;
      if (typeof source !== 'string' || !/^\.\.?\//.test(source)) continue;
      const dir = path.resolve(path.dirname(f.file), source);
      if (out.has(dir) || visiting.has(dir)) continue;
      const shown = path.join(path.dirname(f.file), source);
      const names = (await readDir(shown)).filter(isConfigurationFile).sort();
      const moduleFiles = applyOverrides(await Promise.all(names.map((n) => readConfigFile(path.join(shown, n)))));
      out.set(dir, moduleFiles);
      visiting.add(dir);
      await preloadModules(moduleFiles, out, visiting);
    }
  }
}

/** terraform.tfvars, then *.auto.tfvars in name order, then --var-file: later files win. */
async function readVariableFiles(
  dir: string,
  entries: readonly string[],
  extra: readonly string[],
): Promise<Map<string, Value>> {
  const auto = entries.filter((e) => /\.auto\.tfvars(\.json)?$/.test(e)).sort();
  const ordered = [...['terraform.tfvars', 'terraform.tfvars.json'].filter((e) => entries.includes(e)), ...auto].map(
    (e) => path.join(dir, e),
  );
  const values = new Map<string, Value>();
  for (const file of [...ordered, ...extra]) {
    const text = await readText(file);
    const body = file.endsWith('.json') ? parseJson(text, file) : parseHclFile(file, text);
    if (!isPlainObject(body)) throw new InputError(file, 'variable file must hold name = value pairs');
    for (const [k, v] of Object.entries(body)) values.set(k, evaluate(v, {}));
  }
  return values;
}

// ------------------------------------------------------------ file access

async function statOrFail(p: string) {
  try {
    return await fs.stat(p);
  } catch (e) {
    throw new InputError(p, describeFsError(e));
  }
}

async function readText(p: string): Promise<string> {
  try {
    await refuseIrregular(p);
    return await fs.readFile(p, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(p, describeFsError(e));
  }
}

async function readDir(p: string): Promise<string[]> {
  try {
    return (await fs.readdir(p)).sort();
  } catch (e) {
    throw new InputError(p, describeFsError(e));
  }
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read: permission denied';
    case 'EISDIR':
      return 'is a directory, expected a file';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return `cannot read: ${code ?? errorMessage(e)}`;
  }
}

// ----------------------------------------------------------------- stacks

function stackOf(
  name: string,
  kind: InputKind,
  origin: string,
  resources: Resource[],
  notEvaluated: string[],
  intent: Value | undefined,
  locateLine: Stack['locateLine'] | undefined,
  scope: StackScope = 'tenant',
): Stack {
  return {
    name,
    kind,
    origin,
    resources,
    notEvaluated,
    scope,
    ...(intent !== undefined ? { intent } : {}),
    ...(locateLine ? { locateLine } : {}),
  };
}

/**
 * A root configures a provider or a backend (RULES.md, "Whole tenants and
 * parts of one"); a directory or file that does neither is a child module,
 * meant to be called by one.
 */
export function scopeOf(files: readonly { body: Record<string, unknown> }[]): StackScope {
  const configures = files.some(({ body }) => {
    if (isPlainObject(body.provider) || (Array.isArray(body.provider) && body.provider.length > 0)) return true;
    const settings = Array.isArray(body.terraform) ? body.terraform : [body.terraform];
    return settings.some((t) => isPlainObject(t) && (t.backend !== undefined || t.cloud !== undefined));
  });
  return configures ? 'tenant' : 'module';
}

function baseName(file: string): string {
  return path.basename(file).replace(/(\.tf)?\.json$|\.tf$/, '');
}

/** Two inputs may hold stacks of the same name; findings must still say which. */
function disambiguate(stacks: Stack[]): Stack[] {
  const counts = new Map<string, number>();
  for (const s of stacks) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  return stacks.map((s) => ((counts.get(s.name) ?? 0) > 1 ? { ...s, name: `${s.name} (${s.origin})` } : s));
}
