/**
 * The catalogue as a whole: the exact list of rules and severities, and for
 * every rule a module named by id and slug, a doc page with the required
 * sections, and a test table. The rule text in RULES.md is the source of
 * truth for id, slug and severity.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { PROVIDERS } from '../policies/facts/providers';
import { RULES } from '../policies/rules';
import { formatReferencesMarkdown } from '../policies/reporters/catalogue';
import { type GuidanceReference, REFERENCES } from '../policies/facts/references';

const RULES_MD = '../shared/guidance/RULES.md';

describe('the catalogue', () => {
  it('pins the whole catalogue, RG-01 to RG-24, in id order, with severities', () => {
    expect(RULES.map((r) => `${r.meta.id} ${r.meta.slug} ${r.meta.severity}`)).toEqual([
      'RG-01 reset-authority-scoped high',
      'RG-02 privileged-identities-out-of-operator-reach critical',
      'RG-03 reset-authority-just-in-time high',
      'RG-04 supervised-activation high',
      'RG-05 no-self-approval critical',
      'RG-06 privileged-phishing-resistant critical',
      'RG-07 everyone-has-mfa high',
      'RG-08 no-standing-bypass critical',
      'RG-09 enrollment-verified high',
      'RG-10 recovery-short-lived high',
      'RG-11 weak-recovery-channels-off medium',
      'RG-12 break-glass-narrow high',
      'RG-13 break-glass-expiry high',
      'RG-14 break-glass-covered high',
      'RG-15 break-glass-monitored critical',
      'RG-16 identity-logs-exported high',
      'RG-17 recovery-events-alerted high',
      'RG-18 user-notified medium',
      'RG-19 no-shared-recovery-mailbox medium',
      'RG-20 vendor-cannot-weaken-mfa critical',
      'RG-21 vendor-access-expires high',
      'RG-22 nhi-reset-authority high',
      'RG-23 policies-enforced medium',
      'RG-24 attestations-current high',
    ]);
  });

  const guidance = existsSync(RULES_MD) ? readFileSync(RULES_MD, 'utf8') : undefined;
  (guidance ? it : it.skip)('agrees with RULES.md on id, slug and severity', () => {
    for (const { meta } of RULES) {
      expect(guidance).toContain(`### ${meta.id} ${meta.slug} · ${meta.severity} · ${meta.csf.join(', ')}`);
    }
  });

  const ruleFiles = readdirSync('policies/rules');
  for (const { meta } of RULES) {
    describe(meta.id, () => {
      it('lives in policies/rules/<id>-<slug>.ts', () => {
        expect(ruleFiles).toContain(`${meta.id}-${meta.slug}.ts`);
      });

      it('has a doc page with what, why, references and fixes for each provider it covers', () => {
        const doc = readFileSync(`docs/rules/${meta.id}.md`, 'utf8');
        expect(doc.split('\n')[0]).toBe(`# ${meta.id} ${meta.slug}`);
        for (const heading of ['## What it checks', '## Why', '## References', '## How to fix'])
          expect(doc).toContain(heading);
        for (const p of PROVIDERS) {
          if (meta.providers[p] === 'n/a') continue;
          const name = p === 'okta' ? 'Okta' : 'Entra ID';
          expect(doc).toMatch(new RegExp(`${name}[^\\n]*cdktf|cdktf[^\\n]*${name}|${name} or|or ${name}`));
        }
        expect(doc).toContain('```ts');
        expect(doc).toContain('```hcl');
      });

      it('lists on its page its CSF outcomes and every reference of its meta, linked to the source', () => {
        const doc = readFileSync(`docs/rules/${meta.id}.md`, 'utf8');
        const section = doc.slice(
          doc.indexOf('## References\n\n') + 15,
          doc.indexOf('\n\n## ', doc.indexOf('## References')),
        );
        expect(section).toBe(formatReferencesMarkdown(meta));
        expect(meta.references.length).toBeGreaterThan(0);
      });

      it('has a rule test table', () => {
        expect(existsSync(`test/rules/${meta.id}.test.ts`)).toBe(true);
      });

      it('has messages that explain what to change', () => {
        for (const m of Object.values(meta.messages as Record<string, string>)) expect(m.length).toBeGreaterThan(60);
      });
    });
  }
});

describe('references beyond CSF (policies/facts/references.ts)', () => {
  const all: [string, GuidanceReference][] = Object.entries(REFERENCES);

  it('each is cited by some rule, and each rule cites each at most once', () => {
    const cited = new Set(RULES.flatMap(({ meta }) => meta.references));
    expect(all.filter(([, r]) => !cited.has(r)).map(([key]) => key)).toEqual([]);
    for (const { meta } of RULES) expect(new Set(meta.references).size).toBe(meta.references.length);
  });

  it('links to its publisher over https, and a SCuBA policy to its own heading in the baseline', () => {
    const hosts: Record<string, RegExp> = {
      'CISA SCuBA': /^https:\/\/github\.com\/cisagov\/ScubaGear\//,
      'NIST SP 800-63B-4': /^https:\/\/pages\.nist\.gov\/800-63-4\/sp800-63b\//,
      'NIST SP 800-53 Rev. 5': /^https:\/\/doi\.org\/10\.6028\/NIST\.SP\.800-53r5$/,
      'NIST SP 800-161r1': /^https:\/\/doi\.org\/10\.6028\/NIST\.SP\.800-161r1$/,
      Microsoft: /^https:\/\/learn\.microsoft\.com\/en-us\//,
      Okta: /^https:\/\/sec\.okta\.com\//,
    };
    for (const [, r] of all) expect(r.url).toMatch(hosts[r.source]);
    for (const [, r] of all.filter(([, x]) => x.id?.startsWith('MS.AAD.')))
      expect(r.url.endsWith(`#${r.id!.toLowerCase().replace(/\./g, '')}`)).toBe(true);
  });
});
