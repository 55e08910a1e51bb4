/**
 * Line numbers for findings. Each file is indexed once, on the first finding
 * that needs a line, in a single pass: a large input with many findings never
 * rescans its text per finding, and one without findings never pays at all.
 */
import type { Resource } from '../model/resource';
import { closingQuote } from '../errors';

/** Lines by block kind (`resource` or `data`), type and name; nested so that a lookup builds no key. */
class LineIndex {
  private readonly byKind = new Map<string, Map<string, Map<string, number>>>();

  /** Keeps the first line a resource is written at. */
  add(kind: string, type: string, name: string, line: number): void {
    let byType = this.byKind.get(kind);
    if (!byType) this.byKind.set(kind, (byType = new Map()));
    let byName = byType.get(type);
    if (!byName) byType.set(type, (byName = new Map()));
    if (!byName.has(name)) byName.set(name, line);
  }

  get(kind: string, type: string, name: string): number | undefined {
    return this.byKind.get(kind)?.get(type)?.get(name);
  }
}

/** A locator over files whose text `read` returns; `kind` picks the indexer. */
export function createLocator(
  kind: 'json' | 'hcl' | 'plan',
  read: (file: string) => string | undefined,
): (r: Resource) => number | undefined {
  if (kind === 'plan') {
    const indexes = new Map<string, PlanAddressIndex>();
    return (r) => {
      let index = indexes.get(r.source.file);
      if (!index) indexes.set(r.source.file, (index = new PlanAddressIndex(read(r.source.file) ?? '')));
      return index.get(r.address);
    };
  }
  const indexes = new Map<string, LineIndex>();
  return (r) => {
    const file = r.source.file;
    let index = indexes.get(file);
    if (!index) {
      const text = read(file) ?? '';
      index = kind === 'json' || file.endsWith('.json') ? indexJsonResources(text) : indexHclResources(text);
      indexes.set(file, index);
    }
    return index.get(r.mode === 'data' ? 'data' : 'resource', r.type, r.name);
  };
}

/**
 * Lines of `"resource"|"data" → type → name` keys in Terraform JSON, in one
 * pass. Strings are skipped with indexOf and newlines counted only up to each
 * resource key: a 15 MB stack is scanned in well under the time it takes to parse.
 */
export function indexJsonResources(text: string): LineIndex {
  const out = new LineIndex();
  const keys: (string | undefined)[] = []; // the key at depths 1 to 3
  const isObject: boolean[] = [];
  let depth = 0;
  let pendingKey: string | undefined;
  let expectKey = false;
  const lines = new LineCounter(text);
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32) continue; // whitespace, most of a pretty-printed file
    if (c === 34) {
      const end = closingQuote(text, i);
      if (expectKey && depth <= 3) {
        pendingKey = text.slice(i + 1, end);
        if (depth === 3 && (keys[0] === 'resource' || keys[0] === 'data') && keys[1] !== undefined) {
          out.add(keys[0], keys[1], pendingKey, lines.lineAt(i));
        }
      }
      i = end;
    } else if (c === 58) {
      expectKey = false; // ':' — a value follows
      if (depth <= 3) keys[depth - 1] = pendingKey;
    } else if (c === 123 || c === 91) {
      isObject[depth++] = c === 123;
      expectKey = c === 123;
      if (depth <= 3) keys[depth - 1] = undefined;
    } else if (c === 125 || c === 93) {
      depth--;
      expectKey = false;
    } else if (c === 44) {
      expectKey = isObject[depth - 1] === true;
    }
  }
  return out;
}

/**
 * Lines of increasing offsets in one text, each newline found once: `terraform
 * show -json` writes a plan on a single line, and searching for the next newline
 * from every address again would scan to its end each time.
 */
class LineCounter {
  private line = 1;
  private nextNewline: number;

  /** All the text is on one line: no newline but after its last character (`terraform show -json` ends with one). */
  readonly singleLine: boolean;

  constructor(private readonly text: string) {
    this.nextNewline = text.indexOf('\n');
    this.singleLine = this.nextNewline === -1 || this.nextNewline >= text.trimEnd().length;
  }

  /** The 1-based line of `offset`; offsets must not decrease from one call to the next. */
  lineAt(offset: number): number {
    while (this.nextNewline !== -1 && this.nextNewline < offset) {
      this.line++;
      this.nextNewline = this.text.indexOf('\n', this.nextNewline + 1);
    }
    return this.line;
  }
}

/** Lines of `resource "type" "name"` and `data "type" "name"` blocks in HCL. */
export function indexHclResources(text: string): LineIndex {
  const out = new LineIndex();
  const lines = text.split('\n');
  const re = /^\s*(resource|data)\s+"([^"]+)"\s+"([^"]+)"/;
  lines.forEach((l, i) => {
    const m = re.exec(l);
    if (m) out.add(m[1], m[2], m[3], i + 1);
  });
  return out;
}

/**
 * Lines of each `"address": "…"` in a plan (its first appearance), found by
 * reading on from where the last lookup stopped, only as far as the addresses
 * asked for require: a plan lists every resource in `planned_values` first, so
 * most of a large plan is never scanned.
 */
export class PlanAddressIndex {
  private readonly lines = new Map<string, number>();
  private readonly counter: LineCounter;
  private cursor = 0; // -1 once the whole text is read

  constructor(private readonly text: string) {
    this.counter = new LineCounter(text);
  }

  get(address: string): number | undefined {
    // `terraform show -json` writes one line: every resource of the plan is on it.
    if (this.counter.singleLine) return 1;
    let line = this.lines.get(address);
    while (line === undefined && this.cursor !== -1) if (this.readNext() === address) line = this.lines.get(address);
    return line;
  }

  /** The next `"address": "…"` pair, recorded; undefined where the key has another kind of value, or at the end. */
  private readNext(): string | undefined {
    const text = this.text;
    const key = text.indexOf('"address"', this.cursor);
    if (key === -1) {
      this.cursor = -1;
      return undefined;
    }
    let i = skipSpace(text, key + 9);
    this.cursor = i;
    if (text.charCodeAt(i) !== 58) return undefined; // no ':': the word as a value, not the key
    i = this.cursor = skipSpace(text, i + 1);
    if (text.charCodeAt(i) !== 34) return undefined; // an address that is not a string
    const end = closingQuote(text, i);
    const raw = text.slice(i + 1, end);
    const address = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
    this.cursor = end + 1;
    if (!this.lines.has(address)) this.lines.set(address, this.counter.lineAt(key));
    return address;
  }
}

function skipSpace(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  return i;
}
