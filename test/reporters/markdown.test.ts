import { formatMarkdown } from '../../policies/reporters/markdown';
import type { CheckResult, Finding } from '../../policies/engine/run';
import { runCli } from '../support/memory-io';

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'RG-01',
  severity: 'high',
  messageId: 'unscopedOkta',
  data: {},
  message: 'HELP_DESK_ADMIN is granted … Set target_group_list.',
  resource: 'okta_group_role.hd',
  stack: 'acme',
  file: 'main.tf',
  line: 12,
  constructPath: null,
  code: null,
  frameworks: ['PR.AA-05'],
  unverified: false,
  ...over,
});

describe('markdown report', () => {
  it('summarizes by severity and lists findings per stack with absolute doc links (a pull-request comment has no relative base), location and the fix', () => {
    const result: CheckResult = {
      findings: [
        finding({}),
        finding({ ruleId: 'RG-16', resource: null, file: 'plan.json', line: null, message: 'No log stream | none' }),
      ],
      notices: [],
      errors: [],
    };
    const md = formatMarkdown(result);
    expect(md).toContain('| critical | high | medium | low |\n|---:|---:|---:|---:|\n| 0 | 2 | 0 | 0 |');
    expect(md).toContain(
      '| high | [RG-01](https://github.com/recovery-gate/recovery-gate/blob/main/docs/rules/RG-01.md) | `okta_group_role.hd` | main.tf:12 | HELP_DESK_ADMIN is granted … Set target_group_list. |',
    );
    expect(md).toContain(
      '| high | [RG-16](https://github.com/recovery-gate/recovery-gate/blob/main/docs/rules/RG-16.md) | (configuration) | plan.json | No log stream \\| none |',
    );
  });

  it('check --format markdown: no secrets, deterministic', async () => {
    const a = await runCli([
      'check',
      'test/fixtures/plan/entra-tenant.json',
      '--now',
      '2026-11-26T12:00:00Z',
      '--format',
      'markdown',
    ]);
    const b = await runCli([
      'check',
      'test/fixtures/plan/entra-tenant.json',
      '--now',
      '2026-11-26T12:00:00Z',
      '--format',
      'markdown',
    ]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^## recovery-gate /);
    expect(a.stdout).not.toMatch(/CANARY/);
  });
});
