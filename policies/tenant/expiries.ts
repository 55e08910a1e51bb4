/**
 * What expires: break-glass accounts and attestations (by their `expires`),
 * vendors' PIM schedules and the suppressions of recovery-gate.json, for
 * `drift` (what has passed or is near) and the HTML report's timeline.
 */
import { parseTime } from '../model/time';
import type { RuleContext } from './context';
import { compareText } from '../lists';

export interface Expiry {
  readonly resource: string;
  readonly what: 'break-glass account' | 'attestation' | 'vendor access' | 'suppression';
  readonly expires: string;
  /** Whole days left; zero or negative once passed. */
  readonly days: number;
  readonly expired: boolean;
}

/** Break-glass expiries, attestations, vendor schedules and suppressions that have passed or fall within `warnDays`. */
export function expiries(ctx: RuleContext, warnDays: number): Expiry[] {
  const out: Expiry[] = [];
  const add = (resource: string, what: Expiry['what'], when: Date | undefined) => {
    if (!when) return;
    const days = Math.floor(ctx.daysUntil(when));
    if (days <= warnDays)
      out.push({ resource, what, expires: when.toISOString(), days, expired: when.getTime() <= ctx.now.getTime() });
  };
  for (const a of ctx.attestations) {
    const bg = a.control === 'RG-13' && a.subject && ctx.principals.isBreakGlass(a.subject);
    add(bg ? a.subject!.address : a.resource.address, bg ? 'break-glass account' : 'attestation', parseTime(a.expires));
  }
  for (const s of ctx.resourcesOf(
    'azuread_privileged_access_group_eligibility_schedule',
    'azuread_privileged_access_group_assignment_schedule',
  )) {
    const principal = ctx.target(s, 'principal_id');
    if (principal && ctx.principals.isVendor(principal))
      add(s.address, 'vendor access', parseTime(s.values.expiration_date));
  }
  for (const s of ctx.config.suppressions ?? []) add(`${s.ruleId} ${s.resource}`, 'suppression', parseTime(s.expires));
  return out.sort((x, y) => x.days - y.days || compareText(x.resource, y.resource));
}
