/** The conventions of recovery-gate's peers (checkov, tflint, trivy): help per command, short flags, a version flag, suggestions for a mistyped flag. */
import { readFileSync } from 'node:fs';
import { run } from '../../cli/run';
import { TOOL } from '../../policies/version';
import { runCli } from '../support/memory-io';

const commandsInReadme = [
  ...new Set([...readFileSync('README.md', 'utf8').matchAll(/npx recovery-gate (\w+)/g)].map((m) => m[1])),
].sort();

it('the README names the commands', () => {
  expect(commandsInReadme).toEqual(expect.arrayContaining(['check', 'drift', 'paths', 'review', 'rules']));
});

it.each(commandsInReadme)("%s --help and -h print that command's usage, exit 0", async (command) => {
  for (const flag of ['--help', '-h']) {
    const r = await runCli([command, flag]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(new RegExp(`^Usage: recovery-gate ${command} \\[options\\]\\n\\n {2}${command} `));
    expect(r.stdout).toMatch(/Exit codes: /);
  }
});

it('-v and --version print the version', async () => {
  for (const flag of ['-v', '--version']) expect((await runCli([flag])).stdout).toBe(`${TOOL.version}\n`);
});

it('-f, -o and -c are --format, --output and --config', async () => {
  const r = await runCli([
    'check',
    'test/fixtures/cdktf/unscoped-helpdesk.json',
    '-f',
    'json',
    '-o',
    'r.json',
    '-c',
    'test/fixtures/config/none.json',
    '--now',
    '2026-11-26T12:00:00Z',
  ]);
  expect(r.stderr).toMatch(/test\/fixtures\/config\/none\.json: cannot read the configuration file/);
  const ok = await runCli([
    'check',
    'test/fixtures/cdktf/unscoped-helpdesk.json',
    '-f',
    'json',
    '-o',
    'r.json',
    '--now',
    '2026-11-26T12:00:00Z',
  ]);
  expect(JSON.parse(ok.files.get('r.json')!).tool.name).toBe('recovery-gate');
});

it('a mistyped flag is answered with the nearest one', async () => {
  const r = await runCli(['check', '--formt', 'json']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe("recovery-gate: Unknown option '--formt' (did you mean --format?)\n");
  expect((await runCli(['paths', '--max-step', '3'])).stderr).toMatch(/did you mean --max-steps\?/);
  expect((await runCli(['check', '--zzzzzzzz'])).stderr).not.toMatch(/did you mean/);
});

it('rules RG-01 shows one rule, rules takes --output, explain RG-01 prints its page', async () => {
  const one = await runCli(['rules', 'RG-01', '--format', 'json']);
  expect((JSON.parse(one.stdout) as { rules: { id: string }[] }).rules.map((r) => r.id)).toEqual(['RG-01']);
  const written = await runCli(['rules', '-o', 'catalogue.md', '--format', 'markdown']);
  expect(written.files.get('catalogue.md')).toMatch(/\| \[RG-24\]/);
  const page = await runCli(['explain', 'rg-06']);
  expect(page.stdout).toBe(readFileSync('docs/rules/RG-06.md', 'utf8'));
  expect((await runCli(['explain', 'RG-99'])).stderr).toBe(
    'recovery-gate: RG-99: no such rule (the catalogue is RG-01 to RG-24)\n',
  );
});

it('--write-baseline exits 0 once the baseline is written, whatever it holds', async () => {
  const r = await runCli([
    'check',
    'test/fixtures/cdktf/unscoped-helpdesk.json',
    '--now',
    '2026-11-26T12:00:00Z',
    '--write-baseline',
    'baseline.json',
  ]);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.files.get('baseline.json')!).baseline.length).toBeGreaterThan(0);
});

describe('progress', () => {
  const slowIo = (stderrIsTTY: boolean) => {
    let stderr = '';
    let delayed = false;
    const io = {
      stdout: () => undefined,
      stderr: (t: string) => (stderr += t),
      isTTY: false,
      stderrIsTTY,
      cwd: process.cwd(),
      writeFile: async () => undefined,
      // Configuration lookup that takes a while: the run lasts past the first second.
      exists: () =>
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), delayed ? 0 : ((delayed = true), 1300))),
    };
    return { io, stderr: () => stderr };
  };

  it('on a terminal, a run past a second shows progress on stderr, and clears it at the end', async () => {
    const { io, stderr } = slowIo(true);
    expect(
      await run(['check', 'test/fixtures/cdktf/unscoped-helpdesk.json', '--now', '2026-11-26T12:00:00Z'], io),
    ).toBe(1);
    // eslint-disable-next-line no-control-regex -- the terminal sequence that clears the line
    expect(stderr()).toMatch(/^\rrecovery-gate check: working… 1 s(\r.*)*\r\u001b\[K$/);
  });

  it('nothing when stderr is not a terminal', async () => {
    const { io, stderr } = slowIo(false);
    await run(['check', 'test/fixtures/cdktf/unscoped-helpdesk.json', '--now', '2026-11-26T12:00:00Z'], io);
    expect(stderr()).toBe('');
  });
});
