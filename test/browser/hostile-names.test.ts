/**
 * Tenants whose names and values are built to break out of the page: markup,
 * script, event handlers, quotes, comment and CDATA ends, control characters,
 * lone surrogates. Rendered by Chromium, none runs anything, asks for
 * anything or changes the page's shape; the names are still there, as text.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { runCli } from '../support/memory-io';
import { declaredAdminConfig, hostileResources } from '../support/hostile';
import { browserSession, describeInChromium, open, screenshot } from './chromium';

jest.setTimeout(180_000);

const NOW = ['--now', '2026-11-26T12:00:00Z'];
const session = browserSession('rg-browser-hostile-');

/** Each payload, if it ever ran, would set window.pwned or the title. */
const PAYLOADS = [
  '<script>window.pwned=1</script>',
  '<img src=x onerror="window.pwned=1;document.title=\'pwned\'">',
  '"><svg onload=window.pwned=1>',
  "'><iframe src=javascript:window.pwned=1>",
  '</code></td></tr></table></details><script>window.pwned=1</script>',
  '</style></script><style>*{display:none}</style>',
  '<a href="javascript:window.pwned=1">x</a>',
  '<!-- ]]> --> &lt;&amp;',
  '`${window.pwned=1}`',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
];

const hostileText = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.tuple(fc.constantFrom(...PAYLOADS), fc.string({ unit: 'grapheme', maxLength: 8 })).map(([p, s]) => `${s}${p}`),
  fc.constantFrom('\u0000', '\u2028\u202e', '\uD800', '\uFFFE', '\u001b[2J', '"\'`'),
);

/** The hostile tenant, its stack's name hostile too. */
function tenant(name: string, stackName: string, value: string): string {
  const file = path.join(session.tmp, `t${Math.random().toString(36).slice(2)}.tf.json`);
  writeFileSync(file, JSON.stringify({ '//': { metadata: { stackName } }, resource: hostileResources(name, value) }));
  return file;
}

const config = () => declaredAdminConfig(session.tmp);

describeInChromium('hostile names in the HTML report', () => {
  it('render as text: nothing runs, nothing is requested, the page keeps its shape', async () => {
    let shot = false;
    await fc.assert(
      fc.asyncProperty(
        hostileText,
        hostileText,
        hostileText,
        fc.constantFrom('check', 'paths'),
        async (name, stack, value, command) => {
          const file = tenant(name, stack, value);
          const argv =
            command === 'check' ? ['check', file, ...NOW, '--config', config()] : ['paths', file, '--config', config()];
          const html = await runCli([...argv, '--format', 'html']);
          if (html.code === 2) return; // refused in one line (a name Terraform could not hold): nothing rendered
          expect(html.stderr).toBe('');
          const out = path.join(session.tmp, `${command}.html`);
          writeFileSync(out, html.stdout);
          const { page, problems } = await open(session.browser, out);
          try {
            expect(problems).toEqual([]);
            const shape = await page.evaluate(() => ({
              pwned: 'pwned' in window,
              title: document.title,
              scripts: document.scripts.length,
              foreign: document.querySelectorAll(
                'img, iframe, object, embed, base, link, form[action], meta[http-equiv=refresh]',
              ).length,
              handlers: Array.from(document.querySelectorAll('*')).filter((e) =>
                Array.from(e.attributes).some((a) => a.name.startsWith('on')),
              ).length,
              javascriptLinks: document.querySelectorAll('a[href^="javascript" i]').length,
              sections: document.querySelectorAll('main > section').length,
              rows: document.querySelectorAll('#findings-table tbody tr').length,
            }));
            expect(shape).toMatchObject({ pwned: false, scripts: 1, foreign: 0, handlers: 0, javascriptLinks: 0 });
            expect(shape.title).toBe(`recovery-gate: ${command} report`);
            if (command === 'check') {
              const json = JSON.parse((await runCli([...argv, '--format', 'json'])).stdout) as { findings: unknown[] };
              expect(shape.rows).toBe(json.findings.length);
              expect(shape.sections).toBe(5); // counts, matrix, findings, timeline, paths, and nothing the input added
            } else expect(shape.sections).toBe(1);
            if (!shot && command === 'check') {
              await screenshot(page, 'hostile-names');
              shot = true;
            }
          } finally {
            await page.close();
          }
        },
      ),
      { numRuns: 24, seed: 2112 },
    );
  });
});
