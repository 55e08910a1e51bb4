/**
 * The cdktf snippets of docs/rules and the README, type-checked against the provider
 * bindings: a reader copies them, so a property the binding does not have
 * (or a class it does not export) must fail a test, not a reader's synth.
 *
 * A rule page's snippet becomes the body of a construct's constructor; a
 * README example is a program of its own. Either way its imports are
 * kept; a class it uses without importing is taken from the binding of the
 * provider its heading names (`Okta, cdktf:` → @cdktf/provider-okta), from
 * recovery-gate's constructs, or from cdktf. Other free names (the groups and
 * users a snippet refers to) are declared `any`: the check is about the
 * resources' properties, not the surrounding program.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import * as constructs from '../../constructs';

export interface DocSnippet {
  /** `docs/rules/RG-01.md#2`: the file and the snippet's place in it. */
  readonly name: string;
  readonly code: string;
  readonly provider: 'okta' | 'azuread' | undefined;
  /** Statements in a construct's constructor (`this` is the scope; the default), or a program of its own. */
  readonly scope?: 'construct' | 'module';
}

const ROOT = path.resolve(__dirname, '../..');
const CDKTF_CLASSES = new Set([
  'TerraformResource',
  'DataResource',
  'TerraformOutput',
  'TerraformVariable',
  'TerraformStack',
]);

/** The ```ts blocks of a rule page, each with the provider its heading names. */
export function snippetsOf(file: string): DocSnippet[] {
  // A rule page's snippets are statements in a construct.
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const out: DocSnippet[] = [];
  for (const m of text.matchAll(/^([^\n]*)\n\n```ts\n([\s\S]*?)```/gm)) {
    const heading = m[1];
    const provider = /^Okta,/.test(heading) ? 'okta' : /^Entra ID,/.test(heading) ? 'azuread' : undefined;
    out.push({ name: `${file}#${out.length + 1}`, code: m[2], provider });
  }
  return out;
}

/** `GroupRole` → `group-role`: how the bindings name a resource's folder. */
function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/**
 * The module that exports a resource class of a provider's binding. cdktf
 * appends `A` to a class whose name a struct already takes (`ApplicationPasswordA`).
 */
function bindingModule(provider: 'okta' | 'azuread', className: string): string | undefined {
  for (const folder of [kebab(className), kebab(className.replace(/A$/, ''))]) {
    const dts = path.join(ROOT, 'node_modules', '@cdktf', `provider-${provider}`, 'lib', folder, 'index.d.ts');
    if (
      existsSync(dts) &&
      readFileSync(dts, 'utf8').includes(`export declare class ${className} extends cdktf.Terraform`)
    )
      return `@cdktf/provider-${provider}/lib/${folder}`;
  }
  return undefined;
}

/** The snippet as a module, with the imports it lacks and its free names declared. */
function moduleOf(snippet: DocSnippet, freeNames: readonly string[]): { source: string; problems: string[] } {
  const lines = snippet.code.split('\n');
  // The package's entry points, as this checkout provides them.
  const imports = lines
    .filter((l) => l.startsWith('import '))
    .map((l) =>
      l
        .replace("'recovery-gate/constructs'", "'../../constructs'")
        .replace("'recovery-gate/testing'", "'../../constructs/testing'")
        .replace("'recovery-gate'", "'../../index'"),
    );
  const body = lines.filter((l) => !l.startsWith('import '));
  const imported = new Set(
    imports.flatMap(
      (l) =>
        /\{([^}]*)\}/
          .exec(l)?.[1]
          .split(',')
          .map((n) => n.trim()) ?? [],
    ),
  );
  const problems: string[] = [];
  for (const [, className] of snippet.code.matchAll(/\bnew ([A-Z]\w*)\(/g)) {
    if (imported.has(className)) continue;
    imported.add(className);
    const from =
      className in constructs
        ? '../../constructs'
        : CDKTF_CLASSES.has(className)
          ? 'cdktf'
          : snippet.provider
            ? bindingModule(snippet.provider, className)
            : undefined;
    if (from) imports.push(`import { ${className} } from '${from}';`);
    else
      problems.push(
        `${snippet.name}: no class ${className} in ${snippet.provider ? `@cdktf/provider-${snippet.provider}` : 'cdktf or recovery-gate/constructs'}`,
      );
  }
  const declared = freeNames.length > 0 ? [`declare const ${freeNames.map((n) => `${n}: any`).join(', ')};`] : [];
  const construct = [
    'export class Snippet extends Construct {',
    '  constructor(scope: Construct) {',
    "    super(scope, 'snippet');",
    ...body.map((l) => `    ${l}`),
    '  }',
    '}',
  ];
  const source = [
    ...(snippet.scope === 'module' ? [] : ["import { Construct } from 'constructs';"]),
    ...imports,
    ...declared,
    ...(snippet.scope === 'module' ? [...body, 'export {};'] : construct),
  ].join('\n');
  return { source, problems };
}

/**
 * Type-checks every snippet in one program; returns one line per problem,
 * naming the snippet. Free names are found by a first pass ("Cannot find name").
 */
export function typeCheckSnippets(snippets: readonly DocSnippet[]): string[] {
  const fileOf = (i: number) => path.join(ROOT, 'test', '.doc-snippets', `snippet-${i}.ts`); // never written: the host serves them
  // Free names are `any` by construction, and so are the parameters of a callback over one.
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    noImplicitAny: false,
    skipLibCheck: true,
    noEmit: true,
    types: ['node', 'jest'],
    esModuleInterop: true,
  };
  const check = (sources: readonly string[]) => {
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    const virtual = new Map(sources.map((s, i) => [fileOf(i), s]));
    host.getSourceFile = (name, language, ...rest) =>
      virtual.has(name)
        ? ts.createSourceFile(name, virtual.get(name)!, language)
        : getSourceFile(name, language, ...rest);
    host.fileExists = (
      (exists) => (name: string) =>
        virtual.has(name) || exists(name)
    )(host.fileExists.bind(host));
    const program = ts.createProgram([...virtual.keys()], options, host);
    return sources.map((_, i) => ts.getPreEmitDiagnostics(program, program.getSourceFile(fileOf(i))));
  };
  const problems: string[] = [];
  const first = snippets.map((s) => moduleOf(s, []));
  const freeNames = check(first.map((m) => m.source)).map((diagnostics) => [
    ...new Set(
      diagnostics
        .filter((d) => d.code === 2304)
        .map((d) => /'([^']+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, ' '))?.[1] ?? ''),
    ),
  ]);
  const second = snippets.map((s, i) => moduleOf(s, freeNames[i]));
  for (const m of second) problems.push(...m.problems);
  check(second.map((m) => m.source)).forEach((diagnostics, i) => {
    for (const d of diagnostics)
      problems.push(`${snippets[i].name}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  });
  return problems;
}
