/**
 * The expression reader agrees with Terraform itself: each expression is
 * evaluated by `terraform console` (no provider needed) and by the reader, over
 * the same locals. Skips when `terraform` is not on PATH.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { evaluateTemplate } from '../../policies/model/expression';
import type { Value } from '../../policies/model/value';
import { describeWithTerraform, terraform } from '../support/terraform';

const LOCALS: Record<string, Value> = {
  teams: { desk: ['User Administrator', 'Global Reader'], admins: ['Global Administrator'] },
  names: ['b', 'a', 'b'],
};

const EXPRESSIONS = [
  '[for n in local.names : upper(n) if n != "a"]',
  '{ for n in local.names : n => n... }',
  'merge([for team, roles in local.teams : { for role in roles : "${team}|${role}" => role }]...)',
  '[for team, roles in local.teams : "${team}:${length(roles)}"]',
  '[for i, n in local.names : "${i}${n}"]',
  '{ for k, v in local.teams : k => length(v) if k != "admins" }',
  'toset(local.names)',
  'distinct(local.names)',
  'element(local.names, 4)',
  'flatten([["a"], ["b", ["c"]]])',
  'keys(local.teams)',
  'values(local.teams)',
  'zipmap(["x", "y"], [1, 2])',
  'coalesce("", "x")',
  'compact(["a", ""])',
  'split(",", "a,b")',
  'replace("a-b-c", "-", "_")',
  'lookup(local.teams, "desk", [])',
  'length(local.teams)',
  'join("-", local.names)',
  'sort(["b", "a"])',
  'one([])',
  'concat(["a"], ["b"])',
  'tonumber("8")',
  'format("%s-%d", "a", 3)',
  'length(local.names) > 2 ? "many" : "few"',
  'contains(local.names, "a")',
  'split(",", "a,b")[1]',
  'merge({ a = 1 }, { b = 2 }).b',
  '[for n in local.names : n][2]',
  'try(local.teams.nope, "fallback")',
  'try(local.names[5], local.names[0])',
  'can(local.teams.desk)',
  'can(local.names[5])',
  // What computed keys and names are built with.
  'join("-", slice(split("-", "tier-0-ga-admins"), 0, 2))',
  'slice(local.names, 1, 3)',
  'trimprefix("rg-helpdesk", "rg-")',
  'trimsuffix("helpdesk-admins", "-admins")',
  'reverse(local.names)',
  'range(3)',
  'range(1, 7, 2)',
  'range(5, 1)',
  'max(3, 9, 1)',
  'min(3, 9, 1)',
  'alltrue([true, false])',
  'anytrue([true, false])',
  'floor(2.7)',
  'ceil(2.1)',
  '"${upper("a")}-${lower("B")}"',
  'upper(98)',
  'format("CA%s-%s", upper(98), "x")',
  'format("%d items, %s%%", 3, true)',
  'format("%02s", 1)',
  'format("%03d|%-4s|%5s|%+d|%3s", 7, "a", "ab", 5, "abcd")',
  'format("%05d", -7)',
  'format("%s-emergency-access-%02s", "corp", 2)',
  'split("-", 12)',
];

describeWithTerraform('expressions, against terraform console', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rg-console-'));
    writeFileSync(
      path.join(dir, 'main.tf'),
      `locals {\n${Object.entries(LOCALS)
        .map(([k, v]) => `  ${k} = ${JSON.stringify(v)}`)
        .join('\n')}\n}\n`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(EXPRESSIONS)('%s', (expression) => {
    const console = terraform(['console'], { cwd: dir, input: `jsonencode(${expression})\n` });
    expect(console.status).toBe(0);
    const expected: unknown = JSON.parse(JSON.parse(console.stdout.trim()) as string);
    expect(evaluateTemplate(`\${${expression}}`, { local: (name) => LOCALS[name] })).toEqual(expected);
  });
});
