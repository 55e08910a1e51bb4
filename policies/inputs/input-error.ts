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

/** Parses JSON, turning a syntax error into an InputError with the line and column. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    const where = at ? ` at ${lineColumn(text, Number(at[1]))}` : '';
    const reason = /Unexpected end|Unterminated/i.test(message) ? 'truncated or malformed JSON' : 'malformed JSON';
    throw new InputError(file, `${reason}${where}`);
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
