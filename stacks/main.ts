/**
 * `npm start`: synthesizes the example tenants into cdktf.out with the whole
 * catalogue enforced at synth (`RecoveryGuidance.of(app)`), checks the output
 * again as the CLI would, prints the text report and writes the JSON,
 * Markdown and HTML reports beside the stacks. Exits non-zero if the examples stop
 * complying.
 */
import { App } from 'cdktf';
import * as path from 'node:path';
import { RecoveryGuidance, recordSourceLocations } from '../constructs';
import {
  check,
  checkFails,
  formatJson,
  formatMarkdown,
  formatReport,
  formatText,
  readsFor,
  writeReport,
} from '../index';
import { ACME } from './company';
import { EntraTenantStack } from './entra-tenant';
import { OktaOrgStack } from './okta-org';

async function main(): Promise<number> {
  // Findings (and SARIF) point at the TypeScript line that created each construct (npm start runs node --enable-source-maps).
  recordSourceLocations();
  const outdir = path.resolve('cdktf.out');
  const app = new App({ outdir });
  RecoveryGuidance.of(app, { failOn: 'high' });
  new OktaOrgStack(app, 'acme-okta', ACME);
  new EntraTenantStack(app, 'acme-entra', ACME);
  app.synth();
  const relative = path.relative(process.cwd(), outdir);
  process.stdout.write(`Synthesized ${relative}: acme-okta, acme-entra (catalogue enforced at synth)\n\n`);

  const report = await check([relative], readsFor(['markdown', 'html']));
  process.stdout.write(formatText(report, { color: Boolean(process.stdout.isTTY) }));
  // Named so they can never be taken for recovery-gate.json configuration.
  for (const [name, text] of [
    ['recovery-gate-report.json', formatJson(report)],
    ['recovery-gate-report.md', formatMarkdown(report)],
    ['recovery-gate-report.html', await formatReport('html', report)],
  ] as const) {
    await writeReport(path.join(outdir, name), text);
    process.stdout.write(`Report: ${path.join(relative, name)}\n`);
  }
  return checkFails(report, 'high') ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`npm start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = e instanceof Error && /annotation/i.test(e.message) ? 1 : 2;
  },
);
