/** recovery-gate.json is found as peers find theirs: here, then up to the repository root; --config wins; reports say which file was read, and name it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runOnDisk } from '../support/disk-cli';

const STACK = path.resolve('test/fixtures/cdktf/unscoped-helpdesk.json');
const NOW = ['--now', '2026-11-26T12:00:00Z'];
const stale = {
  suppressions: [
    {
      ruleId: 'RG-16',
      resource: 'okta_log_stream.gone',
      reason: 'Log streaming moves to the new SIEM this quarter',
      ticket: 'SEC-9',
      expires: '2027-01-15T00:00:00Z',
    },
  ],
};
let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'rg-discover-'));
  mkdirSync(path.join(root, 'repo', '.git'), { recursive: true });
  mkdirSync(path.join(root, 'repo', 'infra', 'okta'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it('is found in a parent directory up to the repository root, and the text report names it', async () => {
  writeFileSync(path.join(root, 'repo', 'recovery-gate.json'), JSON.stringify(stale));
  const r = await runOnDisk(['check', STACK, ...NOW], path.join(root, 'repo', 'infra', 'okta'));
  expect(r.stdout).toMatch(/^Configuration: \.\.\/\.\.\/recovery-gate\.json\.$/m);
  expect(r.stdout).toMatch(
    /notice: \.\.\/\.\.\/recovery-gate\.json: the suppression of RG-16 for okta_log_stream\.gone \(SEC-9\) matched no finding/,
  );
});

it('is not looked for above the repository root', async () => {
  writeFileSync(path.join(root, 'recovery-gate.json'), JSON.stringify(stale));
  const r = await runOnDisk(['check', STACK, ...NOW], path.join(root, 'repo', 'infra'));
  expect(r.stdout).not.toMatch(/Configuration:/);
});

it('--config wins, and what is said about configuration names the file read', async () => {
  writeFileSync(path.join(root, 'repo', 'recovery-gate.json'), '{}');
  writeFileSync(path.join(root, 'repo', 'other.json'), JSON.stringify(stale));
  const r = await runOnDisk(
    ['check', STACK, ...NOW, '--config', 'other.json', '--format', 'json'],
    path.join(root, 'repo'),
  );
  const doc = JSON.parse(r.stdout) as { notices: { stack: string }[] };
  expect(doc.notices.map((n) => n.stack)).toContain('other.json');
  const text = await runOnDisk(['check', STACK, ...NOW, '--config', 'other.json'], path.join(root, 'repo'));
  expect(text.stdout).toMatch(/^Configuration: other\.json\.$/m);
});
