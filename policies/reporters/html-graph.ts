/**
 * The attack paths of one stack as an SVG graph for the HTML report. Dagre
 * (the maintained `@dagrejs/dagre`) lays it out; this module only measures
 * labels and draws what dagre placed. Every name is escaped, every number
 * rounded, so the same paths give the same bytes.
 */
import { layout, graphlib } from '@dagrejs/dagre';
import { type PathsReport, onPaths } from './paths';
import { htmlText } from './escape';

/** Beyond this many edges a graph is unreadable and its SVG large: the first paths' edges are drawn, the rest counted. */
export const MAX_GRAPH_EDGES = 150;
/** Labels longer than this are cut in the drawing; the full text is in each shape's tooltip. */
const MAX_LABEL = 64;
const CHAR_WIDTH = 7.2;
const NODE_HEIGHT = 34;
const LINE_HEIGHT = 14;

export interface DrawnGraph {
  readonly svg: string;
  readonly nodes: number;
  readonly edges: number;
  /** Edges on the paths that were not drawn (past {@link MAX_GRAPH_EDGES}). */
  readonly left: number;
}

const cut = (text: string): string => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);
const widthOf = (text: string): number => Math.ceil(cut(text).length * CHAR_WIDTH) + 24;
const n = (x: number): string => String(Math.round(x * 10) / 10);

export function drawPaths(report: PathsReport, titleId: string): DrawnGraph {
  const { ids, edges: all } = onPaths(report);
  const edges = all.slice(0, MAX_GRAPH_EDGES);
  const drawn = new Set(edges.flatMap((e) => [e.from, e.to]));
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 56, edgesep: 12, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) if (drawn.has(id)) g.setNode(id, { width: widthOf(id), height: NODE_HEIGHT });
  edges.forEach((e, i) => {
    const width = Math.max(widthOf(e.kind), widthOf(e.resource)) - 16;
    g.setEdge(e.from, e.to, { width, height: LINE_HEIGHT * 2 + 4, labelpos: 'c' }, `e${i}`);
  });
  layout(g);
  const { width = 0, height = 0 } = g.graph();
  const out = [
    `<svg class="graph" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${titleId}" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrowhead"/></marker></defs>',
  ];
  edges.forEach((e, i) => {
    const at = g.edge({ v: e.from, w: e.to, name: `e${i}` }) as {
      points: { x: number; y: number }[];
      x: number;
      y: number;
    };
    const d = at.points.map((p, k) => `${k === 0 ? 'M' : 'L'}${n(p.x)} ${n(p.y)}`).join('');
    out.push(
      `<g class="edge" data-from="${htmlText(e.from)}" data-to="${htmlText(e.to)}" data-kind="${htmlText(e.kind)}" data-resource="${htmlText(e.resource)}">`,
      `<title>${htmlText(`${e.from} ${e.kind} ${e.to} (${e.resource})`)}</title>`,
      `<path d="${d}" marker-end="url(#arrow)"/>`,
      `<text x="${n(at.x)}" y="${n(at.y - 3)}" text-anchor="middle">${htmlText(e.kind)}</text>`,
      `<text x="${n(at.x)}" y="${n(at.y + LINE_HEIGHT - 1)}" text-anchor="middle" class="via">${htmlText(cut(e.resource))}</text>`,
      '</g>',
    );
  });
  for (const id of ids) {
    if (!drawn.has(id)) continue;
    const node = report.graph.nodes.get(id);
    const at = g.node(id);
    const role = node?.target ? 'target' : node?.exemption ? 'exemption' : node?.source ? 'source' : 'step';
    out.push(
      `<g class="node ${role}" data-node="${htmlText(id)}" data-kind="${htmlText(node?.kind ?? 'user')}">`,
      `<title>${htmlText(`${id} (${node?.kind ?? 'principal'}${node?.target ? ', privileged' : ''})`)}</title>`,
      `<rect x="${n(at.x - at.width / 2)}" y="${n(at.y - at.height / 2)}" width="${n(at.width)}" height="${n(at.height)}" rx="6"/>`,
      `<text x="${n(at.x)}" y="${n(at.y + 4)}" text-anchor="middle">${htmlText(cut(id))}</text>`,
      '</g>',
    );
  }
  out.push('</svg>');
  return { svg: out.join('\n'), nodes: drawn.size, edges: edges.length, left: all.length - edges.length };
}
