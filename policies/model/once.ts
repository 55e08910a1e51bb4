import type { Resource } from './resource';

/**
 * `answer` asked once per resource: a rule that asks the same question of a
 * group for each of its thousands of grants stays linear in the tenant.
 */
export function oncePerResource<T>(answer: (r: Resource) => T): (r: Resource) => T {
  const answers = new Map<Resource, T>();
  return (r) => {
    let a = answers.get(r);
    if (a === undefined && !answers.has(r)) answers.set(r, (a = answer(r)));
    return a as T;
  };
}
