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
}

export function findPaths(graph: ResetGraph, options: PathOptions = {}): AttackPath[] {
  const incoming = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) {
    addTo(incoming, e.to, e);
  }
  const isGoal = options.goal === 'exemption' ? (n: GraphNode) => n.exemption === true : (n: GraphNode) => n.target;
  const targets = options.to !== undefined ? (graph.nodes.has(options.to) ? [options.to] : []) : [...graph.nodes.values()].filter(isGoal).map((n) => n.id);
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
  const isSource = (n: GraphNode) => (options.from !== undefined ? n.id === options.from : n.source && n.kind !== 'scope' && n.kind !== 'policy' && n.kind !== 'exemption');
  const paths: AttackPath[] = [];
  for (const n of graph.nodes.values()) {
    if (!isSource(n) || !next.get(n.id)) continue;
    const steps: PathStep[] = [];
    const seen = new Set<string>();
    for (let e = next.get(n.id); e && !seen.has(e.from); e = next.get(e.to)) {
      seen.add(e.from);
      steps.push({ from: e.from, kind: e.kind, to: e.to, resource: e.resource, ...(e.detail ? { detail: e.detail } : {}) });
    }
    paths.push({ source: n.id, target: steps[steps.length - 1].to, steps });
  }
  return sortPaths(paths);
}

/** Shortest first, then by source: one order for every report. */
export function sortPaths(paths: AttackPath[]): AttackPath[] {
  return paths.sort((a, b) => a.steps.length - b.steps.length || compareText(a.source, b.source) || compareText(a.target, b.target));
}

const byOrigin = (a: GraphEdge, b: GraphEdge) => compareText(a.from, b.from) || compareText(a.kind, b.kind) || compareText(a.resource, b.resource);

/** `a —can reset (okta_group_role.x: HELP_DESK_ADMIN)→ b`, one step per line. */
export function describeStep(s: PathStep): string {
  return `${s.from} —${s.kind} (${s.resource}${s.detail ? `: ${s.detail}` : ''})→ ${s.to}`;
}
