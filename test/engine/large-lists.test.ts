/**
 * A large tenant can give one rule more findings than a function call can take
 * arguments (about 120k in V8): collecting and reporting them must not spread
 * them into a call.
 */
import { runRules } from '../../policies/engine/run';
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
  expect(formatMarkdown(result).split('\n').filter((l) => l.includes('finding ')).length).toBe(MANY);
  expect(formatJunit(checkInput(result)).match(/<failure /g)).toHaveLength(MANY);
  expect(formatText(result).split('\n').filter((l) => l.includes('finding ')).length).toBe(MANY);
});
