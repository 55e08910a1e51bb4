/**
 * Review of a change: base against head. Resources are matched by address,
 * and by cdktf construct path where an address changed; every weakening is
 * classified, and the findings the change introduces and resolves are listed.
 */
import type { AnyRule } from '../engine/rule';
import { DEFAULT_CONFIG } from '../config/config';
import type { RuleContext } from '../tenant/context';
import {
  contextsOf,
  runRulesIn,
  type CheckResult,
  type EngineError,
  type Finding,
  type RunOptions,
} from '../engine/run';
import type { Resource, Stack } from '../model/resource';
import { RULES } from '../rules';
import type { Weakening } from '../engine/weakening';
import { weakeningsOf } from './weakenings';
import { describeStep, type AttackPath } from '../graph/paths';
import { addTo, append, byText } from '../lists';
import { Unknown } from '../model/value';

export interface Change extends Weakening {
  readonly stack: string;
  readonly file: string;
  readonly line: number | null;
}

export interface ReviewResult {
  /** Weakening changes, in stack and resource order. */
  readonly changes: readonly Change[];
  readonly introduced: readonly Finding[];
  readonly resolved: readonly Finding[];
  /** Changed resources (added, removed or modified) that static HCL could not evaluate: whether they weaken anything is not known. */
  readonly unevaluated: readonly string[];
  /** The head's full check, for reporters that show everything (a notice names the unevaluated changes). */
  readonly head: CheckResult;
}

export interface ReviewOptions extends RunOptions {
  /** The rules to run on both sides. @default the whole catalogue */
  readonly rules?: readonly AnyRule[];
}

/** Pairs resources of two versions of a stack: same address, or same construct path and type. */
export function matchResources(
  base: readonly Resource[],
  head: readonly Resource[],
): { before?: Resource; after?: Resource }[] {
  const byAddress = new Map(base.map((r) => [r.address, r]));
  const byPath = new Map(
    base.filter((r) => r.source.constructPath).map((r) => [`${r.type}|${r.source.constructPath}`, r]),
  );
  const used = new Set<Resource>();
  const pairs: { before?: Resource; after?: Resource }[] = [];
  for (const after of head) {
    const before =
      byAddress.get(after.address) ??
      (after.source.constructPath ? byPath.get(`${after.type}|${after.source.constructPath}`) : undefined);
    if (before && !used.has(before)) {
      used.add(before);
      pairs.push({ before, after });
    } else pairs.push({ after });
  }
  for (const before of base) if (!used.has(before)) pairs.push({ before });
  return pairs;
}

/** Pairs stacks by name; a single stack on each side is the same stack whatever its name. */
function matchStacks(base: readonly Stack[], head: readonly Stack[]): [Stack | undefined, Stack][] {
  if (base.length === 1 && head.length === 1) return [[base[0], head[0]]];
  return head.map((h) => [base.find((b) => b.name === h.name), h]);
}

/** A path from outside the privileged tier to a privileged identity that the base did not have: W-PRIVILEGE. */
function newPaths(base: RuleContext | undefined, head: RuleContext): Change[] {
  const key = (p: AttackPath) => `${p.source}|${p.target}`;
  const had = new Set(base ? base.attackPaths.map(key) : []);
  const out: Change[] = [];
  for (const path of head.attackPaths) {
    if (had.has(key(path))) continue;
    const first = path.steps[0];
    const resource = head.get(first.resource);
    out.push({
      kind: 'W-PRIVILEGE',
      ruleId: 'RG-02',
      resource: first.resource,
      attribute: 'path',
      before: 'no path',
      after: `${path.source} ⇒ ${path.target} in ${path.steps.length} step(s)`,
      message: `a new way to change a privileged identity's authentication: ${path.steps.map(describeStep).join('; ')}`,
      stack: head.stack.name,
      file: resource?.source.file ?? head.stack.origin,
      line: resource ? (head.stack.locateLine?.(resource) ?? null) : null,
    });
  }
  return out;
}

const findingKey = (f: Finding) => `${f.stack}|${f.ruleId}|${f.resource}|${f.messageId}`;

export function review(base: readonly Stack[], head: readonly Stack[], options: ReviewOptions = {}): ReviewResult {
  const run = { config: options.config ?? DEFAULT_CONFIG, now: options.now ?? new Date() };
  const pairs = matchStacks(base, head);
  // Findings are compared per stack name; the head's names win where a lone stack was renamed.
  const renamed = pairs.length === 1 && pairs[0][0] ? [{ ...pairs[0][0], name: pairs[0][1].name }] : base;
  // One context per stack serves the weakenings, the paths and the rules.
  const baseContexts = contextsOf(renamed, run);
  const headContexts = contextsOf(head, run);
  const contextOf = (stack: Stack | undefined, contexts: RuleContext[], from: readonly Stack[]) =>
    stack ? contexts[from.indexOf(stack)] : undefined;
  const changes: Change[] = [];
  const detectorErrors: EngineError[] = [];
  const unevaluated = new Map<string, string[]>();
  for (const [b, h] of pairs) {
    const headCtx = contextOf(h, headContexts, head)!;
    const baseCtx =
      contextOf(b, baseContexts, base) ??
      contextsOf([{ name: h.name, kind: h.kind, origin: h.origin, resources: [], notEvaluated: [] }], run)[0];
    const notEvaluated = new Set([...(b?.notEvaluated ?? []), ...h.notEvaluated]);
    for (const { before, after } of matchResources(b?.resources ?? [], h.resources)) {
      const address = (after ?? before)!.address;
      if (notEvaluated.has(address) && !sameValues(before, after)) addTo(unevaluated, h.name, address);
      for (const w of weakeningsOf({ before, after, base: baseCtx, head: headCtx }, (message) =>
        detectorErrors.push({ ruleId: 'review', stack: h.name, message }),
      )) {
        const where = after ?? before!;
        const stack = after ? h : (b ?? h);
        changes.push({ ...w, stack: h.name, file: where.source.file, line: stack.locateLine?.(where) ?? null });
      }
    }
    append(changes, newPaths(b ? baseCtx : undefined, headCtx));
  }
  changes.sort(
    byText(
      (c) => c.stack,
      (c) => c.resource,
      (c) => c.kind,
      (c) => c.attribute,
    ),
  );
  const before = runRulesIn(baseContexts, options.rules ?? RULES);
  const after = runRulesIn(headContexts, options.rules ?? RULES);
  const had = new Set(before.findings.map(findingKey));
  const has = new Set(after.findings.map(findingKey));
  const notices = [...unevaluated].map(([stack, resources]) => ({
    stack,
    resources: resources.sort(),
    message: `${resources.length} changed resource(s) could not be evaluated statically, so whether this change weakens them is not known; review the plan (\`terraform show -json\`)`,
  }));
  return {
    changes,
    introduced: after.findings.filter((f) => !had.has(findingKey(f))),
    resolved: before.findings.filter((f) => !has.has(findingKey(f))),
    unevaluated: notices.flatMap((n) => n.resources),
    head: { ...after, notices: [...notices, ...after.notices], errors: [...detectorErrors, ...after.errors] },
  };
}

/** Whether a resource is the same on both sides: present on both, its values equal (unknowns by what they were written as). */
function sameValues(before: Resource | undefined, after: Resource | undefined): boolean {
  if (!before || !after) return false;
  const text = (r: Resource) =>
    JSON.stringify(r.values, (_, v: unknown) => (v instanceof Unknown ? { unknown: v.expression ?? null } : v));
  return text(before) === text(after);
}
