/** The catalogue as text, JSON and Markdown, generated from each rule's `meta` (the one place rule facts live). */
import { rulePath } from '../version';
import { type AnyRule, type Coverage } from '../engine/rule';
import { PROVIDERS, type Provider } from '../facts/providers';
import { CSF_OUTCOMES } from '../facts/csf';
import { type GuidanceReference, referenceName } from '../facts/references';

export interface CatalogueEntry {
  readonly id: string;
  readonly slug: string;
  readonly severity: string;
  readonly title: string;
  readonly csf: readonly string[];
  /** How the rule decides on each provider: from configuration, from an attestation, either, or not at all. */
  readonly providers: Readonly<Record<Provider, Coverage>>;
  /** Guidance beyond CSF: SCuBA policy ids, NIST SP 800-63B-4 sections, vendors' pages (facts/references.ts). */
  readonly references: readonly GuidanceReference[];
  readonly docs: string;
}

export function catalogueOf(rules: readonly AnyRule[]): CatalogueEntry[] {
  return rules.map(({ meta }) => ({
    id: meta.id,
    slug: meta.slug,
    severity: meta.severity,
    title: meta.title,
    csf: meta.csf,
    providers: meta.providers,
    references: meta.references,
    docs: rulePath(meta.id),
  }));
}

export function formatCatalogueJson(entries: readonly CatalogueEntry[]): string {
  return JSON.stringify({ rules: entries }, null, 2) + '\n';
}

export function formatCatalogueText(entries: readonly CatalogueEntry[]): string {
  return entries
    .map(
      (r) =>
        `${r.id} ${r.slug} [${r.severity}] ${r.title}\n    CSF ${r.csf.join(', ')}; ${PROVIDERS.map((p) => `${p}: ${r.providers[p]}`).join('; ')}\n`,
    )
    .join('');
}

/** The coverage matrix (rule × provider) the README shows. */
export function formatCatalogueMarkdown(entries: readonly CatalogueEntry[]): string {
  const rows = entries.map(
    (r) =>
      `| [${r.id}](${r.docs}) | ${r.slug} | ${r.severity} | ${r.csf.join(', ')} | ${r.providers.okta} | ${r.providers.entra} |`,
  );
  return (
    ['| Rule | Slug | Severity | NIST CSF 2.0 | Okta | Entra ID |', '|---|---|---|---|---|---|', ...rows].join('\n') +
    '\n'
  );
}

/** A rule page's References section: its CSF outcomes, then each reference linked to its source. */
export function formatReferencesMarkdown(meta: AnyRule['meta']): string {
  return [
    ...meta.csf.map((id) => `- NIST CSF 2.0 ${id}: ${CSF_OUTCOMES[id]}.`),
    ...meta.references.map((r) => `- [${referenceName(r)}](${r.url}): ${r.title.replace(/\.$/, '')}.`),
  ].join('\n');
}
