/**
 * docs/constructs.md against the constructs' sources: every provider construct
 * has a section that lists each of its props, what it creates, and what an
 * operator must still do outside Terraform.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const DOC = readFileSync('docs/constructs.md', 'utf8');

/** `### Name` → the text up to the next heading of level 2 or 3. */
function section(name: string): string | undefined {
  const start = DOC.indexOf(`\n### ${name}\n`);
  if (start < 0) return undefined;
  const rest = DOC.slice(start + 1);
  const end = rest.slice(4).search(/\n##+ /);
  return end < 0 ? rest : rest.slice(0, end + 4);
}

/** Each `export interface XProps { readonly name… }` of a construct source: its props, except the test clock. */
function propsOf(source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of source.matchAll(/export interface (\w+)Props \{([\s\S]*?)\n\}/g)) {
    out.set(
      m[1],
      [...m[2].matchAll(/^\s+readonly (\w+)\??:/gm)].map((p) => p[1]).filter((p) => p !== 'now'),
    );
  }
  return out;
}

const constructs = ['okta', 'entra'].flatMap((dir) =>
  readdirSync(path.join('constructs', dir))
    .filter((f) => f.endsWith('.ts') && f !== 'raw-resources.ts') // typed resources, documented together
    .flatMap((f) => [...propsOf(readFileSync(path.join('constructs', dir, f), 'utf8'))]),
);

describe('docs/constructs.md', () => {
  it('has found the provider constructs', () => {
    expect(constructs.map(([name]) => name)).toEqual(
      expect.arrayContaining(['OktaTieredAuthentication', 'EntraBreakGlass', 'EntraRecoveryOperators']),
    );
  });

  it.each(constructs)('%s: every prop, what it creates, and what is left to do outside Terraform', (name, props) => {
    const text = section(name);
    expect(text).toBeDefined();
    for (const prop of props)
      expect({ prop, documented: text!.includes(`\`${prop}\``) }).toEqual({ prop, documented: true });
    expect(text).toMatch(/\*\*Creates:\*\* \S/);
    expect(text).toMatch(/\*\*Outside Terraform:\*\* \S/);
  });
});
