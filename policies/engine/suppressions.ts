/**
 * Suppressions from recovery-gate.json: accepted findings stay in every report
 * (marked, never hidden) but no longer fail the run until they expire. An
 * expired suppression is itself a finding; one that matched nothing is a
 * notice, so stale acceptances get cleaned up.
 */
import { globMatch } from './glob';
import { InputError } from '../inputs/input-error';
import { type Config, type Suppression, visible } from './config';
import type { AnyRule } from './rule';
import type { CheckResult, Finding, Notice } from './run';

const DAY_MS = 86_400_000;
const MAX_DAYS = 90;

/** Refuses suppressions that are too long or that accept a critical rule without a named approver. */
export function validateSuppressions(config: Config, rules: readonly AnyRule[], now: Date, file: string): void {
  (config.suppressions ?? []).forEach((s, i) => {
    const where = `suppressions[${i}] (${s.ruleId} ${s.resource})`;
    const rule = rules.find((r) => r.meta.id === s.ruleId);
    if (!rule) throw new InputError(file, `${where}: no rule ${s.ruleId} in the catalogue`);
    if (rule.meta.severity === 'critical' && !visible(s.approver ?? '')) throw new InputError(file, `${where}: ${s.ruleId} is critical; a suppression of it needs a named approver`);
    const days = (Date.parse(s.expires) - now.getTime()) / DAY_MS;
    if (days > MAX_DAYS) throw new InputError(file, `${where}: expires ${s.expires} is more than ${MAX_DAYS} days ahead; accept the risk for at most ${MAX_DAYS} days`);
  });
}

/** A suppression's resource pattern (`okta_group_role.legacy_*`, `*`, `(configuration)`) as a test of a finding's resource. */
function matcher(pattern: string): (address: string | null) => boolean {
  return (address) => (address === null ? pattern === '*' || pattern === '(configuration)' : globMatch(pattern, address));
}

export function applySuppressions(result: CheckResult, config: Config, rules: readonly AnyRule[], now: Date): CheckResult {
  const suppressions = config.suppressions ?? [];
  if (suppressions.length === 0) return result;
  const active = suppressions.filter((s) => Date.parse(s.expires) > now.getTime());
  const used = new Set<Suppression>();
  // Each pattern compiled once, not once per finding it is tried on.
  const matches = new Map(active.map((s) => [s, matcher(s.resource)]));
  const findings: Finding[] = result.findings.map((f) => {
    const s = active.find((x) => x.ruleId === f.ruleId && matches.get(x)!(f.resource));
    if (!s) return f;
    used.add(s);
    return { ...f, suppressed: { reason: s.reason, ticket: s.ticket, ...(s.approver ? { approver: s.approver } : {}), expires: s.expires } };
  });
  for (const s of suppressions.filter((x) => !active.includes(x))) {
    const rule = rules.find((r) => r.meta.id === s.ruleId);
    findings.push({
      ruleId: s.ruleId,
      severity: rule?.meta.severity ?? 'high',
      messageId: 'suppressionExpired',
      data: { resource: s.resource, ticket: s.ticket, expires: s.expires },
      message: `The suppression of ${s.ruleId} for ${s.resource} (${s.ticket}) expired on ${s.expires}: its findings count again. Fix them, or renew the suppression with a new approval.`,
      resource: null,
      stack: config.file ?? 'recovery-gate.json',
      file: config.file ?? 'recovery-gate.json',
      line: null,
      constructPath: null,
      code: null,
      frameworks: rule?.meta.csf ?? [],
      unverified: false,
    });
  }
  const notices: Notice[] = [...result.notices];
  for (const s of active.filter((x) => !used.has(x))) {
    notices.push({ stack: config.file ?? 'recovery-gate.json', resources: [s.resource], message: `the suppression of ${s.ruleId} for ${s.resource} (${s.ticket}) matched no finding: remove it` });
  }
  return { ...result, findings, notices };
}
