/**
 * Appends every item to `target`. `target.push(...items)` passes each item as
 * an argument and overflows the call stack beyond about 120k of them, which
 * the findings of one rule over a large tenant can reach.
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** Adds `value` to the list `map` keeps under `key`, in place: copying the list on every add is quadratic. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
