/**
 * What `npm pack` ships works in a project of its own: the binary checks, and
 * the constructs synthesize and check, with cdktf, constructs and the provider
 * bindings installed beside it as the project's own (peer) dependencies.
 * Offline: the project's dependencies are links to this checkout's, which
 * `npm ci` installed. Needs the build (`npm test` builds before jest).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
let project: string;
let installed: string;

beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'rg-consumer-'));
  const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', project], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { filename: string }[];
  installed = path.join(project, 'node_modules', 'recovery-gate');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(project, filename), '-C', installed, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; peerDependencies: Record<string, string> };
  for (const name of [...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)]) {
    const link = path.join(project, 'node_modules', name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules', name), link, 'dir');
  }
}, 60_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

it('ships the binary, the built library, the schema and the docs, and neither sources nor tests', () => {
  const files = execFileSync('find', ['.', '-type', 'f'], { cwd: installed, encoding: 'utf8' }).split('\n');
  for (const f of ['./bin/recovery-gate.js', './dist/index.js', './dist/constructs/index.js', './dist/constructs/testing.js', './schema/recovery-gate.schema.json', './docs/rules/RG-01.md', './README.md']) expect(files).toContain(f);
  expect(files.filter((f) => /^\.\/(test|policies|constructs|cli|stacks|bench)\//.test(f) || f.startsWith('./dist/bench/') || f.startsWith('./dist/stacks/'))).toEqual([]);
});

it('its binary checks a plan, with the exit code of the contract', () => {
  const r = spawnSync(process.execPath, [path.join(installed, 'bin', 'recovery-gate.js'), 'check', path.join(ROOT, 'test/fixtures/plan/entra-tenant.json'), '--now', '2026-11-26T12:00:00Z', '--format', 'json'], { cwd: project, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1);
  expect(JSON.parse(r.stdout).summary.high).toBeGreaterThan(0);
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
  const out = JSON.parse(execFileSync(process.execPath, ['-e', app], { cwd: project, encoding: 'utf8' })) as { matchers: string; resources: number; rg13: number; errors: unknown[] };
  expect(out).toEqual({ matchers: 'function', resources: expect.any(Number), rg13: 0, errors: [] });
  expect(out.resources).toBeGreaterThan(2);
});
