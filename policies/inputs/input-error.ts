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

/** The message of anything thrown, including errors from another realm (Node internals under jest). */
export function errorMessage(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string' ? (e as { message: string }).message : String(e);
}

/** Parses JSON, turning a syntax error into an InputError with the line and column. */
export function parseJson(text: string, file: string): unknown {
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
  let line = 1;
  let lastBreak = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lastBreak = i;
  }
  return `line ${line}, column ${offset - lastBreak}`;
}
