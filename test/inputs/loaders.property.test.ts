/**
 * Whatever bytes arrive, the loaders either load them or fail with an
 * InputError (one line naming the file); they never throw anything else, and
 * the rules never crash on what they load.
 */
import * as fc from 'fast-check';
import { mutate } from '../support/mutate';
import { readFileSync } from 'node:fs';
import { runRules } from '../../policies/engine/run';
import { InputError } from '../../policies/errors';
import { loadFile } from '../../policies/inputs/load';
import { RULES } from '../../policies/rules';

const PLAN = JSON.parse(readFileSync('test/fixtures/plan/entra-tenant.json', 'utf8'));
const CONFIG = {
  resource: {
    okta_group: { helpdesk: { name: 'Helpdesk' } },
    okta_group_role: {
      hd: {
        group_id: '${okta_group.helpdesk.id}',
        role_type: 'HELP_DESK_ADMIN',
        target_group_list: ['${okta_group.helpdesk.id}'],
      },
    },
    okta_user: {
      bg: {
        login: 'breakglass@acme.example',
        lifecycle: { precondition: [{ condition: '${timecmp(plantimestamp(), local.x) < 0}', error_message: 'x' }] },
      },
    },
    azuread_conditional_access_policy: {
      p: {
        state: 'enabled',
        conditions: { users: { included_users: ['All'] }, applications: { included_applications: ['All'] } },
        grant_controls: { built_in_controls: ['mfa'] },
      },
    },
  },
  locals: { x: '2026-12-01T00:00:00Z' },
};

async function loadsOrFailsCleanly(file: string, text: string): Promise<void> {
  try {
    const stacks = await loadFile(file, text);
    const result = runRules(stacks, RULES, { now: new Date('2026-11-26T00:00:00Z') });
    expect(result.errors).toEqual([]);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message.startsWith(`${file}: `)).toBe(true);
    expect((e as InputError).message).not.toMatch(/\n/);
  }
}

describe('loaders under arbitrary input', () => {
  it('names that are also members of Object.prototype load like any other name', async () => {
    // Found by the property below: a block named `toString` once reached the prototype's function.
    const prototypeNames = {
      resource: {
        okta_group: {
          helpdesk: { toString: { '': '' } },
          g: { name: '${constructor(1)}', description: '${toString()}' },
        },
        okta_group_role: { r: { group_id: '${okta_group.g.id}', role_type: 'constructor' } },
        azuread_app_role_assignment: {
          a: { app_role_id: 'constructor', principal_object_id: 'x', resource_object_id: 'y' },
        },
        constructor: { x: { a: 1 } },
      },
    };
    await loadsOrFailsCleanly('cdk.tf.json', JSON.stringify(prototypeNames));
    const stacks = await loadFile('cdk.tf.json', JSON.stringify(prototypeNames));
    expect(stacks[0].resources.map((r) => r.address)).toContain('okta_group.helpdesk');

    const plan = {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'okta_group.g',
          mode: 'managed',
          type: 'okta_group',
          name: 'g',
          change: {
            actions: ['create'],
            before: null,
            after: { name: 'G' },
            after_unknown: { toString: true },
            before_sensitive: false,
            after_sensitive: {},
          },
        },
      ],
      configuration: {
        root_module: {
          resources: [
            {
              address: 'okta_group.g',
              mode: 'managed',
              type: 'okta_group',
              name: 'g',
              expressions: { toString: { references: ['okta_group.h.id', 'okta_group.h'] } },
            },
          ],
        },
      },
    };
    const [planned] = await loadFile('plan.json', JSON.stringify(plan));
    expect(Object.keys(planned.resources[0].values)).toEqual(['name', 'toString']);
  });

  it('arbitrary JSON values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (v) => loadsOrFailsCleanly('any.json', JSON.stringify(v))),
      { numRuns: 300 },
    );
  });

  it('arbitrary text in a .json file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (t) => loadsOrFailsCleanly('text.tf.json', t)),
      { numRuns: 300 },
    );
  });

  it('a plan with one subtree replaced by an arbitrary value', async () => {
    const arb = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }));
    await fc.assert(
      fc.asyncProperty(arb, async ([path, v]) =>
        loadsOrFailsCleanly('plan.json', JSON.stringify(mutate(PLAN, path, v))),
      ),
      { numRuns: 300 },
    );
  });

  it('a configuration with one subtree replaced by an arbitrary value', async () => {
    const arb = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), fc.jsonValue({ maxDepth: 3 }));
    await fc.assert(
      fc.asyncProperty(arb, async ([path, v]) =>
        loadsOrFailsCleanly('cdk.tf.json', JSON.stringify(mutate(CONFIG, path, v))),
      ),
      { numRuns: 300 },
    );
  });

  it('configuration strings replaced by arbitrary expressions', async () => {
    const arb = fc.tuple(
      fc.array(fc.nat(), { minLength: 3, maxLength: 5 }),
      fc.string({ maxLength: 40 }).map((s) => '${' + s + '}'),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ([path, v]) =>
        loadsOrFailsCleanly('cdk.tf.json', JSON.stringify(mutate(CONFIG, path, v))),
      ),
      { numRuns: 300 },
    );
  });

  it('valid JSON cut short anywhere is reported with a line and column', async () => {
    const text = JSON.stringify(PLAN, null, 2);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: text.length - 1 }), async (n) => {
        await expect(loadFile('cut.json', text.slice(0, n))).rejects.toThrow(
          /^cut\.json: (truncated JSON \(it ends too early\)|malformed JSON) at line \d+, column \d+$/,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('arbitrary HCL text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), async (t) => loadsOrFailsCleanly('main.tf', t.length ? t : 'x')),
      { numRuns: 40 },
    );
  });
});
