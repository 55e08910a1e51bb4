/**
 * The shape of a rule, after ESLint's rule modules: a `meta` that everything
 * else (the catalogue listing, SARIF metadata, docs checks) is generated from,
 * and a small `check` that asks the context for facts and reports findings.
 */
import type { CsfId } from '../facts/csf';
import type { GuidanceReference } from '../facts/references';
import type { Provider } from '../facts/providers';
import type { Resource } from '../model/resource';
import type { RuleContext } from '../tenant/context';
import type { WeakeningDetector } from './weakening';
import type { PathStep } from '../graph/paths';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A fail-on threshold: a severity, or `none` to never fail on findings. */
export type FailOn = Severity | 'none';
export const FAIL_ON: readonly FailOn[] = [...SEVERITIES, 'none'];

/** Whether a finding of `severity` fails a run whose threshold is `failOn`: the one place severities are compared. */
export function reaches(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'none' && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}

export type RuleId = `RG-${number}${number}`;

/** How a rule decides on a provider. */
export type Coverage = 'configuration' | 'attestation' | 'configuration or attestation' | 'n/a';

export interface RuleMeta<M extends string> {
  readonly id: RuleId;
  /** Kebab-case name, stable like the id (`reset-authority-scoped`). */
  readonly slug: string;
  /** One line: what must hold. */
  readonly title: string;
  readonly severity: Severity;
  readonly csf: readonly CsfId[];
  /** Why, in the guidance's terms: the attack the rule stops. */
  readonly rationale: string;
  /** Guidance beyond CSF, each checked against its source (facts/references.ts): CISA SCuBA, NIST SP 800-63B-4, vendors. */
  readonly references: readonly GuidanceReference[];
  readonly providers: Readonly<Record<Provider, Coverage>>;
  /** Message templates keyed by message id; `{{name}}` placeholders are filled from the report's data. */
  readonly messages: Readonly<Record<M, string>>;
}

/** Every rule can say it could not decide; its message is shared. */
export type MessageIdOf<M extends string> = M | 'cannotVerify';

export const CANNOT_VERIFY_MESSAGE =
  'Cannot verify {{what}}: {{why}}. Set it to a literal value or check the plan (`terraform show -json`).';

export type Data = Readonly<Record<string, string | number>>;

export interface Report<M extends string> {
  /** The resource that must change, or null when something is missing from the whole configuration. */
  readonly resource: Resource | null;
  readonly messageId: MessageIdOf<M>;
  readonly data?: Data;
  /** Overrides the rule's severity for this finding (e.g. RG-16's optional log categories). */
  readonly severity?: Severity;
  /** For findings that exist through a chain of steps: the chain, each step naming its resource. */
  readonly path?: readonly PathStep[];
}

export type ReportFn<M extends string> = (finding: Report<M>) => void;

export interface RuleDefinition<M extends string> {
  readonly meta: RuleMeta<M>;
  readonly check: (context: RuleContext, report: ReportFn<M>) => void;
  /** The changes that weaken this rule's control, for `review` and `drift` (see ./weakening). */
  readonly weakenings?: readonly WeakeningDetector[];
}

/** Identity function that fixes `M`, so a misspelt message id is a compile error. */
export function defineRule<M extends string>(rule: RuleDefinition<M>): RuleDefinition<M> {
  return rule;
}

// A rule of any message set, for lists of rules.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleDefinition<any>;

// Templates are split once into text and placeholders: findings can number in the tens of thousands.
const compiled = new Map<string, string[]>();

export function renderMessage(template: string, data: Data = {}): string {
  let parts = compiled.get(template);
  if (!parts) compiled.set(template, (parts = template.split(/\{\{\s*(\w+)\s*\}\}/)));
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i];
    out += (key in data ? quoted(String(data[key])) : `{{${key}}}`) + parts[i + 1];
  }
  return out;
}

/** The most of any one value a message quotes: a name or a list of addresses fits; a 100 MB attribute does not. */
export const MAX_QUOTED = 1000;

function quoted(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text;
}

/** `RG-01 to RG-24`: the ids a catalogue spans, for messages about an id it lacks. */
export function catalogueRange(rules: readonly AnyRule[]): string {
  return `${rules[0].meta.id} to ${rules[rules.length - 1].meta.id}`;
}
