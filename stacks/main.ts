/**
 * `npm start`: synthesizes the example tenants into cdktf.out, runs the
 * catalogue over them, prints the report and writes the JSON report beside
 * the stacks. Exits non-zero if the examples stop complying.
 */
import { App } from 'cdktf';
import * as path from 'node:path';
import { exitCode } from '../cli/check';
import { writeFileAtomic } from '../cli/io';
import { runRules } from '../policies/engine/run';
import { loadInputs } from '../policies/inputs/load';
import { formatJson } from '../policies/reporters/json';
import { formatText } from '../policies/reporters/text';
import { RULES } from '../policies/rules';
import { ACME } from './company';
import { EntraTenantStack } from './entra-tenant';
import { OktaOrgStack } from './okta-org';

async function main(): Promise<number> {
  const outdir = path.resolve('cdktf.out');
  const app = new App({ outdir });
  new OktaOrgStack(app, 'acme-okta', ACME);
  new EntraTenantStack(app, 'acme-entra', ACME);
  app.synth();
  process.stdout.write(`Synthesized ${path.relative(process.cwd(), outdir)}: acme-okta, acme-entra\n\n`);

  const result = runRules(await loadInputs([path.relative(process.cwd(), outdir)]), RULES);
  process.stdout.write(formatText(result, { color: Boolean(process.stdout.isTTY) }));
  const report = path.join(outdir, 'recovery-gate.json');
  await writeFileAtomic(report, formatJson(result));
  process.stdout.write(`JSON report: ${path.relative(process.cwd(), report)}\n`);
  return exitCode(result, 'high');
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`npm start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
