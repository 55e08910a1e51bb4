// Lists that grow with the tenant: appended to, grouped, ordered and quoted in messages
// without work or text that grows faster than the tenant does.

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

/**
 * Names joined for a message, the first `max` of them and then how many more:
 * a finding about one resource stays one readable line however large the
 * tenant (10,000 accounts sharing one mailbox would otherwise name each other
 * in each of 10,000 findings). `total` counts names the caller did not collect.
 */
export function listed(names: readonly string[], max = 10, total = names.length): string {
  if (total <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${(total - max).toLocaleString('en')} more`;
}

/** Strings in code-point order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A comparator that orders items by text keys in code-point order, the first
 * key first; items equal on every key compare equal, so the sort keeps their order.
 */
export function byText<T>(...keys: readonly ((item: T) => string)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const order = compareText(key(a), key(b));
      if (order !== 0) return order;
    }
    return 0;
  };
}

/** `1 finding`, `3 findings`: a count and its noun, in the plural unless it is one. */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The first item of each key, in order. */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
