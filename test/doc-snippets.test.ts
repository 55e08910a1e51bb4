/**
 * What the documentation tells a reader to write and to expect: the cdktf
 * snippets of docs/rules and the README type-check against the provider
 * bindings (see test/support/doc-snippets.ts); each HCL fix does not break the
 * rule it fixes; the README's configuration examples are valid and its
 * example output is what the CLI prints.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { DEFAULT_THRESHOLDS, parseConfig } from '../policies/config/config';
import type { AnyRule } from '../policies/engine/rule';
import { runRules } from '../policies/engine/run';
import { validateSuppressions } from '../policies/engine/suppressions';
import { RULES } from '../policies/rules';
import { DocSnippet, snippetsOf, typeCheckSnippets } from './support/doc-snippets';
import { runCli } from './support/memory-io';
import { hclStack } from './support/stacks';

const pages = readdirSync('docs/rules')
  .filter((f) => /^RG-\d\d\.md$/.test(f))
  .sort();

describe('the cdktf snippets of the rule pages', () => {
  const snippets: DocSnippet[] = pages.flatMap((p) => snippetsOf(`docs/rules/${p}`));
  // Two planted mistakes, checked in the same program (one program costs seconds): the check must see them.
  const planted: DocSnippet[] = [
    {
      name: 'planted.md#1',
      provider: 'okta',
      code: "new GroupRole(this, 'r', { groupId: g.id, roleType: 'HELP_DESK_ADMIN', targetGroups: [staff.id] });\n",
    },
    { name: 'planted.md#2', provider: 'azuread', code: "new DirectoryRoleGrant(this, 'r', {});\n" },
  ];
  // The README's examples: a consumer's app, a suppression and a test, each a program of its own.
  const readme: DocSnippet[] = [...readFileSync('README.md', 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({
    name: `README.md#${i + 1}`,
    code: m[1],
    provider: undefined,
    scope: 'module',
  }));
  let problems: string[];
  beforeAll(() => {
    problems = typeCheckSnippets([...snippets, ...readme, ...planted]);
  });

  it('are all found: every page has some, and none is skipped', () => {
    expect(pages).toHaveLength(24);
    for (const p of pages)
      expect(snippetsOf(`docs/rules/${p}`).length).toBe(
        readFileSync(`docs/rules/${p}`, 'utf8').split('```ts').length - 1,
      );
  });

  it("type-check against the bindings, and so do the README's examples", () => {
    expect(readme.length).toBeGreaterThanOrEqual(3);
    expect(problems.filter((p) => !p.startsWith('planted.md'))).toEqual([]);
  });

  it('would report a property the binding does not have, or a class it does not export, naming the snippet', () => {
    expect(problems.filter((p) => p.startsWith('planted.md'))).toEqual([
      'planted.md#2: no class DirectoryRoleGrant in @cdktf/provider-azuread',
      expect.stringMatching(/^planted\.md#1: .*'targetGroups' does not exist/),
    ]);
  });
});

describe('the HCL fixes of each rule page', () => {
  const fixesOf = (id: string) => {
    const page = readFileSync(`docs/rules/${id}.md`, 'utf8');
    return [...page.slice(page.indexOf('## How to fix')).matchAll(/```hcl\n([\s\S]*?)```/g)].map((m) => m[1]);
  };
  /** Findings of the rule on the snippet alone that are not "cannot verify": a fragment may name resources it does not show. */
  const definiteFindings = async (rule: AnyRule, hcl: string, name: string) => {
    const result = runRules([await hclStack(hcl, `${name}.tf`)], [rule], { now: new Date('2026-11-26T00:00:00Z') });
    return [
      ...result.errors.map((e) => e.message),
      ...result.findings.filter((f) => !f.unverified).map((f) => `${f.messageId} ${f.resource ?? '(configuration)'}`),
    ];
  };

  for (const rule of RULES) {
    it(`${rule.meta.id}: checked alone, each gives no finding of its own rule`, async () => {
      const fixes = fixesOf(rule.meta.id);
      expect(fixes.length).toBeGreaterThan(0);
      for (const [i, hcl] of fixes.entries())
        expect({ fix: i + 1, findings: await definiteFindings(rule, hcl, `${rule.meta.id}-fix-${i + 1}`) }).toEqual({
          fix: i + 1,
          findings: [],
        });
    });
  }

  it('would catch a fix that is itself a violation', async () => {
    const rg01 = RULES.find((r) => r.meta.id === 'RG-01')!;
    const unscoped =
      'resource "okta_group_role" "desk" {\n  group_id  = okta_group.desk.id\n  role_type = "HELP_DESK_ADMIN"\n}\nresource "okta_group" "desk" {\n  name = "Desk"\n}\n';
    expect(await definiteFindings(rg01, unscoped, 'unscoped')).toEqual(['unscopedOkta okta_group_role.desk']);
  });
});

describe("the README's recovery-gate.json", () => {
  const readme = readFileSync('README.md', 'utf8');

  it('examples are valid configuration, suppressions included', () => {
    const examples = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const [i, text] of examples.entries()) {
      const config = parseConfig(JSON.parse(text), `README.md json#${i + 1}`);
      expect(() =>
        validateSuppressions(config, RULES, new Date('2026-11-26T00:00:00Z'), `README.md json#${i + 1}`),
      ).not.toThrow();
    }
  });

  it('states every threshold with its default from the schema', () => {
    const prose = readme.slice(readme.indexOf('Thresholds (defaults in the schema)')).replace(/\s+/g, ' ');
    for (const [name, value] of Object.entries(DEFAULT_THRESHOLDS)) expect(prose).toContain(`\`${name}\` ${value}`);
  });
});

describe("the README's example output", () => {
  const readme = readFileSync('README.md', 'utf8');
  const blockAfter = (marker: string, fence: string) => {
    const start = readme.indexOf(`\`\`\`${fence}\n`, readme.indexOf(marker)) + fence.length + 4;
    return readme.slice(start, readme.indexOf('```', start));
  };

  it('of check is what check prints', async () => {
    const r = await runCli(['check', 'test/fixtures/cdktf/unscoped-helpdesk.json']);
    expect(blockAfter('Example output (`test/fixtures/cdktf/unscoped-helpdesk.json`', 'text')).toBe(r.stdout);
  });

  it('of paths is what paths draws', async () => {
    const r = await runCli(['paths', 'test/fixtures/tenants/globex-okta-defects.tf.json', '--format', 'mermaid']);
    expect(blockAfter('## Find hidden privilege chains', 'mermaid')).toBe(r.stdout);
  });
});
