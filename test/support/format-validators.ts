/**
 * Real parsers for every output format: what a report says must be valid for
 * its format whatever the input held. Each returns the problems found.
 */
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import MarkdownIt from 'markdown-it';
import { SaxesParser } from 'saxes';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import { TOOL } from '../../policies/version';
import { SCRIPT, STYLE } from '../../policies/reporters/html-assets';
import { REFERENCES } from '../../policies/facts/references';
import { elements, parseHtml } from './html-tree';

const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const sarif = ajv.compile(sarifSchema);
const markdown = new MarkdownIt({ html: true });

/** Markup the reporters write themselves; any other HTML came from the input. */
const OUR_HTML = /^(<\/?details>|<summary>[^<]*<\/summary>|<br>|<\/?summary>)\s*$/;

function json(text: string): string[] {
  try {
    JSON.parse(text);
    return [];
  } catch (e) {
    return [`invalid JSON: ${(e as Error).message}`];
  }
}

function xml(text: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (e) => problems.push(`invalid XML: ${e.message}`));
  try {
    parser.write(text).close();
  } catch (e) {
    problems.push(`invalid XML: ${(e as Error).message}`);
  }
  return problems.slice(0, 3);
}

function md(text: string): string[] {
  const problems: string[] = [];
  const walk = (tokens: ReturnType<MarkdownIt['parse']>) => {
    for (const t of tokens) {
      if (
        (t.type === 'html_inline' || t.type === 'html_block') &&
        !t.content
          .split('\n')
          .filter(Boolean)
          .every((l) => OUR_HTML.test(l.trim()))
      )
        problems.push(`HTML from the input: ${t.content.slice(0, 80)}`);
      if (t.type === 'image') problems.push('an image from the input');
      if (t.type === 'link_open' && !String(t.attrGet('href')).startsWith(`${TOOL.docs}/docs/rules/`))
        problems.push(`a link from the input: ${t.attrGet('href')}`);
      if (t.children) walk(t.children);
      if (t.type === 'fence' && t.info === 'mermaid') problems.push(...mermaid(t.content));
    }
  };
  walk(markdown.parse(text, {}));
  return problems;
}

const NODE = /^ {2}n\d+(\[\["[^"\n]*"\]\]|\(\["[^"\n]*"\]\)|\["[^"\n]*"\])$/;
const EDGE = /^ {2}n\d+ -->\|"[^"\n`]*"\| n\d+$/;

function mermaid(text: string): string[] {
  const lines = text.trimEnd().split('\n');
  if (lines[0] !== 'flowchart LR') return [`not a flowchart: ${lines[0].slice(0, 40)}`];
  return lines
    .slice(1)
    .filter((l) => !NODE.test(l) && !EDGE.test(l) && l !== '')
    .map((l) => `a Mermaid line that is no node or edge: ${l.slice(0, 80)}`);
}

function plain(text: string): string[] {
  const problems: string[] = [];
  // eslint-disable-next-line no-control-regex -- the characters no report may print
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)) problems.push('a control character');
  for (const line of text.split('\n'))
    if (line.startsWith('::') || line.startsWith('##['))
      problems.push(`a line a CI runner would execute: ${line.slice(0, 60)}`);
  return problems;
}

/** Workflow annotations: every line an annotation whose properties are escaped, then the summary; nothing else a runner would execute. */
const ANNOTATION = /^::(error|warning|notice) (file=[^:,\n]+,)?(line=\d+,)?title=[^:,\n]+::[^\n]*$/;
function github(text: string): string[] {
  const lines = text.trimEnd().split('\n');
  const body = lines
    .slice(0, -1)
    .filter((l) => !ANNOTATION.test(l))
    .map((l) => `not an annotation: ${l.slice(0, 80)}`);
  // eslint-disable-next-line no-control-regex -- the characters no log line may hold
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(text)) body.push('a control character');
  return [...body, ...plain(lines[lines.length - 1])];
}

/** Elements and attributes the HTML reporter writes; anything else in the parsed page came from the input. */
const HTML_ELEMENTS = new Set(
  (
    'html head body meta title style script header main footer section h1 h2 h3 p ul ol li span strong a code table thead tbody tr th td ' +
    'br details summary dl dt dd form label select option input figure figcaption div svg defs marker path g rect text line circle'
  ).split(' '),
);
const HTML_ATTRIBUTES = new Set(
  (
    'lang charset http-equiv content name class id role aria-labelledby aria-label aria-live href scope colspan data-severity ' +
    'data-rule data-stack data-from data-to data-kind data-resource data-node value type autocomplete for tabindex xmlns viewbox ' +
    'width height refx refy markerwidth markerheight orient d marker-end x y rx x1 y1 x2 y2 cx cy r text-anchor'
  ).split(' '),
);

/** The only links not to the tool's own docs: the guidance each rule cites. */
const REFERENCE_URLS = new Set<string>(Object.values(REFERENCES).map((r) => r.url));

/** The page as a browser parses it: no parse error, only the reporter's own elements, attributes, links, style and script. */
function html(text: string): string[] {
  const problems: string[] = [];
  const doc = parseHtml(text, (e) => problems.push(`HTML parse error ${e.code} at ${e.startOffset}`));
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const node of elements(doc)) {
    const tag = node.tagName!;
    if (!HTML_ELEMENTS.has(tag)) problems.push(`an element from the input: <${tag}>`);
    for (const a of node.attrs ?? []) {
      if (!HTML_ATTRIBUTES.has(a.name.toLowerCase())) problems.push(`an attribute from the input: ${a.name}`);
      if (a.name === 'href' && !a.value.startsWith(TOOL.docs) && !REFERENCE_URLS.has(a.value))
        problems.push(`a link from the input: ${a.value}`);
    }
    const inner = (node.childNodes ?? []).map((c) => c.value ?? '').join('');
    if (tag === 'script') scripts.push(inner);
    if (tag === 'style') styles.push(inner);
  }
  if (scripts.length !== 1 || scripts[0] !== SCRIPT)
    problems.push(`${scripts.length} scripts, or not the reporter's own`);
  if (styles.length !== 1 || styles[0] !== STYLE) problems.push(`${styles.length} styles, or not the reporter's own`);
  return [...problems.slice(0, 5), ...plain(text).filter((p) => p === 'a control character')];
}

export const VALIDATE: Record<string, (text: string) => string[]> = {
  html,
  github,
  text: plain,
  json,
  sarif: (text) => {
    const problems = json(text);
    if (problems.length) return problems;
    return sarif(JSON.parse(text)) ? [] : [`invalid SARIF: ${ajv.errorsText(sarif.errors).slice(0, 200)}`];
  },
  junit: xml,
  markdown: (text) => [...md(text), ...plain(text).filter((p) => !p.startsWith('a line'))],
  mermaid: (text) => text.split(/\n(?=flowchart LR)/).flatMap(mermaid),
  dot: plain,
};
