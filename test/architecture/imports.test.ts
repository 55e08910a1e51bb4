/**
 * The pipeline as the imports draw it: each folder imports only from its own
 * layer or the layers below, so no two folders import each other and a reader
 * can follow a report from the file read to the line written in one direction.
 * The README's layout table names the same folders.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Bottom to top. `policies` is its own root files: lists, errors, version. */
const LAYERS: readonly (readonly string[])[] = [
  ['policies', 'schema'],
  ['policies/facts'],
  ['policies/model'],
  ['policies/config'],
  ['policies/inputs'],
  ['policies/graph'],
  ['policies/tenant'],
  ['policies/engine'],
  ['policies/rules'],
  ['policies/changes'],
  ['policies/reporters'],
  ['policies/workflows'],
  ['.'],
  ['constructs/shared'],
  ['constructs/okta', 'constructs/entra'],
  ['constructs'],
  ['cli'],
  ['stacks', 'bench'],
];
const layerOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));

const SKIP = new Set([
  'node_modules',
  'dist',
  'test',
  'cdktf.out',
  'coverage',
  '.git',
  '.bench',
  'docs',
  'examples',
  '.stryker-tmp',
  'reports',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = dir === '.' ? name : `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return SKIP.has(name) ? [] : sourceFiles(rel);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
  });
}

interface Import {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

function folderImports(): Import[] {
  return sourceFiles('.').flatMap((file) => {
    const from = path.dirname(file);
    const specs = [
      ...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/(?:\bfrom|\bimport)\s*\(?\s*'(\.{1,2}\/[^']*)'/g),
    ].map((m) => m[1]);
    return specs
      .map((spec) => ({ file, from, to: path.dirname(path.normalize(path.join(from, spec))) }))
      .filter((i) => i.to !== i.from);
  });
}

const imports = folderImports();

it('every folder with source code has a layer', () => {
  const folders = new Set(sourceFiles('.').map((f) => path.dirname(f)));
  expect([...folders].filter((f) => !layerOf.has(f))).toEqual([]);
});

it('folders import only from their own layer or below (so no two folders import each other)', () => {
  const upward = imports
    .filter((i) => layerOf.get(i.to)! > layerOf.get(i.from)!)
    .map((i) => `${i.file} imports ${i.to}`);
  expect(upward).toEqual([]);
});

it('the check imports no cycle between folders', () => {
  const edges = new Map<string, Set<string>>();
  for (const i of imports) edges.set(i.from, (edges.get(i.from) ?? new Set()).add(i.to));
  const reaches = (a: string, b: string, seen = new Set<string>()): boolean =>
    [...(edges.get(a) ?? [])].some((n) => n === b || (!seen.has(n) && (seen.add(n), reaches(n, b, seen))));
  const cycles = [...edges].flatMap(([a, tos]) => [...tos].filter((b) => reaches(b, a)).map((b) => `${a} ⇄ ${b}`));
  expect(cycles).toEqual([]);
});

it('the CLI and the example app use the library API (index.ts), not its internals', () => {
  // The CLI may also name the root modules it needs before any command loads (index.ts loads the whole
  // checker): the error it prints, the version it reports, and the report writer its I/O hands commands.
  const allowed = new Set(['policies/errors.ts', 'policies/version.ts', 'policies/write-report.ts']);
  const internal = sourceFiles('.')
    .filter((f) => /^(cli|stacks)\//.test(f))
    .flatMap((file) =>
      [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/from '(\.{1,2}\/[^']*)'/g)]
        .map((m) => path.normalize(path.join(path.dirname(file), m[1])))
        .filter((target) => target.startsWith('policies') && !allowed.has(`${target}.ts`))
        .map((target) => `${file} imports ${target}`),
    );
  expect(internal).toEqual([]);
});

it("the README's layout table names every folder, and only folders that exist", () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Layout'), readme.indexOf('\n## ', readme.indexOf('## Layout') + 1));
  const rows = [...section.matchAll(/^\| (`[^|]+) \|/gm)].flatMap((m) =>
    [...m[1].matchAll(/`([^`]+)`/g)].map((p) => p[1].replace(/\/$/, '')),
  );
  const folders = [...layerOf.keys()].filter((f) => f !== '.' && f !== 'policies' && f !== 'schema' && f !== 'bench');
  expect(folders.filter((f) => !rows.includes(f))).toEqual([]);
  expect(rows.filter((r) => !existsPath(r))).toEqual([]);
});

function existsPath(rel: string): boolean {
  try {
    statSync(path.join(ROOT, rel));
    return true;
  } catch {
    return false;
  }
}

it('what the CLI loads on every start (--help, --version) imports no index.ts: commands load the checker when they run', () => {
  const startup = ['cli/main.ts', 'cli/run.ts', 'cli/io.ts', 'cli/flags.ts'];
  const eager = startup.filter((file) => /from '\.\.\/index'/.test(readFileSync(path.join(ROOT, file), 'utf8')));
  expect(eager).toEqual([]);
});
