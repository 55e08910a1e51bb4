/**
 * Paths through the reset-authority graph: from every principal outside the
 * privileged tier to the nearest privileged identity, break-glass account or
 * authentication policy (or, searched apart, the nearest MFA exemption),
 * shortest first. One backward breadth-first search
 * from all targets gives every node its next step, so finding the paths of all
 * sources is linear in the graph, not quadratic.
 */
import type { GraphEdge, GraphNode, ResetGraph } from './reset-graph';
import { addTo, compareText } from '../lists';

export interface PathStep {
  readonly from: string;
  readonly kind: GraphEdge['kind'];
  readonly to: string;
  readonly resource: string;
  readonly detail?: string;
}

export interface AttackPath {
  readonly source: string;
  readonly target: string;
  readonly steps: readonly PathStep[];
}

export interface PathOptions {
  /** Only paths that start here. */
  readonly from?: string;
  /** Only paths that end here (any node, privileged or not). */
  readonly to?: string;
  /**
   * Where paths end without `to`: a privileged identity, break-glass account or
   * policy (the default), or an MFA exemption. Searched apart, so that a
   * principal one step from an exemption still shows its way to an administrator.
   */
  readonly goal?: 'privilege' | 'exemption';
  /** Longest path reported, in steps; longer ones are counted, not built. @default 25 */
  readonly maxSteps?: number;
  /** Most paths reported to one target, shortest first. @default 100 */
  readonly maxPerTarget?: number;
}

export const PATH_LIMITS = { maxSteps: 25, maxPerTarget: 100 } as const;

export interface PathSearch {
  readonly paths: AttackPath[];
  /** Paths found but not reported: longer than maxSteps, or beyond maxPerTarget. */
  readonly omitted: number;
}

export function findPaths(graph: ResetGraph, options: PathOptions = {}): AttackPath[] {
  return searchPaths(graph, options).paths;
}

/**
 * Paths within the limits, and how many were left out. Time and memory stay
 * linear in the graph: a path is walked at most maxSteps + 1 steps, so a
 * chain of thousands of nested groups costs thousands of steps, not millions.
 */
export function searchPaths(graph: ResetGraph, options: PathOptions = {}): PathSearch {
  const maxSteps = options.maxSteps ?? PATH_LIMITS.maxSteps;
  const maxPerTarget = options.maxPerTarget ?? PATH_LIMITS.maxPerTarget;
  const incoming = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) {
    addTo(incoming, e.to, e);
  }
  const isGoal = options.goal === 'exemption' ? (n: GraphNode) => n.exemption === true : (n: GraphNode) => n.target;
  const targets =
    options.to !== undefined
      ? graph.nodes.has(options.to)
        ? [options.to]
        : []
      : [...graph.nodes.values()].filter(isGoal).map((n) => n.id);
  const next = new Map<string, GraphEdge | null>(targets.map((t) => [t, null]));
  const queue = [...targets].sort();
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i];
    // Deterministic: predecessors in a stable order.
    const edges = incoming.get(at) ?? [];
    if (edges.length > 1) edges.sort(byOrigin);
    for (const e of edges) {
      if (next.has(e.from)) continue;
      next.set(e.from, e);
      queue.push(e.from);
    }
  }
  const isSource = (n: GraphNode) =>
    options.from !== undefined
      ? n.id === options.from
      : n.source && n.kind !== 'scope' && n.kind !== 'policy' && n.kind !== 'exemption';
  const paths: AttackPath[] = [];
  let omitted = 0;
  for (const n of graph.nodes.values()) {
    if (!isSource(n) || !next.get(n.id)) continue;
    const steps: PathStep[] = [];
    const seen = new Set<string>();
    for (let e = next.get(n.id); e && !seen.has(e.from) && steps.length <= maxSteps; e = next.get(e.to)) {
      seen.add(e.from);
      steps.push(stepOf(e));
    }
    if (steps.length > maxSteps) omitted++;
    else paths.push({ source: n.id, target: steps[steps.length - 1].to, steps });
  }
  const perTarget = new Map<string, number>();
  const kept = sortPaths(paths).filter((p) => {
    const count = (perTarget.get(p.target) ?? 0) + 1;
    perTarget.set(p.target, count);
    return count <= maxPerTarget;
  });
  return { paths: kept, omitted: omitted + paths.length - kept.length };
}

const outgoingCache = new WeakMap<ResetGraph, Map<string, GraphEdge[]>>();

/**
 * The shortest chain of steps from one node to another over the edges `allow`
 * admits (breadth-first, edges in the graph's order), or undefined. For a
 * question about two given principals — can this requester become that
 * approver? — where searchPaths answers for every source at once.
 */
export function shortestChain(
  graph: ResetGraph,
  from: string,
  to: string,
  allow: (edge: GraphEdge) => boolean = () => true,
): PathStep[] | undefined {
  let outgoing = outgoingCache.get(graph);
  if (!outgoing) {
    outgoingCache.set(graph, (outgoing = new Map()));
    for (const e of graph.edges) addTo(outgoing, e.from, e);
  }
  const previous = new Map<string, GraphEdge>();
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    for (const e of outgoing.get(queue[i]) ?? []) {
      if (e.to === from || previous.has(e.to) || !allow(e)) continue;
      previous.set(e.to, e);
      if (e.to === to) {
        const chain: PathStep[] = [];
        for (let s: GraphEdge | undefined = e; s; s = previous.get(s.from)) chain.unshift(stepOf(s));
        return chain;
      }
      queue.push(e.to);
    }
  }
  return undefined;
}

function stepOf(e: GraphEdge): PathStep {
  return { from: e.from, kind: e.kind, to: e.to, resource: e.resource, ...(e.detail ? { detail: e.detail } : {}) };
}

/** Shortest first, then by source: one order for every report. */
export function sortPaths(paths: AttackPath[]): AttackPath[] {
  return paths.sort(
    (a, b) => a.steps.length - b.steps.length || compareText(a.source, b.source) || compareText(a.target, b.target),
  );
}

const byOrigin = (a: GraphEdge, b: GraphEdge) =>
  compareText(a.from, b.from) || compareText(a.kind, b.kind) || compareText(a.resource, b.resource);

/** `a —can reset (okta_group_role.x: HELP_DESK_ADMIN)→ b`, one step per line. */
export function describeStep(s: PathStep): string {
  return `${s.from} —${s.kind} (${s.resource}${s.detail ? `: ${s.detail}` : ''})→ ${s.to}`;
}
