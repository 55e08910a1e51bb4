/**
 * Suppressions from recovery-gate.json: accepted findings stay in every report
 * (marked, never hidden) but no longer fail the run until they expire. An
 * expired suppression is itself a finding; one that matched nothing is a
 * notice, so stale acceptances get cleaned up.
 */
import { globMatch } from '../config/glob';
import { parseTime } from '../model/time';
import { InputError } from '../errors';
import { type Config, visible } from '../config/config';
import { type Suppression } from '../model/suppression';
import type { Stack } from '../model/resource';
import { isObject } from '../model/value';
import type { AnyRule, RuleId } from './rule';
import type { CheckResult, Finding, Notice } from './run';

const DAY_MS = 86_400_000;
/** Refuses suppressions that are too long or that accept a critical rule without a named approver. */
export function validateSuppressions(
  config: Config,
  rules: readonly AnyRule[],
  now: Date,
  file: string,
  suppressions: readonly Suppression[] = config.suppressions ?? [],
): void {
  const MAX_DAYS = config.thresholds.suppressionMaxDays;
  suppressions.forEach((s, i) => {
    const where = s.source
      ? `recovery-gate:ignore ${s.ruleId}`
      : s.construct
        ? `the suppression of ${s.ruleId} on ${s.construct}`
        : `suppressions[${i}] (${s.ruleId} ${s.resource})`;
    const at = s.source ?? file;
    // recovery-gate.json's schema checks its own; these come from comments and stacks.
    if (s.source || s.construct) {
      if (visible(s.reason).length < 20)
        throw new InputError(at, `${where}: the reason must say why the risk is accepted, in at least 20 characters`);
      if (!visible(s.ticket)) throw new InputError(at, `${where}: name the ticket that records the decision`);
      if (!parseTime(s.expires))
        throw new InputError(at, `${where}: expires ${s.expires} is not a date (2027-01-31) or an RFC 3339 time`);
    }
    const rule = rules.find((r) => r.meta.id === s.ruleId);
    if (!rule) throw new InputError(at, `${where}: no rule ${s.ruleId} in the catalogue`);
    if (rule.meta.severity === 'critical' && !visible(s.approver ?? ''))
      throw new InputError(at, `${where}: ${s.ruleId} is critical; a suppression of it needs a named approver`);
    const days = (Date.parse(s.expires) - now.getTime()) / DAY_MS;
    if (days > MAX_DAYS)
      throw new InputError(
        at,
        `${where}: expires ${s.expires} is more than ${MAX_DAYS} days ahead; accept the risk for at most ${MAX_DAYS} days`,
      );
  });
}

/**
 * A suppression as a test of a finding: by resource pattern (`okta_group_role.legacy_*`,
 * `*`, `(configuration)`), or — recorded by a construct — by construct path
 * within its stack (the construct, everything inside it, and for a stack the
 * findings about the whole configuration).
 */
function matcher(s: Suppression): (f: Finding) => boolean {
  if (s.construct !== undefined) {
    const path = s.construct;
    return (f) =>
      f.stack === s.stack &&
      (f.constructPath === path ||
        (f.constructPath?.startsWith(`${path}/`) ?? false) ||
        (f.resource === null && !path.includes('/')));
  }
  const pattern = s.resource;
  if (s.instances)
    return (f) => f.resource !== null && (f.resource === pattern || f.resource.startsWith(`${pattern}[`));
  return (f) =>
    f.resource === null ? pattern === '*' || pattern === '(configuration)' : globMatch(pattern, f.resource);
}

/**
 * Suppressions written with the configuration itself: those
 * `RecoveryGuidance.suppress()` recorded in synthesized stacks (under `"//":
 * { "recovery-gate": { "suppressions": … } }`) and HCL's inline comments,
 * held to the same requirements as recovery-gate.json's.
 */
export function recordedSuppressions(
  stacks: readonly Stack[],
  config: Config,
  rules: readonly AnyRule[],
  now: Date,
): Suppression[] {
  const out: Suppression[] = [];
  for (const stack of stacks) {
    const start = out.length;
    const list = isObject(stack.intent) ? stack.intent.suppressions : undefined;
    for (const s of stack.inlineSuppressions ?? []) out.push({ ...s, stack: stack.name });
    for (const s of Array.isArray(list) ? list : []) {
      if (!isObject(s) || ![s.ruleId, s.construct, s.reason, s.ticket, s.expires].every((v) => typeof v === 'string'))
        throw new InputError(
          stack.origin,
          'a recorded suppression needs ruleId, construct, reason, ticket and expires',
        );
      out.push({
        ruleId: s.ruleId as string,
        resource: `${s.construct as string}/*`,
        construct: s.construct as string,
        stack: stack.name,
        reason: s.reason as string,
        ticket: s.ticket as string,
        ...(typeof s.approver === 'string' ? { approver: s.approver } : {}),
        expires: s.expires as string,
      });
    }
    validateSuppressions(config, rules, now, stack.origin, out.slice(start));
  }
  return out;
}

export function applySuppressions(
  result: CheckResult,
  config: Config,
  rules: readonly AnyRule[],
  now: Date,
  recorded: readonly Suppression[] = [],
): CheckResult {
  const suppressions = [...(config.suppressions ?? []), ...recorded];
  if (suppressions.length === 0) return result;
  const active = suppressions.filter((s) => Date.parse(s.expires) > now.getTime());
  const used = new Set<Suppression>();
  // Each pattern compiled once, not once per finding it is tried on.
  const matches = new Map(active.map((s) => [s, matcher(s)]));
  const findings: Finding[] = result.findings.map((f) => {
    const s = active.find((x) => x.ruleId === f.ruleId && matches.get(x)!(f));
    if (!s) return f;
    used.add(s);
    return {
      ...f,
      suppressed: {
        reason: s.reason,
        ticket: s.ticket,
        ...(s.approver ? { approver: s.approver } : {}),
        expires: s.expires,
      },
    };
  });
  for (const s of suppressions.filter((x) => !active.includes(x))) {
    const rule = rules.find((r) => r.meta.id === s.ruleId);
    findings.push({
      // Every suppression's id was checked against the catalogue where it was read (validateSuppressions).
      ruleId: s.ruleId as RuleId,
      severity: rule?.meta.severity ?? 'high',
      messageId: 'suppressionExpired',
      data: { resource: s.construct ?? s.resource, ticket: s.ticket, expires: s.expires },
      message: `The suppression of ${s.ruleId} for ${s.construct ?? s.resource} (${s.ticket}) expired on ${s.expires}: its findings count again. Fix them, or renew the suppression with a new approval.`,
      resource: null,
      stack: s.stack ?? config.file ?? 'recovery-gate.json',
      file: s.stack ?? config.file ?? 'recovery-gate.json',
      line: null,
      constructPath: null,
      code: null,
      frameworks: rule?.meta.csf ?? [],
      unverified: false,
    });
  }
  const notices: Notice[] = [...result.notices];
  for (const s of active.filter((x) => !used.has(x))) {
    notices.push({
      stack: s.stack ?? config.file ?? 'recovery-gate.json',
      resources: [s.construct ?? s.resource],
      message: `the suppression of ${s.ruleId} for ${s.construct ?? s.resource} (${s.ticket}) matched no finding: remove it`,
    });
  }
  return { ...result, findings, notices };
}
