/**
 * Runs rules over stacks and collects findings, notices and engine errors.
 * A rule that throws is an engine error for that rule — reported, never a
 * crash and never a pass.
 */
import type { RuleOff } from './selection';
import { type Resource, type Stack, type StackScope, isIdentityType } from '../model/resource';
import type { Config, Declarations } from '../config/config';
import type { PathStep } from '../graph/paths';
import { isObject, literalStrings } from '../model/value';
import { DEFAULT_CONFIG } from '../config/config';
import { RuleContext } from '../tenant/context';
import { errorMessage } from '../errors';
import { AnyRule, CANNOT_VERIFY_MESSAGE, Data, type RuleId, SEVERITIES, Severity, renderMessage } from './rule';
import { append, compareText } from '../lists';

export interface Finding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly messageId: string;
  readonly data: Data;
  readonly message: string;
  /** Address of the resource that must change; null when something is missing from the configuration. */
  readonly resource: string | null;
  readonly stack: string;
  readonly file: string;
  readonly line: number | null;
  readonly constructPath: string | null;
  /** Where the construct was created in the program, for cdktf output that recorded it. */
  readonly code: { readonly file: string; readonly line: number } | null;
  readonly frameworks: readonly string[];
  /** "Cannot verify": the rule needed a value that is unknown. */
  readonly unverified: boolean;
  /** The chain of steps behind a finding that exists only transitively. */
  readonly path?: readonly PathStep[];
  /** Accepted in recovery-gate.json: still reported, no longer failing the run. */
  readonly suppressed?: {
    readonly reason: string;
    readonly ticket: string;
    readonly approver?: string;
    readonly expires: string;
  };
}

/** Something the user should know that is not a finding: the static reader's limits. */
export interface Notice {
  readonly stack: string;
  readonly message: string;
  readonly resources: readonly string[];
}

export interface EngineError {
  readonly ruleId: string;
  readonly stack: string;
  readonly message: string;
}

export interface CheckResult {
  readonly findings: readonly Finding[];
  readonly notices: readonly Notice[];
  readonly errors: readonly EngineError[];
  /** What was checked, and as what: a whole tenant, or a child module whose absences are its caller's. */
  readonly stacks?: readonly CheckedStack[];
  /** Rules that did not run, and who turned them off. */
  readonly rulesOff?: readonly RuleOff[];
}

export interface CheckedStack {
  readonly name: string;
  readonly scope: StackScope;
  readonly resources: number;
}

export interface RunOptions {
  readonly config?: Config;
  readonly now?: Date;
}

/**
 * Runs `rules` over `stacks` and nothing more: no suppression (of the
 * configuration, the constructs or inline comments), no baseline, no rule
 * selection. The `check` workflow (index.ts) does all of that.
 */
export function runRules(stacks: readonly Stack[], rules: readonly AnyRule[], options: RunOptions = {}): CheckResult {
  return runRulesIn(contextsOf(stacks, options), rules);
}

/** One context per stack, with the declarations the stack recorded: for callers that ask more of a stack than the rules (paths, review). */
export function contextsOf(stacks: readonly Stack[], options: RunOptions = {}): RuleContext[] {
  const now = options.now ?? new Date();
  return stacks.map((stack) => new RuleContext(stack, withIntent(options.config ?? DEFAULT_CONFIG, stack), now));
}

/** Runs rules in contexts built once, so that their indexes (and graph) serve the caller too. */
export function runRulesIn(contexts: readonly RuleContext[], rules: readonly AnyRule[]): CheckResult {
  const findings: Finding[] = [];
  const notices: Notice[] = [];
  const errors: EngineError[] = [];
  for (const ctx of contexts) {
    const stack = ctx.stack;
    const staticLimits = new Set(stack.kind === 'hcl' ? stack.notEvaluated : []);
    const uncovered: string[] = [];
    for (const rule of rules) {
      const { meta } = rule;
      const found: Finding[] = [];
      try {
        rule.check(ctx, (report) => {
          const template =
            report.messageId === 'cannotVerify'
              ? (meta.messages.cannotVerify ?? CANNOT_VERIFY_MESSAGE)
              : meta.messages[report.messageId];
          if (template === undefined) throw new Error(`unknown messageId "${report.messageId}"`);
          const r = report.resource;
          const data = report.data ?? {};
          found.push({
            ruleId: meta.id,
            severity: report.severity ?? meta.severity,
            messageId: report.messageId,
            data,
            message: renderMessage(template, data),
            resource: r ? r.address : null,
            stack: stack.name,
            file: r ? r.source.file : stack.origin,
            line: r ? (stack.locateLine?.(r) ?? null) : null,
            constructPath: r?.source.constructPath ?? null,
            code: r?.source.code ?? null,
            frameworks: meta.csf,
            unverified: report.messageId === 'cannotVerify',
            ...(report.path ? { path: report.path } : {}),
          });
        });
      } catch (e) {
        errors.push({ ruleId: meta.id, stack: stack.name, message: errorMessage(e) });
        continue;
      }
      // Static HCL: what the reader could not evaluate is one notice, not a "cannot verify" each.
      const kept = found.filter((f) => !(f.unverified && f.resource !== null && staticLimits.has(f.resource)));
      // A child module lacks nothing: what it does not manage is its caller's to supply, listed once.
      if (stack.scope === 'module') {
        for (const f of kept)
          if (f.resource === null && !uncovered.includes(`${meta.id} ${meta.slug}`))
            uncovered.push(`${meta.id} ${meta.slug}`);
        append(
          findings,
          kept.filter((f) => f.resource !== null),
        );
      } else append(findings, kept);
    }
    if (!stack.resources.some(isIdentityResource)) {
      notices.push({
        stack: stack.name,
        resources: [],
        message: `${stack.name} holds no Okta or Entra ID resource (nor log export, alert or attestation): nothing in it was checked`,
      });
    }
    if (uncovered.length > 0) {
      notices.push({
        stack: stack.name,
        resources: uncovered,
        message: `${stack.name} is a child module (it configures no provider or backend), so what it does not manage is left to the root that calls it; ${uncovered.length} control(s) are not managed here — check the root, or name the roots of one tenant in recovery-gate.json "tenants"`,
      });
    }
    if (stack.skipped?.length) {
      notices.push({
        stack: stack.name,
        resources: [...stack.skipped],
        message: `${stack.skipped.length} entr${stack.skipped.length === 1 ? 'y' : 'ies'} of the input directory not read: not regular files (a pipe, device or socket)`,
      });
    }
    if (stack.notEvaluated.length > 0) {
      notices.push({
        stack: stack.name,
        resources: [...stack.notEvaluated].sort(),
        message: `${stack.notEvaluated.length} resource(s) could not be evaluated statically (values from variables without defaults or from data sources, count or for_each over unknown collections, or remote modules); check the plan (\`terraform show -json\`) for a complete result`,
      });
    }
  }
  return {
    findings: sortFindings(findings),
    notices,
    errors,
    stacks: contexts.map((ctx) => ({
      name: ctx.stack.name,
      scope: ctx.stack.scope ?? 'tenant',
      resources: ctx.stack.resources.length,
    })),
  };
}

/** What the catalogue reads: identity resources and attestations. */
function isIdentityResource(r: Resource): boolean {
  return isIdentityType(r.type) || r.type === 'terraform_data';
}

/** Declarations the constructs recorded with the stack join those of recovery-gate.json. */
function withIntent(config: Config, stack: Stack): Config {
  const recorded = isObject(stack.intent) ? stack.intent.declarations : undefined;
  if (!isObject(recorded)) return config;
  const declarations = { ...config.declarations };
  for (const kind of Object.keys(declarations) as (keyof Declarations)[]) {
    const extra = literalStrings(recorded[kind]);
    if (extra.length > 0) declarations[kind] = [...declarations[kind], ...extra];
  }
  return { ...config, declarations };
}

const SEVERITY_RANK = new Map(SEVERITIES.map((s, i) => [s, i]));

/** Deterministic order: stack, severity, rule, resource, message. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      compareText(a.stack, b.stack) ||
      (SEVERITY_RANK.get(a.severity) ?? 0) - (SEVERITY_RANK.get(b.severity) ?? 0) ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.resource ?? '', b.resource ?? '') ||
      compareText(a.message, b.message),
  );
}

/** Counts by severity of the findings that still count (suppressed ones are listed, not counted). */
export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const out = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) if (!f.suppressed) out[f.severity]++;
  return out;
}
