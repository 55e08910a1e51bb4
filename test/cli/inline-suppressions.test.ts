/** Inline suppressions for HCL teams: `# recovery-gate:ignore` on or above a resource, with recovery-gate.json's requirements; listed, never hidden. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expectOneLineError } from '../support/disk-cli';
import { runCli } from '../support/memory-io';

const NOW = ['--now', '2026-11-26T12:00:00Z'];
let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'rg-inline-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const helpdesk = (comment: string, count = '') =>
  `resource "okta_group" "desk" {\n  name = "Desk"\n}\n\n${comment}\nresource "okta_group_role" "desk" {\n${count}  group_id  = okta_group.desk.id\n  role_type = "HELP_DESK_ADMIN"\n}\n`;
const IGNORE_RG01 =
  '# recovery-gate:ignore RG-01 reason="Help desk scoping lands with the Okta migration" ticket=SEC-31 approver=ciso-office expires=2027-01-31';
const json = async () => {
  const r = await runCli(['check', dir, ...NOW, '--format', 'json']);
  return {
    code: r.code,
    stderr: r.stderr,
    doc: JSON.parse(r.stdout || '{}') as {
      findings: { ruleId: string; resource: string; suppressed?: { ticket: string; expires: string } }[];
      notices: { message: string }[];
    },
  };
};

it("a comment above the resource accepts its rule's findings there, marked in the report, every instance included", async () => {
  writeFileSync(path.join(dir, 'main.tf'), helpdesk(IGNORE_RG01, '  count     = 2\n'));
  const { doc } = await json();
  const rg01 = doc.findings.filter((f) => f.ruleId === 'RG-01');
  expect(rg01.length).toBeGreaterThan(0);
  expect(rg01.every((f) => f.suppressed?.ticket === 'SEC-31' && f.suppressed.expires === '2027-01-31T00:00:00Z')).toBe(
    true,
  );
  expect(doc.findings.filter((f) => f.ruleId === 'RG-04').every((f) => !f.suppressed)).toBe(true);
});

it('an expired one is a finding; one that matches nothing is a notice', async () => {
  writeFileSync(
    path.join(dir, 'main.tf'),
    helpdesk(
      IGNORE_RG01.replace('2027-01-31', '2026-11-01') +
        '\n# recovery-gate:ignore RG-19 reason="No shared mailboxes here, kept as a guard" ticket=SEC-32 expires=2027-01-31',
    ),
  );
  const { doc } = await json();
  expect(
    doc.findings.some(
      (f) => f.ruleId === 'RG-01' && f.resource === null && /expired on 2026-11-01/.test(JSON.stringify(f)),
    ),
  ).toBe(true);
  expect(doc.notices.map((n) => n.message)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/suppression of RG-19 for okta_group_role\.desk \(SEC-32\) matched no finding/),
    ]),
  );
});

it("has recovery-gate.json's requirements, each refused in one line naming the file and line", async () => {
  const refuse = async (comment: string, message: RegExp) => {
    writeFileSync(path.join(dir, 'main.tf'), helpdesk(comment));
    expectOneLineError(await runCli(['check', dir, ...NOW]), message);
  };
  await refuse(
    '# recovery-gate:ignore RG-01 reason="too short" ticket=SEC-1 expires=2027-01-31',
    /main\.tf:5: recovery-gate:ignore RG-01: the reason must say why the risk is accepted, in at least 20 characters/,
  );
  await refuse(
    '# recovery-gate:ignore RG-01 reason="Help desk scoping lands with the Okta migration" expires=2027-01-31',
    /main\.tf:5: recovery-gate:ignore RG-01 needs ticket/,
  );
  await refuse(
    IGNORE_RG01.replace('2027-01-31', '2027-12-31'),
    /main\.tf:5: recovery-gate:ignore RG-01: expires 2027-12-31T00:00:00Z is more than 90 days ahead/,
  );
  await refuse(IGNORE_RG01.replace('2027-01-31', '2027-02-30'), /expires 2027-02-30T00:00:00Z is not a date/);
  await refuse(
    '# recovery-gate:ignore RG-02 reason="Help desk scoping lands with the Okta migration" ticket=SEC-1 expires=2027-01-31',
    /RG-02 is critical; a suppression of it needs a named approver/,
  );
  writeFileSync(path.join(dir, 'main.tf'), `${IGNORE_RG01}\nlocals {\n  x = 1\n}\n`);
  expectOneLineError(
    await runCli(['check', dir, ...NOW]),
    /main\.tf:1: a recovery-gate:ignore comment must stand on or directly above a resource block/,
  );
});
