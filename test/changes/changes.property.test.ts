/**
 * review --plan and drift under mutated plans: a report (exit 0 or 1), or one
 * line naming the file (exit 2) — never an internal error.
 */
import * as fc from 'fast-check';
import { mutate } from '../support/mutate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/memory-io';

const BASE = JSON.parse(readFileSync('test/fixtures/plan/entra-tenant.json', 'utf8'));
// Give the plan drift to mutate as well: the first change, drifted.
const PLAN = {
  ...BASE,
  resource_drift: [BASE.resource_changes[0]],
  checks: [
    {
      address: { to_display: 'x' },
      status: 'fail',
      instances: [{ address: { to_display: 'x' }, status: 'fail', problems: [{ message: 'm' }] }],
    },
  ],
};

let tmp: string;
beforeAll(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'rg-prop-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('review and drift under arbitrary plans', () => {
  for (const command of [['review', '--plan'], ['drift']]) {
    it(`${command[0]}: a report or a one-line input error`, async () => {
      const file = path.join(tmp, `${command[0]}.json`);
      const arb = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), fc.jsonValue({ maxDepth: 3 }));
      await fc.assert(
        fc.asyncProperty(arb, async ([at, v]) => {
          writeFileSync(file, JSON.stringify(mutate(PLAN, at, v)));
          const r = await runCli([...command, file, '--now', '2026-11-26T12:00:00Z', '--format', 'json']);
          if (r.code === 2) {
            expect(r.stderr).toMatch(
              new RegExp(`^recovery-gate: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: [^\\n]+\\n$`),
            );
          } else {
            expect(r.stderr).toBe('');
            expect(() => JSON.parse(r.stdout)).not.toThrow();
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
