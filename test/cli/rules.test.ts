import { readFileSync } from 'node:fs';
import { catalogueOf, formatCatalogueMarkdown } from '../../policies/reporters/catalogue';
import { RULES } from '../../policies/rules';
import { runCli } from '../support/memory-io';

describe('recovery-gate rules', () => {
  it('--format json lists RG-01…RG-24 with id, slug, severity, title, CSF ids, per-provider coverage and references', async () => {
    const r = await runCli(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const { rules } = JSON.parse(r.stdout);
    expect(rules.map((x: { id: string }) => x.id)).toEqual(
      Array.from({ length: 24 }, (_, i) => `RG-${String(i + 1).padStart(2, '0')}`),
    );
    for (const rule of rules) {
      expect(Object.keys(rule).sort()).toEqual([
        'csf',
        'docs',
        'id',
        'providers',
        'references',
        'severity',
        'slug',
        'title',
      ]);
      expect(rule.references.length).toBeGreaterThan(0);
      for (const coverage of Object.values(rule.providers))
        expect(['configuration', 'attestation', 'configuration or attestation', 'n/a']).toContain(coverage);
    }
    expect(rules.find((x: { id: string }) => x.id === 'RG-03').references[0]).toEqual({
      source: 'CISA SCuBA',
      id: 'MS.AAD.7.4v1',
      title: 'Permanent active role assignments SHALL NOT be allowed for highly privileged roles.',
      url: 'https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/aad.md#msaad74v1',
    });
    expect(rules.find((x: { id: string }) => x.id === 'RG-09').providers).toEqual({
      okta: 'attestation',
      entra: 'configuration',
    });
  });

  it('--format text and markdown', async () => {
    expect((await runCli(['rules'])).stdout).toMatch(
      /^RG-01 reset-authority-scoped \[high\] .*\n {4}CSF PR\.AA-05; okta: configuration; entra: configuration\n/,
    );
    expect((await runCli(['rules', '--format', 'markdown'])).stdout).toContain(
      '| [RG-24](docs/rules/RG-24.md) | attestations-current | high | PR.AA-05 | configuration | configuration |',
    );
    expect(await runCli(['rules', '--format', 'yaml'])).toMatchObject({
      code: 2,
      stderr: 'recovery-gate: --format must be one of text, json, markdown, not "yaml"\n',
    });
  });

  it('the README coverage matrix is the generated one (regenerate with `recovery-gate rules --format markdown`)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /<!-- catalogue:start -->\n([\s\S]*?)<!-- catalogue:end -->/.exec(readme)?.[1];
    expect(block).toBe(formatCatalogueMarkdown(catalogueOf(RULES)));
  });
});
