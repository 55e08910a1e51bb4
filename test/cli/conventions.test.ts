/** The conventions of recovery-gate's peers (checkov, tflint, trivy): help per command, short flags, a version flag, suggestions for a mistyped flag. */
import { readFileSync } from 'node:fs';
import { TOOL } from '../../policies/version';
import { runCli } from '../support/memory-io';

const commandsInReadme = [...new Set([...readFileSync('README.md', 'utf8').matchAll(/npx recovery-gate (\w+)/g)].map((m) => m[1]))].sort();

it('the README names the commands', () => {
  expect(commandsInReadme).toEqual(expect.arrayContaining(['check', 'drift', 'paths', 'review', 'rules']));
});

it.each(commandsInReadme)('%s --help and -h print that command\'s usage, exit 0', async (command) => {
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
  const r = await runCli(['check', 'test/fixtures/cdktf/unscoped-helpdesk.json', '-f', 'json', '-o', 'r.json', '-c', 'test/fixtures/config/none.json', '--now', '2026-11-26T12:00:00Z']);
  expect(r.stderr).toMatch(/test\/fixtures\/config\/none\.json: cannot read the configuration file/);
  const ok = await runCli(['check', 'test/fixtures/cdktf/unscoped-helpdesk.json', '-f', 'json', '-o', 'r.json', '--now', '2026-11-26T12:00:00Z']);
  expect(JSON.parse(ok.files.get('r.json')!).tool.name).toBe('recovery-gate');
});

it('a mistyped flag is answered with the nearest one', async () => {
  const r = await runCli(['check', '--formt', 'json']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe("recovery-gate: Unknown option '--formt' (did you mean --format?)\n");
  expect((await runCli(['paths', '--max-step', '3'])).stderr).toMatch(/did you mean --max-steps\?/);
  expect((await runCli(['check', '--zzzzzzzz'])).stderr).not.toMatch(/did you mean/);
});
