/**
 * What `npm pack` ships from a clean checkout — the tracked files only, no
 * prior build — works in a project of its own: the binary checks, and the
 * constructs synthesize and check, with cdktf, constructs and the provider
 * bindings installed beside it as the project's own (peer) dependencies.
 * Offline: the project's dependencies are links to this checkout's, which
 * `npm ci` installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
let source: string;
let project: string;
let installed: string;

/** The tracked files as they are now, without dist/ or node_modules/: what a fresh clone holds. */
function cleanCheckout(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-clone-'));
  for (const file of execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean)) {
    if (file.startsWith('test/')) continue;
    try {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      copyFileSync(path.join(ROOT, file), path.join(dir, file));
    } catch {
      // deleted in the working tree: a clone of it would not hold it either
    }
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

beforeAll(() => {
  source = cleanCheckout();
  project = mkdtempSync(path.join(os.tmpdir(), 'rg-consumer-'));
  // prepack builds: a pack from a clean checkout ships dist/.
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', project], {
      cwd: source,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ) as { filename: string }[];
  installed = path.join(project, 'node_modules', 'recovery-gate');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(project, filename), '-C', installed, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    peerDependencies: Record<string, string>;
  };
  // One runtime dependency: the layout library that draws the HTML report's graph (HCL is read by recovery-gate's own
  // parser). npm installs it, and its own dependency, beside the package; the peers are the user's.
  expect(Object.keys(manifest.dependencies ?? {})).toEqual(['@dagrejs/dagre']);
  for (const name of [...Object.keys(manifest.peerDependencies), '@dagrejs/dagre', '@dagrejs/graphlib']) {
    const link = path.join(project, 'node_modules', name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules', name), link, 'dir');
  }
}, 120_000);

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(source, { recursive: true, force: true });
});

it('ships the binary, the built library, the schema and the docs, and neither sources nor tests', () => {
  const files = execFileSync('find', ['.', '-type', 'f'], { cwd: installed, encoding: 'utf8' }).split('\n');
  for (const f of [
    './LICENSE',
    './bin/recovery-gate.js',
    './dist/index.js',
    './dist/constructs/index.js',
    './dist/constructs/testing.js',
    './schema/recovery-gate.schema.json',
    './docs/rules/RG-01.md',
    './README.md',
  ])
    expect(files).toContain(f);
  expect(
    files.filter(
      (f) =>
        /^\.\/(test|policies|constructs|cli|stacks|bench)\//.test(f) ||
        f.startsWith('./dist/bench/') ||
        f.startsWith('./dist/stacks/'),
    ),
  ).toEqual([]);
});

/** The packaged binary, run from the consumer project. */
const runInstalled = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [path.join(installed, 'bin', 'recovery-gate.js'), ...args, '--now', '2026-11-26T12:00:00Z'],
    {
      cwd: project,
      encoding: 'utf8',
    },
  );

it('its binary checks a plan, with the exit code of the contract, and draws the HTML report with its dependency', () => {
  const r = runInstalled('check', path.join(ROOT, 'test/fixtures/plan/entra-tenant.json'), '--format', 'json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1);
  expect(JSON.parse(r.stdout).summary.high).toBeGreaterThan(0);
  const html = runInstalled(
    'check',
    path.join(ROOT, 'test/fixtures/tenants/globex-okta-defects.tf.json'),
    '--format',
    'html',
  );
  expect(html.stderr).toBe('');
  expect(html.stdout).toMatch(/^<!doctype html>/);
  expect(html.stdout).toContain('<svg class="graph"');
});

it('its constructs synthesize in a cdktf app of the project and check clean; its test matchers load', () => {
  const app = `
    const { Testing, TerraformStack } = require('cdktf');
    const { OktaBreakGlass, checkStack, daysFromNow } = require('recovery-gate/constructs');
    const { setupRecoveryGuidanceMatchers } = require('recovery-gate/testing');
    const stack = new TerraformStack(Testing.app(), 'tenant');
    new OktaBreakGlass(stack, 'break_glass', { accounts: [{ login: 'bg1@acme.example' }, { login: 'bg2@acme.example' }], expires: daysFromNow(60), evidence: 'SEC-1042 review', approver: 'ciso-office', alertEndpoint: 'https://siem.acme.example/okta' });
    const result = checkStack(stack);
    process.stdout.write(JSON.stringify({ matchers: typeof setupRecoveryGuidanceMatchers, resources: Object.keys(JSON.parse(Testing.synth(stack)).resource).length, rg13: result.findings.filter((f) => f.ruleId === 'RG-13').length, errors: result.errors }));`;
  const out = JSON.parse(execFileSync(process.execPath, ['-e', app], { cwd: project, encoding: 'utf8' })) as {
    matchers: string;
    resources: number;
    rg13: number;
    errors: unknown[];
  };
  expect(out).toEqual({ matchers: 'function', resources: expect.any(Number), rg13: 0, errors: [] });
  expect(out.resources).toBeGreaterThan(2);
});

/** The tsconfig of cdktf's TypeScript template: CommonJS, and no moduleResolution (so node10, which reads typesVersions, not exports). */
const TEMPLATE_TSCONFIG = {
  compilerOptions: {
    alwaysStrict: true,
    declaration: true,
    experimentalDecorators: true,
    inlineSourceMap: true,
    inlineSources: true,
    lib: ['es2018'],
    module: 'CommonJS',
    noEmitOnError: true,
    noFallthroughCasesInSwitch: true,
    noImplicitAny: true,
    noImplicitReturns: true,
    noImplicitThis: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    resolveJsonModule: true,
    strict: true,
    strictNullChecks: true,
    strictPropertyInitialization: true,
    stripInternal: true,
    target: 'ES2018',
    incremental: true,
    skipLibCheck: true,
  },
  include: ['**/*.ts'],
  exclude: ['node_modules', 'cdktf.out'],
};

it("in an app with the cdktf template's tsconfig, the README example compiles as pasted, synthesizes, and the packaged binary checks it clean", () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const example = /```ts\n([\s\S]*?)```/.exec(
    readme.slice(readme.indexOf('## Build a tenant that follows the guidance')),
  )![1];
  writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify(TEMPLATE_TSCONFIG));
  writeFileSync(path.join(project, 'main.ts'), example);
  const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], {
    cwd: project,
    encoding: 'utf8',
  });
  expect(tsc.stdout + tsc.stderr).toBe('');
  execFileSync(process.execPath, ['main.js'], { cwd: project, encoding: 'utf8' });
  const r = spawnSync(process.execPath, [path.join(installed, 'bin', 'recovery-gate.js'), 'check', 'cdktf.out'], {
    cwd: project,
    encoding: 'utf8',
  });
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  expect(r.stdout).toMatch(/No findings\.\n$/);
}, 60_000);
