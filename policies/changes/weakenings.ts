/**
 * Classifies one resource's change (before → after, either may be absent) with
 * the weakening detectors the rules declare (each rule's `weakenings`), so
 * everything about a rule lives in its own module. A detector that throws is
 * guarded as a rule is.
 */
import type { AnyRule } from '../engine/rule';
import type { ResourcePair, Weakening, WeakeningDetector } from '../engine/weakening';
import { errorMessage } from '../errors';
import { addTo } from '../lists';
import { RULES } from '../rules';

interface Owned {
  readonly rule: AnyRule;
  readonly detector: WeakeningDetector;
}

/** Detectors by resource type (a Map: a type named `__proto__` or `constructor` finds none), and those that match a pattern. */
function index(rules: readonly AnyRule[]): { byType: Map<string, Owned[]>; byPattern: Owned[] } {
  const byType = new Map<string, Owned[]>();
  const byPattern: Owned[] = [];
  for (const rule of rules) {
    for (const detector of rule.weakenings ?? []) {
      if (detector.types instanceof RegExp) byPattern.push({ rule, detector });
      else for (const type of detector.types) addTo(byType, type, { rule, detector });
    }
  }
  return { byType, byPattern };
}

const indexes = new WeakMap<readonly AnyRule[], ReturnType<typeof index>>();

/**
 * Every weakening in one resource's change, in catalogue order. A detector
 * that throws is reported to `onError` (an engine error in the report), and
 * the other detectors still run.
 */
export function weakeningsOf(
  pair: ResourcePair,
  onError: (message: string) => void = () => undefined,
  rules: readonly AnyRule[] = RULES,
): Weakening[] {
  const r = pair.after ?? pair.before;
  if (!r) return [];
  let detectors = indexes.get(rules);
  if (!detectors) indexes.set(rules, (detectors = index(rules)));
  const out: Weakening[] = [];
  const owners = [
    ...(detectors.byType.get(r.type) ?? []),
    ...detectors.byPattern.filter((o) => (o.detector.types as RegExp).test(r.type)),
  ];
  for (const { rule, detector } of owners) {
    try {
      detector.detect(pair, ({ kind, ...rest }) =>
        out.push({ kind, ruleId: rule.meta.id, ...rest, resource: r.address }),
      );
    } catch (e) {
      onError(`classifying the change to ${r.address} failed (${rule.meta.id}): ${errorMessage(e)}`);
    }
  }
  return out;
}
