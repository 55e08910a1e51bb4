/**
 * What each output format needs so that no name or value from the input can
 * change what the output means: a CI log that runs `::workflow-commands::`
 * found at the start of a line, a pull-request comment that renders HTML or
 * pings `@team`, a diagram that closes its own label, XML a parser refuses.
 */
import { CONTROL, oneLine, unicodeEscape } from '../errors';

/** Control characters (newlines, escape sequences, bidirectional overrides) written as escapes: text stays on its line. */
export function controlEscaped(text: string): string {
  return oneLine(text, Infinity);
}

/**
 * A copy of a report's input with every string made single-line: whatever a
 * reporter prints from it cannot start a line or move the cursor. Iterative,
 * so no input is deep enough to exhaust the stack.
 */
export function withSingleLineStrings<T>(value: T): T {
  const root = { value } as { value: unknown };
  const copy = { value: undefined } as { value: unknown };
  const work: [unknown, Record<string, unknown> | unknown[], string | number][] = [[root.value, copy, 'value']];
  while (work.length > 0) {
    const [from, into, key] = work.pop()!;
    let out: unknown = from;
    if (typeof from === 'string') out = controlEscaped(from);
    else if (Array.isArray(from)) {
      const list: unknown[] = new Array(from.length);
      from.forEach((v, i) => work.push([v, list, i]));
      out = list;
    } else if (typeof from === 'object' && from !== null && Object.getPrototypeOf(from) === Object.prototype) {
      const obj: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(from)) work.push([v, obj, k]);
      out = obj;
    }
    (into as Record<string | number, unknown>)[key] = out;
  }
  return copy.value as T;
}

/**
 * A name printed at the start of a line: as it is when it is a plain name,
 * quoted otherwise, so that input never begins a line (`::error::…`).
 */
export function atLineStart(name: string): string {
  return /^[A-Za-z0-9][\w.@/+-]*$/.test(name) ? name : JSON.stringify(name);
}

/** Markdown text (a table cell): no HTML, links, images, mentions, or breaks out of the cell. */
export function markdownText(text: string): string {
  return controlEscaped(text)
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/([[\]])/g, '\\$1') // no link or image: emphasis and code spans are only formatting
    .replace(/@/g, '&#64;');
}

/** Inline code in Markdown: fenced with more backticks than the text holds, so nothing inside can close it. */
export function markdownCode(text: string): string {
  const safe = controlEscaped(text).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...safe.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 || safe.startsWith(' ') || safe.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}

/** A Mermaid label between double quotes: entity codes for what Mermaid reads as syntax. */
export function mermaidText(text: string): string {
  return text
    .replace(CONTROL, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/`/g, '#96;')
    .replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
}

/** Code points XML 1.0 cannot hold at all: most controls, lone surrogates, U+FFFE and U+FFFF. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** XML text or attribute: characters XML cannot hold written as `\uXXXX`, markup escaped. Native replaces: linear in the text. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, unicodeEscape)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** HTML text or a quoted attribute value: controls, lone surrogates and noncharacters written as escapes, then every character markup could use replaced by its entity. */
export function htmlText(text: string): string {
  return controlEscaped(text)
    .replace(NOT_HTML, unicodeEscape)
    .replace(/[&<>"'`]/g, (c) => HTML_ENTITY[c]);
}

/** What an HTML parser reports as an error in its input: lone surrogates and noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF). */
const NOT_HTML = new RegExp(
  `[\\uD800-\\uDFFF\\uFDD0-\\uFDEF${Array.from({ length: 17 }, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`).join('')}]`,
  'gu',
);
const HTML_ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};
