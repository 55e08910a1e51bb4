/**
 * Attack paths as text, JSON, Markdown (with a Mermaid diagram GitHub
 * renders), Mermaid and Graphviz dot. The diagrams draw only the nodes and
 * edges on a path, so they stay small enough to read.
 */
import type { AttackPath } from '../graph/paths';
import { describeStep } from '../graph/paths';
import type { GraphNode, ResetGraph } from '../graph/reset-graph';
import { atLineStart, controlEscaped, markdownCode, markdownText, mermaidText } from './escape';
import { byText, counted } from '../lists';

export interface PathsReport {
  readonly stack: string;
  readonly graph: ResetGraph;
  readonly paths: readonly AttackPath[];
  /** Paths found but not listed: past the step or per-target limits. */
  readonly omitted?: number;
}

/** Says that, and how to see more, when limits left paths out. */
function omittedLine(r: PathsReport): string | undefined {
  return r.omitted
    ? `${r.omitted} more path(s) not shown: longer than the step limit or beyond the limit per target (raise --max-steps or --max-paths)`
    : undefined;
}

export function formatPathsText(reports: readonly PathsReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(
      `${atLineStart(r.stack)}: ${r.paths.length} path(s) to a privileged identity, a break-glass account, the authentication policy or an MFA exemption`,
    );
    r.paths.forEach((p, i) => {
      out.push(`  ${i + 1}. ${p.source} ⇒ ${p.target} (${counted(p.steps.length, 'step')})`);
      for (const s of p.steps) out.push(`       ${describeStep(s)}`);
    });
    const omitted = omittedLine(r);
    if (omitted) out.push(`  ${omitted}`);
    out.push('');
  }
  // Names and addresses come from the input: none may break its line.
  return out.map(controlEscaped).join('\n');
}

/** Nodes and edges on the paths only, each once, in a stable order. */
export function onPaths(report: PathsReport) {
  const edges = new Map<string, AttackPath['steps'][number]>();
  for (const p of report.paths) for (const s of p.steps) edges.set(`${s.from}|${s.kind}|${s.to}|${s.resource}`, s);
  const ids = [...new Set([...edges.values()].flatMap((s) => [s.from, s.to]))].sort();
  return {
    ids,
    edges: [...edges.values()].sort(
      byText(
        (s) => s.from,
        (s) => s.to,
        (s) => s.kind,
        (s) => s.resource,
      ),
    ),
  };
}

export function formatPathsJson(reports: readonly PathsReport[]): string {
  const doc = reports.map((r) => {
    const { ids, edges } = onPaths(r);
    return {
      stack: r.stack,
      nodes: ids.map((id) => {
        const n = r.graph.nodes.get(id)!;
        return { id, kind: n.kind, target: n.target, ...(n.exemption ? { exemption: true } : {}) };
      }),
      edges: edges.map((e) => ({
        from: e.from,
        to: e.to,
        kind: e.kind,
        resource: e.resource,
        ...(e.detail ? { detail: e.detail } : {}),
      })),
      paths: r.paths,
      omitted: r.omitted ?? 0,
    };
  });
  return JSON.stringify({ stacks: doc }, null, 2) + '\n';
}

/** Where a path ends: drawn apart from the steps on the way. */
const endsPaths = (n: GraphNode) => n.target || n.exemption === true;

export function formatMermaid(report: PathsReport): string {
  const { ids, edges } = onPaths(report);
  const key = new Map(ids.map((id, i) => [id, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const id of ids) {
    const n = report.graph.nodes.get(id)!;
    const shape = endsPaths(n) ? ['[["', '"]]'] : n.kind === 'scope' ? ['(["', '"])'] : ['["', '"]'];
    lines.push(`  ${key.get(id)}${shape[0]}${mermaidText(id)}${shape[1]}`);
  }
  for (const e of edges)
    lines.push(`  ${key.get(e.from)} -->|"${mermaidText(`${e.kind} (${e.resource})`)}"| ${key.get(e.to)}`);
  return lines.join('\n') + '\n';
}

function dotText(text: string): string {
  return controlEscaped(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

export function formatDot(reports: readonly PathsReport[]): string {
  const out = ['digraph recovery_paths {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  reports.forEach((r, i) => {
    const { ids, edges } = onPaths(r);
    out.push(`  subgraph cluster_${i} {`, `    label="${dotText(r.stack)}";`);
    for (const id of ids) {
      const n = r.graph.nodes.get(id)!;
      out.push(
        `    "${dotText(`${r.stack}/${id}`)}" [label="${dotText(id)}"${endsPaths(n) ? ', style=filled, fillcolor="#f4cccc"' : n.kind === 'scope' ? ', shape=ellipse' : ''}];`,
      );
    }
    for (const e of edges)
      out.push(
        `    "${dotText(`${r.stack}/${e.from}`)}" -> "${dotText(`${r.stack}/${e.to}`)}" [label="${dotText(e.kind)}\\n${dotText(e.resource)}"];`,
      );
    out.push('  }');
  });
  out.push('}');
  return out.join('\n') + '\n';
}

export function formatPathsMarkdown(reports: readonly PathsReport[]): string {
  const out = ['## Recovery attack paths', ''];
  const total = reports.reduce((n, r) => n + r.paths.length, 0);
  out.push(
    total === 0
      ? '✅ No principal outside the privileged tier can change the authentication of a privileged identity.'
      : `⚠️ ${total} path(s) by which a principal outside the privileged tier can end up changing the authentication of a privileged identity.`,
    '',
  );
  for (const r of reports) {
    if (r.paths.length === 0) continue;
    out.push(
      `### ${markdownText(r.stack)}`,
      '',
      '```mermaid',
      formatMermaid(r).trimEnd(),
      '```',
      '',
      '| # | From | To | Steps |',
      '|---|---|---|---|',
    );
    r.paths.forEach((p, i) =>
      out.push(
        `| ${i + 1} | ${markdownCode(p.source)} | ${markdownCode(p.target)} | ${p.steps.map((s) => markdownText(describeStep(s))).join('<br>')} |`,
      ),
    );
    const omitted = omittedLine(r);
    if (omitted) out.push('', omitted);
    out.push('');
  }
  return out.join('\n');
}
