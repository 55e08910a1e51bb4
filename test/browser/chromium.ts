/**
 * Headless Chromium for the browser suite: Debian's `chromium` (or the one
 * CHROMIUM_PATH names) driven by puppeteer-core, which downloads no browser.
 * The suite skips where none is installed, as the terraform tests do.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export const CHROMIUM = CANDIDATES.find((p): p is string => p !== undefined && p !== '' && existsSync(p));

/** `describe` when Chromium is installed, `describe.skip` otherwise; CI (RG_REQUIRE_BROWSER=1) refuses to skip. */
export const describeInChromium: jest.Describe =
  CHROMIUM || process.env.RG_REQUIRE_BROWSER === '1' ? describe : describe.skip;

/** Where screenshots go, for a person to look at (ignored by git). */
export const SHOTS = path.resolve('test-output/browser');

/**
 * One browser and one scratch directory for a test file: `session.browser` and
 * `session.tmp` are set before its tests run and cleaned up after.
 */
export function browserSession(prefix: string): { browser: Browser; tmp: string } {
  const session = {} as { browser: Browser; tmp: string };
  beforeAll(async () => {
    session.tmp = mkdtempSync(path.join(os.tmpdir(), prefix));
    session.browser = await launch();
  });
  afterAll(async () => {
    await session.browser?.close();
    if (session.tmp) rmSync(session.tmp, { recursive: true, force: true });
  });
  return session;
}

export async function launch(): Promise<Browser> {
  const puppeteer = await import('puppeteer-core');
  // CI runs as root, where Chromium's sandbox cannot start; the pages opened are the tool's own reports.
  return puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

export interface OpenedPage {
  readonly page: Page;
  /** Console errors, page errors and dialogs: any is a failure (a policy violation is a console error). */
  readonly problems: string[];
}

/** Opens a report file as a person would, from disk, collecting everything that went wrong. */
export async function open(browser: Browser, file: string): Promise<OpenedPage> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file://')) problems.push(`request: ${r.url()}`);
  });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  return { page, problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Serious and critical accessibility violations found by axe-core, run inside the page (evaluated, not injected: the page's policy would refuse a script tag). */
export async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const results = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<unknown> } }).axe;
    return axe.run(document);
  })) as { passes: unknown[]; violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };
  if (results.passes.length === 0) throw new Error('axe-core checked nothing');
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.length} node(s), first ${JSON.stringify(v.nodes[0]?.target)}`);
}
