/** For property tests: a copy of `doc` with the subtree at a pseudo-random path replaced. */
export function mutate(doc: unknown, at: readonly number[], replacement: unknown): unknown {
  if (at.length === 0 || typeof doc !== 'object' || doc === null) return replacement;
  const keys = Object.keys(doc);
  if (keys.length === 0) return replacement;
  const key = keys[at[0] % keys.length];
  const copy: Record<string, unknown> = Array.isArray(doc)
    ? ([...doc] as unknown as Record<string, unknown>)
    : { ...(doc as Record<string, unknown>) };
  copy[key] = mutate((doc as Record<string, unknown>)[key], at.slice(1), replacement);
  return copy;
}
