/**
 * The HTML report in a real browser: headless Chromium opens it from disk as
 * a person would. Its policy holds (no console error, nothing requested from
 * anywhere), the filters change the rows shown, the graph has the nodes and
 * edges of the paths, axe-core finds no serious or critical accessibility
 * problem, and a screenshot of each page is left in test-output/browser.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'puppeteer-core';
import { runCli } from '../support/memory-io';
import { axeViolations, browserSession, describeInChromium, open, screenshot } from './chromium';

jest.setTimeout(120_000);

const NOW = ['--now', '2026-11-26T12:00:00Z'];
const session = browserSession('rg-browser-');

/** Runs the CLI and writes its HTML report to a file, with the JSON report of the same run for the expectations. */
async function report(name: string, argv: string[]): Promise<{ file: string; json: Record<string, unknown> }> {
  const html = await runCli([...argv, '--format', 'html']);
  expect(html.stderr).toBe('');
  const file = path.join(session.tmp, `${name}.html`);
  writeFileSync(file, html.stdout);
  const json = await runCli([...argv, '--format', 'json']);
  return { file, json: JSON.parse(json.stdout) as Record<string, unknown> };
}

const visibleRows = (page: Page) =>
  page.$$eval('#findings-table tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).length);

async function choose(page: Page, id: string, value: string): Promise<void> {
  await page.select(`#${id}`, value);
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  stack: string;
  resource: string | null;
  suppressed?: unknown;
}

describeInChromium('the check report of a realistic tenant', () => {
  let page: Page;
  let problems: string[];
  let findings: JsonFinding[];

  beforeAll(async () => {
    // Five tenants in one directory: findings of every severity, attestations, break-glass expiries and attack paths;
    // one finding accepted in recovery-gate.json.
    const config = path.join(session.tmp, 'recovery-gate.json');
    writeFileSync(
      config,
      JSON.stringify({
        suppressions: [
          {
            ruleId: 'RG-02',
            resource: 'okta_group_role.service_desk_help_desk',
            reason: 'Help desk re-scoped in the Q1 roll-out',
            ticket: 'SEC-142',
            approver: 'ciso-office',
            expires: '2027-01-31T00:00:00Z',
          },
        ],
      }),
    );
    const r = await report('tenant', ['check', 'test/fixtures/tenants', ...NOW, '--config', config]);
    findings = (r.json as { findings: JsonFinding[] }).findings;
    ({ page, problems } = await open(session.browser, r.file));
  });

  it('renders with no console error, no page error and no request', async () => {
    expect(problems).toEqual([]);
    await screenshot(page, 'check-tenant');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Identity recovery posture');
    expect(await page.$eval('.verdict', (v) => v.textContent)).toMatch(/^\d+ findings need attention/);
  });

  it('lists every finding, and the filters change the rows shown', async () => {
    expect(findings.length).toBeGreaterThan(20);
    expect(await visibleRows(page)).toBe(findings.length);

    await choose(page, 'filter-severity', 'critical');
    const critical = findings.filter((f) => f.severity === 'critical').length;
    expect(critical).toBeGreaterThan(0);
    expect(await visibleRows(page)).toBe(critical);
    expect(await page.$eval('#shown', (p) => p.textContent)).toBe(`${critical} of ${findings.length} findings shown`);

    await choose(page, 'filter-rule', 'RG-08');
    expect(await visibleRows(page)).toBe(
      findings.filter((f) => f.severity === 'critical' && f.ruleId === 'RG-08').length,
    );

    await choose(page, 'filter-severity', '');
    await choose(page, 'filter-rule', '');
    await page.type('#filter-text', 'emergency_access');
    const matching = await page.$$eval('#findings-table tbody tr', (rows) =>
      rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.textContent ?? ''),
    );
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.length).toBeLessThan(findings.length);
    expect(matching.every((t) => t.includes('emergency_access'))).toBe(true);

    await page.$eval('#filter-text', (i) => ((i as HTMLInputElement).value = ''));
    await page.$eval('#filter-text', (i) => i.dispatchEvent(new Event('input', { bubbles: true })));
    expect(await visibleRows(page)).toBe(findings.length);
  });

  it('a row expands to the message, the fix, the source location and the rule page; a suppression shows who accepted it', async () => {
    const suppressed = await page.$$eval('#findings-table tbody tr', (rows) =>
      rows.filter(
        (r) => r.textContent?.includes('okta_group_role.service_desk_help_desk') && r.textContent.includes('RG-02'),
      ),
    );
    expect(suppressed).toHaveLength(1);
    const details = await page.$('#findings-table tbody tr[data-rule="RG-02"] details');
    await details!.click();
    const text = await details!.evaluate((d) => (d as HTMLDetailsElement).open && d.textContent);
    expect(text).toMatch(/Message.*How to fix.*Where.*tenants/s);
    expect(text).toMatch(/approved by ciso-office\): Help desk re-scoped/);
    const href = await details!.$eval('a', (a) => a.getAttribute('href'));
    expect(href).toMatch(/\/docs\/rules\/RG-02\.md#how-to-fix$/);
  });

  it('the matrix shows each rule’s status; the timeline lists what expires', async () => {
    const statuses = await page.$$eval('#matrix-table td.status', (cells) => cells.map((c) => c.textContent));
    expect(statuses).toEqual(
      expect.arrayContaining(['pass', 'suppressed (1)', expect.stringMatching(/^\d+ findings?$/)]),
    );
    expect(statuses.some((s) => /^attested until \d{4}-\d\d-\d\d$/.test(s ?? ''))).toBe(true);
    const marks = await page.$$eval('svg.timeline circle.mark', (c) => c.length);
    expect(marks).toBeGreaterThan(0);
  });

  it('draws every node and edge of the attack paths, each edge naming the resource that creates it', async () => {
    const paths = JSON.parse((await runCli(['paths', 'test/fixtures/tenants', '--format', 'json'])).stdout) as {
      stacks: { nodes: { id: string }[]; edges: { from: string; to: string; resource: string }[] }[];
    };
    const { nodes, edges } = paths.stacks[0];
    expect(edges.length).toBeGreaterThan(5);
    const drawnNodes = await page.$$eval('svg.graph g.node', (g) => g.map((n) => n.getAttribute('data-node')));
    expect([...drawnNodes].sort()).toEqual(nodes.map((n) => n.id).sort());
    const drawnEdges = await page.$$eval('svg.graph g.edge', (g) =>
      g.map((e) => ({
        edge: `${e.getAttribute('data-from')} → ${e.getAttribute('data-to')} (${e.getAttribute('data-resource')})`,
        resource: e.getAttribute('data-resource') ?? '',
        label: e.querySelector('text.via')?.textContent ?? '',
      })),
    );
    expect(drawnEdges.map((e) => e.edge).sort()).toEqual(
      edges.map((e) => `${e.from} → ${e.to} (${e.resource})`).sort(),
    );
    // The label shows the resource, cut with an ellipsis only when it is longer than a label holds.
    for (const e of drawnEdges)
      expect(e.label === e.resource || (e.label.endsWith('…') && e.resource.startsWith(e.label.slice(0, -1)))).toBe(
        true,
      );
    expect(drawnEdges.filter((e) => e.label === e.resource).length).toBeGreaterThan(drawnEdges.length / 2);
  });

  it('prints to PDF with every row open and the filters left out', async () => {
    await page.emulateMediaType('print');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const closed = await page.$$eval('details', (ds) => ds.filter((d) => !(d as HTMLDetailsElement).open).length);
    expect(closed).toBe(0);
    expect(await page.$eval('#filters', (f) => getComputedStyle(f).display)).toBe('none');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMediaType('screen');
  });

  it('axe-core finds no serious or critical accessibility violation', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });
});

describeInChromium('the other reports', () => {
  it.each([
    [
      'example tenants',
      ['check', 'test/fixtures/tenants/acme-okta.cdk.tf.json', 'test/fixtures/tenants/acme-entra.cdk.tf.json', ...NOW],
    ],
    [
      'review',
      [
        'review',
        '--base',
        'test/fixtures/tenants/acme-entra.cdk.tf.json',
        '--head',
        'test/fixtures/tenants/contoso-entra-defects.tf.json',
        ...NOW,
      ],
    ],
    ['paths', ['paths', 'test/fixtures/tenants/globex-okta-defects.tf.json']],
    ['drift', ['drift', 'test/fixtures/plan/refresh-only/plan.json', ...NOW]],
  ])('%s: renders cleanly and passes axe-core', async (name, argv) => {
    const r = await report(name.replace(/\s/g, '-'), argv as string[]);
    const { page, problems } = await open(session.browser, r.file);
    expect(problems).toEqual([]);
    await screenshot(page, name.replace(/\s/g, '-'));
    expect(await axeViolations(page)).toEqual([]);
    if (name === 'review') {
      // The weakening changes come first, before the findings.
      const order = await page.$$eval('main h2', (hs) => hs.map((h) => h.textContent));
      expect(order.indexOf('Weakening changes')).toBeLessThan(order.indexOf('Findings'));
      expect(await page.$$eval('#changes-title + table tbody tr', (r) => r.length)).toBeGreaterThan(0);
    }
    await page.close();
  });
});
