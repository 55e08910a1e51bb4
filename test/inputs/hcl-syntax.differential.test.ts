/**
 * recovery-gate reads `.tf` with its own parser (policies/inputs/hcl-syntax.ts).
 * This holds it to HashiCorp's: for every file and snippet below, and for
 * generated HCL, it gives what `@cdktf/hcl2json` (HashiCorp's hclsyntax
 * compiled to WebAssembly) gives, byte for byte, or fails at the same line and
 * column with the same summary.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse as hcl2json } from '@cdktf/hcl2json';
import { HclSyntaxError, parseHcl } from '../../policies/inputs/hcl-syntax';

/**
 * Either the JSON text of the result, or `error at line,column: summary`, or
 * (a block type used both with and without labels, which has no JSON shape)
 * `cannot convert`.
 */
type Outcome = string;
const CANNOT_CONVERT = 'cannot convert';

async function hashicorp(text: string): Promise<Outcome> {
  try {
    return JSON.stringify(await hcl2json('main.tf', text));
  } catch (e) {
    const m = /main\.tf:(\d+),(\d+)(?:-[\d,]+)?: ([^;\]]+)/.exec(String(e));
    if (m) return `error at ${m[1]},${m[2]}: ${m[3]}`;
    return /Unable to convert Block|blocks with and without labels/.test(String(e)) ? CANNOT_CONVERT : String(e);
  }
}

function ours(text: string): Outcome {
  try {
    return JSON.stringify(parseHcl(text));
  } catch (e) {
    if (e instanceof HclSyntaxError && e.summary === 'Unable to convert block to JSON') return CANNOT_CONVERT;
    if (e instanceof HclSyntaxError) return `error at ${e.line},${e.column}: ${e.summary}`;
    throw e;
  }
}

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(dir, f))
    .sort();
}

describe('the same as HashiCorp’s parser', () => {
  it.each(filesUnder('test/fixtures', '.tf'))('%s', async (file) => {
    const text = readFileSync(file, 'utf8');
    expect(ours(text)).toBe(await hashicorp(text));
  });

  const snippets = [...filesUnder('docs', '.md'), 'README.md'].flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/```hcl\n([\s\S]*?)```/g)].map((m, i): [string, string] => [
      `${file} #${i + 1}`,
      m[1],
    ]),
  );
  it('the documentation has HCL snippets to compare', () => expect(snippets.length).toBeGreaterThan(20));
  it.each(snippets)('%s', async (_name, text) => {
    expect(ours(text)).toBe(await hashicorp(text));
  });
});

describe('syntax errors where Terraform reports them', () => {
  it.each([
    ['an argument set twice', 'a = 1\na = 2\n'],
    ['an operator at the end of a line', 'a = 1 +\n2\n'],
    ['a block never closed', 'b {\na = 1\n'],
    ['a string broken over lines', 'a = "x\n'],
    ['two arguments on a line', 'a = 1 b = 2\n'],
    ['a one-line block never closed', 'resource "a" "b" { x = 1\n'],
    ['an argument without a value', 'resource "a" "b" {\n  x = \n}\n'],
    ['a tuple never closed', 'a = [1, 2\n'],
    ['object items without a separator', 'a = { a = 1 b = 2 }\n'],
    ['a call never closed', 'a = f(1,\n'],
    ['no argument name', '= 1\n'],
    ['a directive never ended', 'a = "%{if x}y"\n'],
    ['a heredoc never ended', 'a = <<EOT\nno end\n'],
    ['a closing brace after an argument', 'x {\n  a = 1 }\n'],
    ['a stray closing brace', 'a = 1 }\n'],
    ['an interpolated block label', 'a "${x}" {}\n'],
    ['an unknown escape', 'a = "\\q"\n'],
    ['an attribute name missing', 'a = var.\n'],
    ['a block brace on the next line', 'block\n{\n}\n'],
    ['a short unicode escape', 'a = 1 # ok\nb c {}\nd = "\\u12"\n'],
    ['a conditional without its false side', 'a = x ? 1\n'],
    ['a for expression without its colon', 'a = [for x in y x]\n'],
    ['object items on one line in a multi-line object', 'a = {\n  b = 1,\n  c = 2\n  d = 3 e = 4\n}\n'],
    ['two arguments in a one-line block', 'a { b = 1, c = 2 }\n'],
    ['a closing brace without a block', 'a = 1\n}\n'],
  ])('%s', async (_name, text) => {
    expect(ours(text)).toBe(await hashicorp(text));
  });

  // Where HashiCorp's scanner reads on past the mistake, the line and column still agree; only its summary differs.
  it.each([['a comment never closed', 'a = /* unterminated\n', 'error at 1,5: Unterminated comment']])(
    '%s',
    async (_name, text, expected) => {
      expect((await hashicorp(text)).replace(/: .*/, '')).toBe(expected.replace(/: .*/, ''));
      expect(ours(text)).toBe(expected);
    },
  );
});

// ---------------------------------------------------------------- generated HCL

const name = fc.constantFrom('a', 'b', 'name', 'for_each', 'x-y', 'ünï', 'tags', 'count2');
const reference = fc.constantFrom('var.x', 'local.y', 'okta_group.g.id', 'each.key', 'a.b[0].c', 'x[*].id', 'm["k"]');
// `$` and `%` only in their escaped forms: a lone one before an interpolation would escape it.
const textChar = fc.constantFrom('a', ' ', 'é', '😀', '}', '\\n', '\\"', '\\\\', '\\u00e9', '$${', '%%{', '~');

function expression(depth: number): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    fc.integer({ min: -1000, max: 100000 }).map(String),
    fc.constantFrom('1.5', '0.25', '1e3', '2.50', 'true', 'false', 'null', '-7', '!true'),
    reference,
    template(depth),
  );
  if (depth <= 0) return leaf;
  const inner = expression(depth - 1);
  const separator = fc.constantFrom(', ', ',', ',\n  ', ', # note\n  ');
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    fc
      .tuple(fc.array(inner, { maxLength: 4 }), separator, fc.boolean())
      .map(([items, sep, trailing]) => `[${items.join(sep)}${trailing && items.length ? ',' : ''}]`),
    fc
      .tuple(fc.uniqueArray(fc.tuple(name, inner), { maxLength: 4, selector: ([k]) => k }), fc.boolean())
      .map(([items, lines]) =>
        lines
          ? `{\n${items.map(([k, v]) => `    ${k} = ${v}`).join('\n')}\n  }`
          : `{ ${items.map(([k, v]) => `${k} = ${v}`).join(', ')} }`,
      ),
    fc
      .tuple(inner, fc.constantFrom('+', '-', '*', '==', '!=', '&&', '||', '<', '>='), inner)
      .map(([l, o, r]) => `${l} ${o} ${r}`),
    fc.tuple(inner, inner, inner).map(([c, t, f]) => `${c} ? ${t} : ${f}`),
    fc
      .tuple(
        fc.constantFrom('merge', 'concat', 'lookup', 'jsonencode', 'provider::p::f'),
        fc.array(inner, { maxLength: 3 }),
      )
      .map(([f, args]) => `${f}(${args.join(', ')})`),
    inner.map((x) => `(${x})`),
    inner.map((x) => `[for v in var.list : ${x} if v != null]`),
    inner.map((x) => `{ for k, v in var.map : k => ${x} }`),
  );
}

function template(depth: number): fc.Arbitrary<string> {
  const part = fc.oneof(
    { weight: 4, arbitrary: fc.array(textChar, { maxLength: 6 }).map((cs) => cs.join('')) },
    reference.map((r) => `\${${r}}`),
    reference.map((r) => `\${~ ${r} ~}`),
    reference.map((r) => `%{ if ${r} }yes%{ else }no%{ endif }`),
    reference.map((r) => `%{for k, v in ${r}}\${k}%{endfor}`),
    depth > 0 ? expression(depth - 1).map((x) => `\${${x}}`) : reference.map((r) => `\${${r}}`),
  );
  return fc.array(part, { maxLength: 4 }).map((parts) => `"${parts.join('')}"`);
}

const heredoc = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.tuple(
        fc.constantFrom('', '  ', '    ', '\t'),
        fc.constantFrom('line', '${var.x}', '$${literal}', '%{ if var.y }y%{ endif }', ''),
      ),
      { maxLength: 4 },
    ),
  )
  .map(
    ([indented, lines]) =>
      `<<${indented ? '-' : ''}EOT\n${lines.map(([i, l]) => i + l).join('\n')}\n${indented ? '  ' : ''}EOT`,
  );

const attribute = fc
  .tuple(
    name,
    fc.oneof({ weight: 6, arbitrary: expression(2) }, heredoc),
    fc.constantFrom('', ' # comment', ' // comment', ' /* c */'),
  )
  // A heredoc's closing marker must stand alone on its line.
  .map(([n, v, comment]) => `${n} = ${v}${v.startsWith('<<') ? '' : comment}`);

const label = fc.constantFrom('"okta_group"', '"a b"', 'bare', '"ünï"', '"$${x}"');
const block: fc.Arbitrary<string> = fc
  .tuple(
    name,
    fc.array(label, { maxLength: 2 }),
    fc.uniqueArray(attribute, { maxLength: 4, selector: (a) => a.split(' ')[0] }),
    fc.boolean(),
  )
  .map(([type, labels, attributes, oneLine]) =>
    oneLine &&
    attributes.length <= 1 &&
    !attributes.some((a) => a.includes('\n') || a.includes('#') || a.includes('//'))
      ? `${[type, ...labels].join(' ')} { ${attributes.join('')} }`
      : `${[type, ...labels].join(' ')} {\n${attributes.map((a) => `  ${a}`).join('\n')}\n}`,
  );

// Valid files: an argument set twice is an error whose place depends on what else is wrong (see above).
const file = fc
  .uniqueArray(fc.oneof(attribute, block), {
    maxLength: 5,
    selector: (item) => (/^\S+ = /.test(item) ? item.split(' ')[0] : item),
  })
  .chain((items) => fc.constantFrom('\n', '\n\n', '\n# between\n').map((sep) => `${items.join(sep)}\n`));

it('generated HCL: the same result, or the same error at the same place', async () => {
  await fc.assert(
    fc.asyncProperty(file, async (text) => {
      expect(ours(text)).toBe(await hashicorp(text));
    }),
    { numRuns: 400 },
  );
});
