/**
 * Line numbers for findings. Each file is indexed once, on the first finding
 * that needs a line, in a single pass: a large input with many findings never
 * rescans its text per finding, and one without findings never pays at all.
 */
import type { Resource } from '../model/resource';

type LineIndex = Map<string, number>;

const keyOf = (mode: string, type: string, name: string) => `${mode === 'data' ? 'data' : 'resource'} ${type} ${name}`;

/** A locator over files whose text `read` returns; `kind` picks the indexer. */
export function createLocator(kind: 'json' | 'hcl' | 'plan', read: (file: string) => string | undefined): (r: Resource) => number | undefined {
  const indexes = new Map<string, LineIndex>();
  return (r) => {
    const file = r.source.file;
    let index = indexes.get(file);
    if (!index) {
      const text = read(file) ?? '';
      const k = kind === 'hcl' && file.endsWith('.json') ? 'json' : kind;
      index = k === 'json' ? indexJsonResources(text) : k === 'hcl' ? indexHclResources(text) : indexPlanAddresses(text);
      indexes.set(file, index);
    }
    return kind === 'plan' ? index.get(r.address) : index.get(keyOf(r.mode, r.type, r.name));
  };
}

/** Lines of `"resource"|"data" → type → name` keys in Terraform JSON, in one pass. */
export function indexJsonResources(text: string): LineIndex {
  const out: LineIndex = new Map();
  const path: (string | undefined)[] = []; // key at each object depth
  const isObject: boolean[] = [];
  let pendingKey: string | undefined;
  let expectKey = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (expectKey) {
        pendingKey = text.slice(i + 1, j);
        const depth = isObject.length;
        if (depth === 3 && (path[0] === 'resource' || path[0] === 'data') && path[1] !== undefined) {
          const k = keyOf(path[0], path[1], pendingKey);
          if (!out.has(k)) out.set(k, line);
        }
      }
      i = j;
    } else if (c === 58) {
      expectKey = false; // ':' — a value follows
      path[isObject.length - 1] = pendingKey;
    } else if (c === 123 || c === 91) {
      isObject.push(c === 123);
      expectKey = c === 123;
    } else if (c === 125 || c === 93) {
      isObject.pop();
      path.length = isObject.length;
      expectKey = false;
    } else if (c === 44) {
      expectKey = isObject[isObject.length - 1] === true;
    }
  }
  return out;
}

/** Lines of `resource "type" "name"` and `data "type" "name"` blocks in HCL. */
export function indexHclResources(text: string): LineIndex {
  const out: LineIndex = new Map();
  const lines = text.split('\n');
  const re = /^\s*(resource|data)\s+"([^"]+)"\s+"([^"]+)"/;
  lines.forEach((l, i) => {
    const m = re.exec(l);
    if (m && !out.has(keyOf(m[1], m[2], m[3]))) out.set(keyOf(m[1], m[2], m[3]), i + 1);
  });
  return out;
}

/** Lines of each `"address": "…"` in a plan (its first appearance). */
export function indexPlanAddresses(text: string): LineIndex {
  const out: LineIndex = new Map();
  const re = /"address"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  let line = 1;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = text.indexOf('\n', last); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    last = m.index;
    const address = JSON.parse(`"${m[1]}"`) as string;
    if (!out.has(address)) out.set(address, line);
  }
  return out;
}
