/**
 * Reports of the example tenants, the fixtures and a synthetic tenant, byte for
 * byte as the CLI writes them: a restructuring that changes a byte fails here.
 * A deliberate change of output: RG_WRITE_GOLDEN=1 npx jest test/golden, then
 * read the diff before committing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { render, syntheticStack } from '../../bench/tenant';
import { runCli } from '../support/memory-io';

const NOW = ['--now', '2026-06-01T00:00:00Z'];
const TENANTS = [
  'acme-okta.cdk.tf.json',
  'acme-entra.cdk.tf.json',
  'fabrikam-entra.cdk.tf.json',
  'contoso-entra-defects.tf.json',
  'globex-okta-defects.tf.json',
];
const CHECK_FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit', 'github', 'html'];
const PATHS_FORMATS = ['text', 'json', 'markdown', 'mermaid', 'dot', 'html'];

interface Case {
  readonly name: string;
  readonly argv: string[];
}

function cases(): Case[] {
  const all: Case[] = [];
  for (const tenant of TENANTS) {
    const file = `test/fixtures/tenants/${tenant}`;
    const base = tenant.replace(/\.(cdk\.)?tf\.json$/, '');
    for (const f of CHECK_FORMATS)
      all.push({ name: `check-${base}.${f}`, argv: ['check', file, '--format', f, ...NOW] });
    for (const f of PATHS_FORMATS)
      all.push({ name: `paths-${base}.${f}`, argv: ['paths', file, '--format', f, ...NOW] });
  }
  for (const [name, input] of [
    ['cdktf-unscoped-helpdesk', 'test/fixtures/cdktf/unscoped-helpdesk.json'],
    ['cdktf-phishing-resistant', 'test/fixtures/cdktf/unscoped-helpdesk-phishing-resistant.json'],
    ['hcl-okta-org', 'test/fixtures/hcl/okta-org'],
    ['plan-entra-tenant', 'test/fixtures/plan/entra-tenant.json'],
  ]) {
    for (const f of ['text', 'json'])
      all.push({ name: `check-${name}.${f}`, argv: ['check', input, '--format', f, ...NOW] });
  }
  for (const f of ['text', 'json', 'markdown', 'sarif', 'junit', 'html']) {
    all.push({
      name: `review-acme-to-contoso.${f}`,
      argv: [
        'review',
        '--base',
        'test/fixtures/tenants/acme-entra.cdk.tf.json',
        '--head',
        'test/fixtures/tenants/contoso-entra-defects.tf.json',
        '--format',
        f,
        ...NOW,
      ],
    });
    all.push({
      name: `review-plan-entra-tenant.${f}`,
      argv: ['review', '--plan', 'test/fixtures/plan/entra-tenant.json', '--format', f, ...NOW],
    });
    all.push({
      name: `drift-refresh-only.${f}`,
      argv: ['drift', 'test/fixtures/plan/refresh-only/plan.json', '--format', f, ...NOW],
    });
  }
  for (const form of SYNTHETIC_FORMS)
    all.push({
      name: `check-synthetic-${form}.json`,
      argv: ['check', `${syntheticDir}/${SYNTHETIC_FILES[form]}`, '--format', 'json', ...NOW],
    });
  all.push({
    name: 'paths-synthetic.json',
    argv: ['paths', `${syntheticDir}/main.tf.json`, '--format', 'json', ...NOW],
  });
  return all;
}

/** The bench's tenant of 1,000 resources, in each form it is measured in. */
const SYNTHETIC_FORMS = ['cdktf', 'terraform-json', 'plan', 'hcl'] as const;
const SYNTHETIC_FILES = { cdktf: 'cdktf.out', 'terraform-json': 'main.tf.json', plan: 'plan.json', hcl: 'hcl' };
// Inside the checkout (ignored by git), so the reports name it by a relative path as a user's would.
const syntheticDir = 'test/golden/synthetic';
// Written when a case runs, not when the file loads: a run that selects other tests (a mutant's) skips the work.
beforeAll(() => {
  const synthetic = syntheticStack(1000);
  mkdirSync(path.join(syntheticDir, 'cdktf.out/stacks/tenant'), { recursive: true });
  writeFileSync(path.join(syntheticDir, 'cdktf.out/stacks/tenant/cdk.tf.json'), render(synthetic, 'cdktf'));
  const manifest = {
    stacks: {
      tenant: { name: 'tenant', synthesizedStackPath: 'stacks/tenant/cdk.tf.json', workingDirectory: 'stacks/tenant' },
    },
    version: '0.21.0',
  };
  writeFileSync(path.join(syntheticDir, 'cdktf.out/manifest.json'), JSON.stringify(manifest));
  writeFileSync(path.join(syntheticDir, 'main.tf.json'), render(synthetic, 'terraform-json'));
  writeFileSync(path.join(syntheticDir, 'plan.json'), render(synthetic, 'plan'));
  mkdirSync(path.join(syntheticDir, 'hcl'), { recursive: true });
  writeFileSync(path.join(syntheticDir, 'hcl/main.tf'), render(synthetic, 'hcl'));
});

it('the bench tenant in HCL gives the findings of the same tenant in Terraform JSON, only its file, lines and stack name differ', () => {
  const findingsOf = (report: string) => {
    const text = readFileSync(path.join(__dirname, 'reports', report), 'utf8');
    const json = JSON.parse(text.slice(text.indexOf('{'))) as { findings: { file: string; line: number }[] };
    return json.findings.map((f) => ({ ...f, stack: undefined, file: undefined, line: undefined }));
  };
  expect(findingsOf('check-synthetic-hcl.json')).toEqual(findingsOf('check-synthetic-terraform-json.json'));
});

describe.each(cases())('$name', ({ name, argv }) => {
  it('is byte-identical to the recorded report', async () => {
    const { code, stdout, stderr } = await runCli(argv);
    const actual = `exit ${code}\n${stderr ? `stderr:\n${stderr}` : ''}stdout:\n${stdout}`;
    const file = path.join(__dirname, 'reports', name);
    if (process.env.RG_WRITE_GOLDEN === '1') writeFileSync(file, actual);
    expect(existsSync(file)).toBe(true);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
