/**
 * Over random names and values: every command, in every format, either
 * succeeds with output valid for its format (parsed by a real parser) or
 * fails with exit 2 and one line — never exit 3, a native abort, or a slow run.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { VALIDATE } from '../support/format-validators';
import { runCli } from '../support/memory-io';
import { hostileResources } from '../support/hostile';

const NOW = ['--now', '2026-11-26T12:00:00Z'];
let tmp: string;
beforeAll(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'rg-property-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Text an attacker would choose: any code point, control characters, markup and CI syntax. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '::error::x',
    '\n##[warning]',
    '</details>',
    '<img src=x>',
    '`',
    '|',
    '"',
    ']]>',
    '\u0000',
    '\uFFFE',
    '\uD800',
    '\u202E',
    '@here',
    '${var.x}',
    '%{ if true }',
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 3 }),
);

interface Case {
  readonly name: string;
  readonly stackName: string;
  readonly value: unknown;
}

function write(c: Case): { config: string; plan: string } {
  const id = Math.random().toString(36).slice(2);
  const resources = hostileResources(c.name, c.value);
  const config = path.join(tmp, `${id}.tf.json`);
  writeFileSync(config, JSON.stringify({ '//': { metadata: { stackName: c.stackName } }, resource: resources }));
  const planned = Object.entries(resources).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, values]) => ({
      address: `${type}.${name}`,
      mode: 'managed',
      type,
      name,
      values,
    })),
  );
  const plan = path.join(tmp, `${id}-plan.json`);
  writeFileSync(
    plan,
    JSON.stringify({
      format_version: '1.2',
      terraform_version: '1.11.4',
      planned_values: { root_module: { resources: planned } },
      resource_drift: [
        {
          address: planned[1].address,
          mode: 'managed',
          type: planned[1].type,
          name: planned[1].name,
          change: {
            actions: ['update'],
            before: { ...planned[1].values, name: 'before' },
            after: planned[1].values,
            after_unknown: {},
          },
        },
      ],
    }),
  );
  return { config, plan };
}

const COMMANDS: [string, readonly string[], (files: { config: string; plan: string }) => string[]][] = [
  ['check', ['text', 'json', 'markdown', 'sarif', 'junit', 'github', 'html'], (f) => ['check', f.config, ...NOW]],
  [
    'review',
    ['text', 'json', 'markdown', 'sarif', 'junit', 'github', 'html'],
    (f) => ['review', '--base', 'test/fixtures/cdktf/unscoped-helpdesk.json', '--head', f.config, ...NOW],
  ],
  ['drift', ['text', 'json', 'markdown', 'sarif', 'junit', 'github', 'html'], (f) => ['drift', f.plan, ...NOW]],
  ['paths', ['text', 'json', 'markdown', 'mermaid', 'dot', 'html'], (f) => ['paths', f.config]],
];

describe.each(COMMANDS)('%s', (_command, formats, argv) => {
  it('in every format: output valid for the format, or one line and exit 2', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ name: hostileText, stackName: hostileText, value: hostileValue }),
        fc.constantFrom(...formats),
        async (c, format) => {
          const started = Date.now();
          const r = await runCli([...argv(write(c)), '--format', format]);
          expect(Date.now() - started).toBeLessThan(3000);
          if (r.code === 2) {
            expect(r.stderr.split('\n')).toHaveLength(2);
            expect(VALIDATE.text(r.stderr)).toEqual([]);
          } else {
            expect([0, 1]).toContain(r.code);
            expect(r.stderr.replace(/^recovery-gate: .* is a report of an earlier run.*\n/, '')).toBe('');
            expect(VALIDATE[format](r.stdout)).toEqual([]);
          }
        },
      ),
      { numRuns: 150, seed: 4242 },
    );
  }, 60000);
});
