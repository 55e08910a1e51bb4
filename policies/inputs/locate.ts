/**
 * Line numbers for findings. Computed only for resources that have a finding,
 * so reading a large input never pays for them.
 */
import type { Resource } from '../model/resource';

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Finds `"key"\s*:` at or after `from`; -1 when absent. */
function keyAfter(text: string, key: string, from: number): number {
  const needle = JSON.stringify(key);
  for (let i = text.indexOf(needle, from); i !== -1; i = text.indexOf(needle, i + 1)) {
    let j = i + needle.length;
    while (j < text.length && /\s/.test(text[j])) j++;
    if (text[j] === ':') return i;
  }
  return -1;
}

/** The line of `"resource": { "<type>": { "<name>": …` in Terraform JSON. */
export function jsonResourceLine(text: string | undefined, r: Resource): number | undefined {
  if (!text) return undefined;
  let at = keyAfter(text, r.mode === 'data' ? 'data' : 'resource', 0);
  for (const key of [r.type, r.name]) {
    if (at < 0) return undefined;
    at = keyAfter(text, key, at);
  }
  return at < 0 ? undefined : lineAt(text, at);
}

/** The line of `resource "<type>" "<name>"` in HCL. */
export function hclLine(text: string | undefined, r: Resource): number | undefined {
  if (!text) return undefined;
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`^\\s*${r.mode === 'data' ? 'data' : 'resource'}\\s+"${esc(r.type)}"\\s+"${esc(r.name)}"`, 'm').exec(text);
  return m ? lineAt(text, m.index + m[0].length - m[0].trimStart().length) : undefined;
}

/** The line of the resource's `"address"` in a plan (its first appearance). */
export function planResourceLine(text: string | undefined, address: string): number | undefined {
  if (!text) return undefined;
  const at = keyAfter(text, 'address', 0);
  if (at < 0) return undefined;
  const value = JSON.stringify(address);
  for (let i = text.indexOf(value); i !== -1; i = text.indexOf(value, i + 1)) {
    const before = text.slice(Math.max(0, i - 40), i);
    if (/"address"\s*:\s*$/.test(before)) return lineAt(text, i);
  }
  return undefined;
}
