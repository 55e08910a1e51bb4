/**
 * Where reports go: through to devices and pipes (never replacing them), to
 * standard output with `-`, never over an input, and never read back as
 * configuration. Every refusal is one line naming the path, exit 2.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expectOneLineError, runOnDisk } from '../support/disk-cli';

const FIXTURE = path.resolve('test/fixtures/cdktf/unscoped-helpdesk.json');
const NOW = ['--now', '2026-11-26T12:00:00Z'];
let tmp: string;
const home = process.cwd();
// Inputs are read relative to the process's directory, as the binary reads them: each test runs in its own.
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'rg-out-'));
  copyFileSync(FIXTURE, path.join(tmp, 'stack.json'));
  process.chdir(tmp);
});
afterEach(() => {
  process.chdir(home);
  rmSync(tmp, { recursive: true, force: true });
});

describe('--output', () => {
  // A pipe stands for every file that is not regular (/dev/null, /dev/stdout): a test that wrote to a device would, on a regression run as root, replace the device.
  it('writes through a pipe rather than replacing it with a file', async () => {
    const fifo = path.join(tmp, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.on('data', (d: Buffer) => (received += d.toString()));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const r = await runOnDisk(['check', 'stack.json', ...NOW, '--format', 'json', '--output', fifo], tmp);
    if (r.code !== 1) reader.kill(); // never opened for writing: do not wait on the reader
    await closed;
    expect(r.code).toBe(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(received).tool.name).toBe('recovery-gate');
  });

  it('takes - for standard output', async () => {
    const r = await runOnDisk(['check', 'stack.json', ...NOW, '--format', 'json', '--output', '-'], tmp);
    expect(JSON.parse(r.stdout).tool.name).toBe('recovery-gate');
  });

  it('keeps the atomic write for a regular file through a link, and leaves no temporary file', async () => {
    writeFileSync(path.join(tmp, 'real.json'), 'old');
    execFileSync('ln', ['-s', 'real.json', path.join(tmp, 'link.json')]);
    await runOnDisk(['check', 'stack.json', ...NOW, '--format', 'json', '--output', 'link.json'], tmp);
    expect(lstatSync(path.join(tmp, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(path.join(tmp, 'real.json'), 'utf8')).tool.name).toBe('recovery-gate');
    expect(execFileSync('ls', ['-a', tmp]).toString()).not.toMatch(/\.tmp/);
  });

  it('refuses to overwrite an input of the run, or a file the reader takes from an input directory', async () => {
    const before = readFileSync(path.join(tmp, 'stack.json'), 'utf8');
    expectOneLineError(
      await runOnDisk(['check', 'stack.json', ...NOW, '--output', 'stack.json'], tmp),
      /^recovery-gate: stack\.json: the report would overwrite an input of this run/,
    );
    expect(readFileSync(path.join(tmp, 'stack.json'), 'utf8')).toBe(before);
    mkdirSync(path.join(tmp, 'infra'));
    writeFileSync(path.join(tmp, 'infra', 'main.tf'), 'resource "okta_group" "a" { name = "A" }\n');
    expectOneLineError(
      await runOnDisk(['check', 'infra', ...NOW, '--output', 'infra/report.tf'], tmp),
      /infra\/report\.tf: the report would overwrite a file read from infra/,
    );
    expectOneLineError(
      await runOnDisk(['check', 'stack.json', ...NOW, '--baseline', 'b.json', '--write-baseline', 'b.json'], tmp),
      /--baseline and --write-baseline name the same file/,
    );
  });

  it('names the path, in one line, when it cannot write: a missing directory, a directory, an empty name', async () => {
    expectOneLineError(
      await runOnDisk(['check', 'stack.json', ...NOW, '--output', 'no/such/dir/r.json'], tmp),
      /^recovery-gate: no\/such\/dir\/r\.json: cannot write the report: its directory does not exist$/m,
    );
    expectOneLineError(
      await runOnDisk(['check', 'stack.json', ...NOW, '--output', '.'], tmp),
      /^recovery-gate: \.: is a directory/,
    );
    expectOneLineError(
      await runOnDisk(['check', 'stack.json', ...NOW, '--output', ''], tmp),
      /--output needs a file name/,
    );
  });

  it('names the path when the directory is not writable (as a user that permissions bind)', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere
    mkdirSync(path.join(tmp, 'locked'));
    chmodSync(path.join(tmp, 'locked'), 0o500);
    expectOneLineError(
      await runOnDisk(['check', 'stack.json', ...NOW, '--output', 'locked/r.json'], tmp),
      /locked\/r\.json: cannot write the report: permission denied/,
    );
  });
});

describe('configuration', () => {
  it('never takes a report of an earlier run for recovery-gate.json', async () => {
    const first = await runOnDisk(
      ['check', 'stack.json', ...NOW, '--format', 'json', '--output', 'recovery-gate.json'],
      tmp,
    );
    expect(first.code).toBe(1);
    const again = await runOnDisk(['check', 'stack.json', ...NOW], tmp);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/recovery-gate\.json is a report of an earlier run, not configuration: ignored/);
    expectOneLineError(
      await runOnDisk(['check', 'stack.json', ...NOW, '--config', 'recovery-gate.json'], tmp),
      /recovery-gate\.json: is a recovery-gate report, not configuration/,
    );
  });
});
