import { type AccessPolicy, REGISTER_SECURITY_INFO, requiresMfa } from '../tenant/conditional-access';
import type { RuleContext } from '../tenant/context';
import { OKTA_STATUS_TYPES } from '../tenant/okta-signon';
import { defineRule } from '../engine/rule';
import { Unknown } from '../model/value';
import { type ResourcePair, type WeakeningReport, valueOn, sidesOf } from '../engine/weakening';
import { readPolicy } from '../tenant/conditional-access';
import { REFERENCES } from '../facts/references';

/**
 * Whether a rule relies on the policy: enabled, it would count toward RG-06,
 * RG-07, RG-08, RG-09 or RG-14 — it requires MFA or a strength (or blocks)
 * for everyone, for roles, for privileged or break-glass principals, or for
 * security-info registration. A pilot no rule needs (a device-compliance
 * trial for one team) is no control missing.
 */
function reliedOn(ctx: RuleContext, p: AccessPolicy): boolean | undefined {
  const demands = p.grant.block || requiresMfa(p);
  if (demands === false) return false;
  const principals = [...p.includedUsers, ...p.includedGroups];
  const covers =
    p.allUsers === true ||
    p.includedRoles.length > 0 ||
    p.userActions.includes(REGISTER_SECURITY_INFO) ||
    principals.some(
      (r) => ctx.principals.isPrivileged(r) || ctx.principals.isBreakGlass(r) || ctx.principals.isOperator(r),
    );
  const mayCover = covers || p.allUsers === undefined || p.scopeUnknown || p.userActionsUnknown;
  if (!mayCover) return false;
  return covers && demands ? true : undefined;
}

export default defineRule({
  meta: {
    id: 'RG-23',
    slug: 'policies-enforced',
    title: 'A control in report-only mode is not a control',
    severity: 'medium',
    csf: ['PR.AA-03'],
    rationale:
      'A policy left in report-only or disabled looks like protection in review and stops nothing in an attack. Rules that rely on a policy treat an unenforced one as missing; this rule names it so someone switches it on or deletes it.',
    references: [REFERENCES.scubaReportOnly],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages: {
      entraNotEnforced:
        'Conditional access policy {{policy}} is {{state}}: it reports what it would do and blocks nothing, so every rule that relies on it treats it as missing. Set state = "enabled" once its report shows it is safe.',
      oktaInactive:
        '{{policy}} is INACTIVE: Okta skips it, so the users it names fall through to a weaker policy or rule. Set status = "ACTIVE" or remove it.',
    },
  },
  check(ctx, report) {
    for (const p of ctx.accessPolicies) {
      if (p.state === 'enabled') continue;
      const policy = p.resource;
      const relied = reliedOn(ctx, p);
      if (relied === false) continue;
      if (relied === undefined) {
        report({
          resource: policy,
          messageId: 'cannotVerify',
          data: {
            what: `whether a rule relies on ${policy.address}, which is not enforced`,
            why: 'whom it covers or what it demands is not known',
          },
        });
        continue;
      }
      if (p.state === 'unknown') {
        const state = policy.values.state;
        if (state instanceof Unknown)
          report({
            resource: policy,
            messageId: 'cannotVerify',
            data: { what: `whether ${policy.address} is enforced`, why: `state is ${String(state)}` },
          });
        else
          report({
            resource: policy,
            messageId: 'entraNotEnforced',
            data: { policy: policy.address, state: `in state ${JSON.stringify(state ?? null)}` },
          });
        continue;
      }
      report({
        resource: policy,
        messageId: 'entraNotEnforced',
        data: {
          policy: policy.address,
          state: p.state === 'report-only' ? 'report-only (enabledForReportingButNotEnforced)' : 'disabled',
        },
      });
    }
    for (const r of ctx.stack.resources) {
      if (!r.type.startsWith('okta_') || !OKTA_STATUS_TYPES.test(r.type)) continue;
      const status = r.values.status;
      if (status instanceof Unknown)
        report({
          resource: r,
          messageId: 'cannotVerify',
          data: { what: `whether ${r.address} is active`, why: `status is ${String(status)}` },
        });
      else if (status === 'INACTIVE') report({ resource: r, messageId: 'oktaInactive', data: { policy: r.address } });
    }
  },
  weakenings: [
    { types: ['azuread_conditional_access_policy'], detect: accessPolicyOff },
    { types: OKTA_STATUS_TYPES, detect: oktaPolicyOff },
  ],
});

// ------------------------------------------------------------ weakenings (W-ENFORCEMENT)

function accessPolicyOff({ before, after, base, head }: ResourcePair, report: (w: WeakeningReport) => void): void {
  const b = before ? readPolicy(base, before) : undefined;
  const a = after ? readPolicy(head, after) : undefined;
  if (b && !a) {
    if (b.state === 'enabled')
      report({
        kind: 'W-ENFORCEMENT',
        attribute: 'state',
        before: 'enabled',
        after: 'removed',
        message: 'an enforced conditional access policy is removed',
      });
    return;
  }
  if (a && b && b.state === 'enabled' && a.state !== 'enabled')
    report({
      kind: 'W-ENFORCEMENT',
      ...sidesOf({ before, after }, 'state'),
      message: 'the policy no longer enforces anything',
    });
}

/** Every Okta policy and rule, switched off or (a sign-on rule) removed. */
function oktaPolicyOff({ before, after }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (!before) return;
  const wasActive = (valueOn(before, 'status') ?? 'ACTIVE') === 'ACTIVE';
  if (wasActive && after && valueOn(after, 'status') === 'INACTIVE')
    report({
      kind: 'W-ENFORCEMENT',
      attribute: 'status',
      before: 'ACTIVE',
      after: 'INACTIVE',
      message: 'the policy or rule is switched off',
    });
  if (wasActive && !after && /^okta_(app_signon_policy_rule|policy_rule_signon)$/.test(before.type))
    report({
      kind: 'W-ENFORCEMENT',
      attribute: 'status',
      before: 'ACTIVE',
      after: 'removed',
      message: 'an active sign-on rule is removed',
    });
}
