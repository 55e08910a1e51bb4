/**
 * The HTML report as data: the matrix gives each rule the status its findings,
 * suppressions, attestations, providers and selection call for; the page's
 * policy admits exactly its own style and script; huge inputs stay a page.
 * How it looks and behaves in a browser is test/browser's.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../../policies/engine/run';
import { MAX_FINDING_ROWS, formatHtml } from '../../policies/reporters/html';
import { MAX_GRAPH_EDGES } from '../../policies/reporters/html-graph';
import type { CheckReport, StackPosture } from '../../policies/reporters/report-input';
import type { PathsReport } from '../../policies/reporters/paths';
import type { GraphNode } from '../../policies/graph/reset-graph';
import type { RuleId } from '../../policies/engine/rule';
import { REFERENCES } from '../../policies/facts/references';
import { TOOL } from '../../policies/version';
import { attr, elements, parseHtml, textOf } from '../support/html-tree';

const finding = (ruleId: RuleId, stack: string, extra: Partial<Finding> = {}): Finding => ({
  ruleId,
  severity: 'high',
  messageId: 'm',
  data: {},
  message: `${ruleId} message`,
  resource: `okta_group_role.${ruleId.toLowerCase().replace('-', '_')}`,
  stack,
  file: 'main.tf',
  line: 3,
  constructPath: null,
  code: null,
  frameworks: ['PR.AA-05'],
  unverified: false,
  ...extra,
});

const posture = (stack: string, providers: StackPosture['providers'], extra: Partial<StackPosture> = {}) => ({
  stack,
  providers,
  attestations: [],
  expiries: [],
  ...extra,
});

/** The matrix as `rule id → stack → status text`, read from the parsed page. */
function matrixOf(html: string): Map<string, string[]> {
  const [table] = elements(parseHtml(html), (e) => e.tagName === 'table' && attr(e, 'id') === 'matrix-table');
  const rows = elements(table, (e) => e.tagName === 'tr');
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const cells = (row.childNodes ?? []).filter((c) => c.tagName === 'td');
    if (cells.length < 2) continue;
    const id = /RG-\d\d/.exec(textOf(row))![0];
    out.set(id, cells.map(textOf));
  }
  return out;
}

describe('the catalogue against CSF', () => {
  const report: CheckReport = {
    command: 'check',
    result: {
      findings: [
        finding('RG-01', 'okta-org'),
        finding('RG-02', 'okta-org', {
          suppressed: { reason: 'moving in Q1', ticket: 'SEC-1', approver: 'ciso', expires: '2027-01-01T00:00:00Z' },
        }),
        finding('RG-01', 'entra', { severity: 'critical' }),
      ],
      notices: [],
      errors: [],
      stacks: [
        { name: 'okta-org', scope: 'tenant', resources: 10 },
        { name: 'entra', scope: 'tenant', resources: 10 },
      ],
      rulesOff: [{ ruleId: 'RG-03', by: '--skip-rule' }],
    },
    posture: [
      posture('okta-org', ['okta'], {
        attestations: [
          { ruleId: 'RG-09', resource: 'terraform_data.enrollment', expires: '2027-02-01T00:00:00Z' },
          { ruleId: 'RG-09', resource: 'terraform_data.enrollment_old', expires: '2027-01-15T00:00:00Z' },
          { ruleId: 'RG-09', resource: 'terraform_data.enrollment_pending' }, // its expiry not known before apply
        ],
      }),
      posture('entra', ['entra']),
    ],
  };
  const matrix = matrixOf(formatHtml(report));

  it('each rule and stack gets the status its findings, suppressions, attestations, providers and selection call for', () => {
    // Columns: the CSF outcome, then the stacks in name order (entra, okta-org).
    expect(matrix.get('RG-01')).toEqual(['PR.AA-05', '1 finding', '1 finding']);
    expect(matrix.get('RG-02')).toEqual(['PR.AA-05', 'pass', 'suppressed (1)']);
    expect(matrix.get('RG-03')).toEqual(['PR.AA-05', 'turned off', 'turned off']);
    // The earliest known expiry of the rule's attestations is the one that lapses first.
    expect(matrix.get('RG-09')).toEqual(['PR.AA-02', 'pass', 'attested until 2027-01-15']);
    expect(matrix.get('RG-05')).toEqual(['PR.AA-05', 'pass', 'pass']);
  });

  it('a rule that covers none of a stack’s providers does not apply to it', () => {
    // RG-10 decides Okta by attestation and Entra by configuration: it applies to both.
    expect(matrix.get('RG-10')).toEqual(['PR.AA-02', 'pass', 'pass']);
    const empty = matrixOf(formatHtml({ ...report, posture: [posture('entra', []), posture('okta-org', ['okta'])] }));
    expect(empty.get('RG-05')).toEqual(['PR.AA-05', 'not applicable', 'pass']);
  });

  it('groups rules by CSF function and category, in the framework’s order', () => {
    const html = formatHtml(report);
    const order = ['Govern (GV)', 'GV.SC ', 'Protect (PR)', 'PR.AA ', 'PR.PS ', 'Detect (DE)', 'DE.CM ', 'DE.AE '];
    const at = order.map((s) => html.indexOf(s));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe('the page', () => {
  const html = formatHtml({
    command: 'check',
    result: { findings: [finding('RG-01', 's')], notices: [], errors: [] },
  });

  it('its policy admits exactly its own inline style and script, by hash, and nothing else loads', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    expect(csp).toBe(
      `default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; img-src 'none'; base-uri 'none'; form-action 'none'`,
    );
    // Nothing loads (no src at all); links go to the rule pages and the guidance the rules cite, nowhere else.
    expect(html).not.toMatch(/\ssrc=/);
    const allowed = new Set(Object.values(REFERENCES).map((r) => r.url));
    for (const [, href] of html.matchAll(/href="([^"]*)"/g))
      expect(href.startsWith(`${TOOL.docs}/docs/rules`) || allowed.has(href)).toBe(true);
    expect(html).toContain(`href="${REFERENCES.scubaFinerGrainedRoles.url}"`); // RG-01's guidance, in its finding
  });

  it('is the same bytes for the same input', () => {
    expect(
      formatHtml({ command: 'check', result: { findings: [finding('RG-01', 's')], notices: [], errors: [] } }),
    ).toBe(html);
  });
});

describe('bounded on huge inputs', () => {
  it(`lists at most ${MAX_FINDING_ROWS} findings and says how many more the JSON report holds`, () => {
    const findings = Array.from({ length: 6000 }, (_, i) =>
      finding('RG-01', 's', { resource: `okta_group_role.r${String(i).padStart(5, '0')}` }),
    );
    const html = formatHtml({ command: 'check', result: { findings, notices: [], errors: [] } });
    expect(html.match(/<tr data-severity=/g)).toHaveLength(MAX_FINDING_ROWS);
    expect(html).toContain('4000 more findings are not listed here');
    expect(html).toContain('6000</span>high');
    expect(html.length).toBeLessThan(3_000_000);
  });

  it(`draws at most ${MAX_GRAPH_EDGES} steps of a graph and says that more are not drawn`, () => {
    const nodes = new Map<string, GraphNode>();
    const node = (id: string, target = false): GraphNode => ({ id, label: id, kind: 'group', target, source: !target });
    nodes.set('azuread_group.admins', node('azuread_group.admins', true));
    const paths = Array.from({ length: 400 }, (_, i) => {
      const from = `azuread_group.g${String(i).padStart(3, '0')}`;
      nodes.set(from, node(from));
      return {
        source: from,
        target: 'azuread_group.admins',
        steps: [{ from, kind: 'can add members to' as const, to: 'azuread_group.admins', resource: `${from}_owner` }],
      };
    });
    const report: PathsReport = { stack: 's', graph: { nodes, edges: [] }, paths };
    const html = formatHtml({ command: 'paths', paths: [report] });
    expect(html.match(/<g class="edge"/g)).toHaveLength(MAX_GRAPH_EDGES);
    expect(html).toContain(`${400 - MAX_GRAPH_EDGES} more step(s) are not drawn`);
    expect(html).toContain('400 path(s), step by step');
  });
});
