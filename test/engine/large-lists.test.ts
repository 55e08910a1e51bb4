/**
 * A large tenant can give one rule more findings than a function call can take
 * arguments (about 120k in V8): collecting and reporting them must not spread
 * them into a call.
 */
import { runRules } from '../../policies/engine/run';
import { RULES } from '../../policies/rules';
import { listed } from '../../policies/lists';
import { defineRule } from '../../policies/engine/rule';
import { formatJunit } from '../../policies/reporters/junit';
import { formatMarkdown } from '../../policies/reporters/markdown';
import { formatText } from '../../policies/reporters/text';
import { checkInput } from '../../policies/reporters/report-input';
import { configStack } from '../support/stacks';

const MANY = 200_000;

const noisy = defineRule({
  meta: {
    id: 'RG-99',
    slug: 'noisy',
    title: 'Reports one group many times',
    severity: 'low',
    csf: ['PR.AA-05'],
    rationale: 'A stand-in for one rule over a very large tenant.',
    references: [],
    providers: { okta: 'configuration', entra: 'n/a' },
    messages: { again: 'finding {{n}}' },
  },
  check(ctx, report) {
    const group = ctx.resourcesOf('okta_group')[0];
    for (let n = 0; n < MANY; n++) report({ resource: group, messageId: 'again', data: { n } });
  },
});

test('one rule with more findings than a call takes arguments is collected and reported whole, in every format that lists them', () => {
  const result = runRules([configStack({ okta_group: { g: { name: 'G' } } })], [noisy]);
  expect(result.errors).toEqual([]);
  expect(result.findings).toHaveLength(MANY);
  expect(
    formatMarkdown(result)
      .split('\n')
      .filter((l) => l.includes('finding ')).length,
  ).toBe(MANY);
  expect(formatJunit(checkInput(result)).match(/<failure /g)).toHaveLength(MANY);
  expect(
    formatText(result)
      .split('\n')
      .filter((l) => l.includes('finding ')).length,
  ).toBe(MANY);
});

test('a finding names at most ten others: 2,000 operators sharing one mailbox give 2,000 one-line findings, not 2,000 lists of 2,000', () => {
  const users: Record<string, unknown> = {};
  for (let i = 0; i < 2000; i++) users[`op${i}`] = { login: `op${i}@acme.example`, email: 'desk@acme.example' };
  const stack = configStack({
    okta_user: users,
    okta_group: { desk: { name: 'Desk' }, staff: { name: 'Staff' } },
    okta_group_memberships: {
      desk: { group_id: '${okta_group.desk.id}', users: Object.keys(users).map((u) => `\${okta_user.${u}.id}`) },
    },
    okta_group_role: {
      desk: {
        group_id: '${okta_group.desk.id}',
        role_type: 'HELP_DESK_ADMIN',
        target_group_list: ['${okta_group.staff.id}'],
      },
    },
  });
  const shared = runRules([stack], RULES).findings.filter((f) => f.ruleId === 'RG-19');
  expect(shared).toHaveLength(2000);
  expect(shared[0].message).toMatch(/which okta_user\.op\d+(, okta_user\.op\d+){9} and 1,989 more also use/);
  expect(Math.max(...shared.map((f) => f.message.length))).toBeLessThan(600);
});

test('listed names the first ten and counts the rest', () => {
  expect(listed(['a', 'b'])).toBe('a, b');
  expect(listed(Array.from({ length: 12 }, (_, i) => `r${i}`))).toBe(
    'r0, r1, r2, r3, r4, r5, r6, r7, r8, r9 and 2 more',
  );
});
