/** The README's library example runs as pasted against the package's API and prints what the CLI finds. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { transformSync } from '@swc/core';
import * as api from '../index';
import { runCli } from './support/memory-io';

const TENANT = path.resolve('test/fixtures/tenants/globex-okta-defects.tf.json');

it('the README library example runs as pasted and agrees with the CLI', async () => {
  const readme = readFileSync('README.md', 'utf8');
  const source = /```ts\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Use it as a library')))![1];
  const { code } = transformSync(source, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-library-'));
  mkdirSync(path.join(dir, 'infra'));
  copyFileSync(TENANT, path.join(dir, 'infra', 'main.tf.json'));
  const printed: string[] = [];
  const written = new Map<string, string>();
  const fakeProcess = { exitCode: undefined as number | undefined };
  const cwd = process.cwd();
  try {
    process.chdir(dir);
    // The example's imports, resolved as a consumer's would be (the package name maps to this checkout).
    const fakeFs = { writeFileSync: (f: string, t: string) => written.set(f, t) };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const load = (id: string): unknown => (id === 'recovery-gate' ? api : id === 'node:fs' ? fakeFs : require(id));
    let finished!: Promise<void>;
    const capture = (p: Promise<void>) => (finished = p);
    // As pasted, but the promise main() returns is kept, to wait for it.
    new Function(
      'require',
      'exports',
      'console',
      'process',
      'capture',
      code.replace(/^main\(\);$/m, 'capture(main());'),
    )(load, {}, { log: (line: string) => printed.push(line) }, fakeProcess, capture);
    await finished;
    const cli = await runCli(['check', 'infra', '--skip-rule', 'RG-18', '--format', 'json']);
    const findings = (
      JSON.parse(cli.stdout) as { findings: { ruleId: string; severity: string; resource: string | null }[] }
    ).findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(printed.slice(0, findings.length)).toEqual(
      findings.map((f) => `${f.ruleId} ${f.severity} ${f.resource ?? '(configuration)'}`),
    );
    expect(printed.length).toBeGreaterThan(findings.length); // the attack paths follow
    expect(written.get('recovery.md')).toContain('## recovery-gate');
    expect(fakeProcess.exitCode).toBe(cli.code);
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
});
