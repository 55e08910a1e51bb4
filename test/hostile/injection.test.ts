/**
 * Names and values built to inject into what CI reads: workflow commands at
 * the start of a line, HTML and mentions in a pull-request comment, a label
 * that closes itself in a diagram, characters XML cannot hold. Every report is
 * parsed with a real parser for its format.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { VALIDATE } from '../support/format-validators';
import { runCli } from '../support/memory-io';
import { declaredAdminConfig } from '../support/hostile';

const NOW = ['--now', '2026-11-26T12:00:00Z'];
let tmp: string;
beforeAll(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'rg-inject-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Each with a word that must still be there, escaped or not: the name reached the report. */
const HOSTILE: [string, string][] = [
  ['desk\n::error title=pwned::owned', 'owned'],
  ['x\r\n##[error]boom', 'boom'],
  ['\u001b]0;title\u0007\u001b[2Jgone', 'gone'],
  ['<img src=x onerror=alert(1)></details><script>', 'onerror'],
  ['tick`|`pipe\u2028line', 'pipe'],
  ['@acme/security-team [click](https://evil.example) ![i](https://evil.example/p.png)', 'security-team'],
  ['bad\uFFFE\uFFFF\uD800xml', 'xml'],
  ['"quoted" #quot; <b> ]]> --> %%', 'quoted'],
];

/**
 * A help desk granted over the whole org (its group referenced, so plainly
 * named: Terraform references cannot hold such names) and an administrator,
 * declared by login, whose resource name and values are hostile; the stack's
 * name is hostile too.
 */
function stack(name: string): string {
  const file = path.join(tmp, `s${Math.random().toString(36).slice(2)}.tf.json`);
  writeFileSync(
    file,
    JSON.stringify({
      '//': { metadata: { stackName: name } },
      resource: {
        okta_group: { desk: { name } },
        okta_group_role: { desk: { group_id: '${okta_group.desk.id}', role_type: 'HELP_DESK_ADMIN' } },
        okta_user: { [name]: { login: 'admin@acme.example', email: name, first_name: name, last_name: 'x' } },
      },
    }),
  );
  return file;
}

const config = () => declaredAdminConfig(tmp);

describe.each(HOSTILE)('a name holding %j', (name, word) => {
  it.each(['text', 'json', 'markdown', 'sarif', 'junit', 'github', 'html'])(
    'check --format %s: valid for its format, nothing injected',
    async (format) => {
      const r = await runCli(['check', stack(name), ...NOW, '--config', config(), '--format', format]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(word);
      expect(VALIDATE[format](r.stdout)).toEqual([]);
    },
  );

  it.each(['text', 'json', 'markdown', 'mermaid', 'dot', 'html'])(
    'paths --format %s: valid for its format, nothing injected',
    async (format) => {
      const file = stack(name);
      const r = await runCli(['paths', file, '--config', config(), '--format', format]);
      expect(r.code).toBe(1); // the help desk can reset the administrator
      expect(r.stdout).toContain(word);
      expect(VALIDATE[format](r.stdout)).toEqual([]);
    },
  );

  it('an error naming it is one line', async () => {
    const r = await runCli(['check', path.join(tmp, `${name}.tf.json`), ...NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(VALIDATE.text(r.stderr)).toEqual([]);
  });
});
