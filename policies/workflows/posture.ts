/** What the HTML report shows of a stack beyond its findings: which providers it manages, its attestations, what expires. */
import type { RuleContext } from '../tenant/context';
import { parseTime } from '../model/time';
import { expiries } from '../tenant/expiries';
import { POSTURE_WINDOW_DAYS, type StackPosture } from '../reporters/report-input';
import { byText, uniqueBy } from '../lists';

export function postureOf(ctx: RuleContext): StackPosture {
  // An attestation that has expired stands for nothing (RG-24 reports it); one without a known expiry still stands.
  const attestations = ctx.attestations
    .filter((a) => a.control !== undefined)
    .map((a) => ({ a, expires: parseTime(a.expires) }))
    .filter(({ expires }) => expires === undefined || expires.getTime() > ctx.now.getTime())
    .map(({ a, expires }) => ({
      ruleId: a.control!,
      resource: a.resource.address,
      ...(expires ? { expires: expires.toISOString() } : {}),
    }))
    .sort(
      byText(
        (a) => a.ruleId,
        (a) => a.resource,
      ),
    );
  return {
    stack: ctx.stack.name,
    providers: [...ctx.providers].sort(),
    attestations,
    // Several attestations may speak for one break-glass account: it expires once.
    expiries: uniqueBy(expiries(ctx, POSTURE_WINDOW_DAYS), (e) => `${e.what}|${e.resource}|${e.expires}`),
  };
}
