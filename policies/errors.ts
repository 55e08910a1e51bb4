/**
 * A problem with what the user gave us (a file, a flag, a config). The CLI
 * prints it as one line, `<file>: <problem>`, and exits 2.
 */
export class InputError extends Error {
  constructor(
    /** The file or path at fault, as the user named it; empty for flag errors. */
    readonly file: string,
    readonly problem: string,
  ) {
    super(file ? `${file}: ${problem}` : problem);
    this.name = 'InputError';
  }
}

/** The longest error line: enough for a path and a reason, never a file's content. */
export const MAX_ERROR_LENGTH = 400;

/** C0 and C1 controls, line and paragraph separators, and bidirectional marks and overrides: matched on purpose. */
// eslint-disable-next-line no-control-regex -- these are the characters to escape
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from input made safe for one line of a terminal or CI log: control
 * characters (newlines, escape sequences, bidirectional overrides) written as
 * escapes, and cut at `max` characters with "…".
 */
/** A character written as `\uXXXX` (its code point, at least four hex digits): visible, and inert in every format. */
export function unicodeEscape(c: string): string {
  return `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}

export function oneLine(text: string, max = MAX_ERROR_LENGTH): string {
  // Most text has nothing to escape: a search is cheaper than a replace that builds the same string again.
  const escaped =
    text.search(CONTROL) === -1
      ? text
      : text.replace(CONTROL, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : unicodeEscape(c)));
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

/** The message of anything thrown, including errors from another realm (Node internals under jest). */
export function errorMessage(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string'
    ? (e as { message: string }).message
    : String(e);
}

/** The deepest nesting of objects and lists an input may have: far beyond real Terraform, far below the stack. */
export const MAX_NESTING = 512;

/**
 * Refuses text nested deeper than {@link MAX_NESTING} (brackets and braces
 * outside JSON strings), before any recursive walk can run out of stack.
 */
export function refuseDeepNesting(text: string, file: string, hcl = false): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 && !hcl) i = closingQuote(text, i);
    else if (c === 123 || c === 91 || (hcl && c === 40)) {
      if (++depth > MAX_NESTING)
        throw new InputError(file, `nested more than ${MAX_NESTING} levels deep at ${lineColumn(text, i)}`);
    } else if (c === 125 || c === 93 || (hcl && c === 41)) depth = Math.max(0, depth - 1);
  }
}

/**
 * Where the JSON string opened at `open` ends (the text's length if it never
 * does). Strings hold most of a document's bytes: indexOf skips them far
 * faster than a loop over their characters.
 */
export function closingQuote(text: string, open: number): number {
  for (let quote = text.indexOf('"', open + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return text.length;
}

/** Parses JSON, turning a syntax error into an InputError with the line and column. */
export function parseJson(text: string, file: string): unknown {
  refuseDeepNesting(text, file);
  try {
    return JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text);
    const reason = offset >= text.trimEnd().length ? 'truncated JSON (it ends too early)' : 'malformed JSON';
    throw new InputError(file, `${reason} at ${lineColumn(text, offset)}`);
  }
}

/**
 * Where JSON text stops being valid. Node 20's JSON.parse does not always say,
 * and a line and column is what a person needs to fix a file by hand.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          string();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') return string();
    const lit = /^(true|false|null|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?)/.exec(text.slice(i, i + 400));
    if (!lit) fail();
    i += lit![0].length;
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  try {
    value();
    ws();
    return i < text.length ? i : text.length;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : 0;
  }
}

export function lineColumn(text: string, offset: number): string {
  const { line, lineStart } = lineOf(text, offset);
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** The line (from 1) that holds `offset`, and the offset where that line starts. */
export function lineOf(text: string, offset: number): { line: number; lineStart: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, lineStart };
}
