/** The README's complete tenant compiles, synthesizes with the catalogue enforced, and has no findings. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { transformSync } from '@swc/core';
import { App, TerraformStack } from 'cdktf';
import * as constructs from '../constructs';

it('the README tenant example synthesizes and satisfies the catalogue', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Build a tenant that follows the guidance'));
  const source = /```ts\n([\s\S]*?)```/.exec(section)![1];
  expect(source.split('\n').length).toBeLessThan(40);
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'rg-readme-'));
  let app: App | undefined;
  try {
    const runnable = source
      .replace('new App()', `new App({ outdir: ${JSON.stringify(outdir)} })`)
      .replace('app.synth();', 'capture(app);\napp.synth();');
    const { code } = transformSync(runnable, {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    // The example's own imports, resolved as a consumer's app would (the package name maps to this checkout).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const load = (id: string): unknown => (id === 'recovery-gate/constructs' ? constructs : require(id));
    const capture = (created: App) => (app = created);
    // As pasted: nothing is supplied but the module system.
    const run = new Function('require', 'exports', 'capture', code);
    run(load, {}, capture);
    expect(app).toBeDefined();
    const stacks = app!.node.findAll().filter(TerraformStack.isStack);
    expect(stacks.map((s) => constructs.checkStack(s).findings.map((f) => `${f.ruleId} ${f.resource}`)).flat()).toEqual(
      [],
    );
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
