/** An HTML page as a browser parses it (parse5), with the few walks the tests need. */
import { parse, type ParserError } from 'parse5';

export interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  /** A template's contents. */
  content?: HtmlNode;
  value?: string;
}

export function parseHtml(text: string, onParseError?: (e: ParserError) => void): HtmlNode {
  return parse(text, onParseError ? { onParseError } : {}) as unknown as HtmlNode;
}

/** Every element under `node` (itself included) that passes `test`, in document order. */
export function elements(
  node: HtmlNode,
  test: (e: HtmlNode) => boolean = () => true,
  out: HtmlNode[] = [],
): HtmlNode[] {
  if (node.tagName !== undefined && test(node)) out.push(node);
  for (const c of node.childNodes ?? []) elements(c, test, out);
  if (node.content) elements(node.content, test, out);
  return out;
}

export const textOf = (n: HtmlNode): string => (n.value ?? '') + (n.childNodes ?? []).map(textOf).join('');

export const attr = (n: HtmlNode, name: string): string | undefined => n.attrs?.find((a) => a.name === name)?.value;
