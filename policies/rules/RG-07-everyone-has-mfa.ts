import type { RuleContext } from '../engine/context';
import { ReportFn, defineRule } from '../engine/rule';
import type { Resource } from '../model/resource';
import { Unknown, Value, elements, valueAt } from '../model/value';

const messages = {
  noEntraPolicy:
    'No enabled conditional access policy requires MFA for all users and all applications: a stolen password is enough to sign in. Add an azuread_conditional_access_policy with included_users = ["All"], included_applications = ["All"], state = "enabled" and grant_controls.built_in_controls = ["mfa"] (or an authentication strength).',
  entraPolicyWithoutMfa:
    'Conditional access policy {{policy}} covers all users and applications but grants access without a second factor. Add "mfa" to grant_controls.built_in_controls or set authentication_strength_policy_id.',
  noOktaRules:
    'No Okta sign-on policy rules are managed in this configuration, so nothing here requires a second factor. Manage the org sign-on policy with okta_policy_signon and okta_policy_rule_signon (mfa_required = true) or app sign-on rules with factor_mode = "2FA".',
  oneFactorRule:
    'Sign-on rule {{rule}} allows access with one factor ({{setting}}): a stolen password signs in. Set {{fix}}.',
};

export default defineRule({
  meta: {
    id: 'RG-07',
    slug: 'everyone-has-mfa',
    title: 'Every user needs a second factor',
    severity: 'high',
    csf: ['PR.AA-03'],
    rationale:
      'Recovery governance assumes MFA is there to recover: where a password alone signs a user in, the attacker needs no help desk at all.',
    references: ['NIST SP 800-63B-4 §4.2 (AAL2)', 'CISA SCuBA MS.AAD.3.2 (MFA for all users)'],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages,
  },
  check(ctx, report) {
    if (ctx.providers.has('entra')) checkEntra(ctx, report);
    if (ctx.providers.has('okta')) checkOkta(ctx, report);
  },
});

type Reporter = ReportFn<keyof typeof messages>;

const isAll = (v: Value | undefined): boolean | undefined => {
  if (v instanceof Unknown) return undefined;
  return elements(v).some((e) => e === 'All');
};

function checkEntra(ctx: RuleContext, report: Reporter): void {
  let unknownCandidate: { policy: Resource; what: string } | undefined;
  let withoutMfa: Resource | undefined;
  for (const policy of ctx.resourcesOf('azuread_conditional_access_policy')) {
    const state = policy.values.state;
    const users = isAll(valueAt(policy.values, 'conditions.users.included_users'));
    const apps = isAll(valueAt(policy.values, 'conditions.applications.included_applications'));
    if (users === false || apps === false || (typeof state === 'string' && state !== 'enabled')) continue;
    const grant = requiresSecondFactor(policy);
    if (state instanceof Unknown || users === undefined || apps === undefined || grant === undefined) {
      unknownCandidate ??= { policy, what: state instanceof Unknown ? 'state' : grant === undefined ? 'grant_controls' : 'its users or applications' };
      continue;
    }
    if (grant) return;
    withoutMfa ??= policy;
  }
  if (unknownCandidate) {
    report({ resource: unknownCandidate.policy, messageId: 'cannotVerify', data: { what: `whether ${unknownCandidate.policy.address} requires MFA for everyone`, why: `${unknownCandidate.what} is not known` } });
  } else if (withoutMfa) {
    report({ resource: withoutMfa, messageId: 'entraPolicyWithoutMfa', data: { policy: withoutMfa.address } });
  } else {
    report({ resource: null, messageId: 'noEntraPolicy' });
  }
}

/** True with mfa or a strength, false without, undefined when not known. */
export function requiresSecondFactor(policy: Resource): boolean | undefined {
  const controls = valueAt(policy.values, 'grant_controls.built_in_controls');
  const strength = valueAt(policy.values, 'grant_controls.authentication_strength_policy_id');
  if (strength instanceof Unknown || (typeof strength === 'string' && strength !== '')) return true;
  if (controls instanceof Unknown) return undefined;
  const list = elements(controls);
  if (list.some((c) => c === 'mfa')) return true;
  return list.some((c) => c instanceof Unknown) ? undefined : false;
}

function checkOkta(ctx: RuleContext, report: Reporter): void {
  const appRules = ctx.resourcesOf('okta_app_signon_policy_rule');
  const signonRules = ctx.resourcesOf('okta_policy_rule_signon');
  if (appRules.length === 0 && signonRules.length === 0) {
    report({ resource: null, messageId: 'noOktaRules' });
    return;
  }
  for (const rule of appRules) {
    // Provider defaults: status ACTIVE, factor_mode 2FA, access ALLOW.
    const status = rule.values.status ?? 'ACTIVE';
    const mode = rule.values.factor_mode ?? '2FA';
    const access = rule.values.access ?? 'ALLOW';
    if (status === 'INACTIVE' || access === 'DENY' || mode === '2FA') continue;
    if (onlyBreakGlass(ctx, rule, ['groups_included'], ['users_included'])) continue;
    const unknown = [status, mode, access].find((v) => v instanceof Unknown);
    if (unknown) {
      report({ resource: rule, messageId: 'cannotVerify', data: { what: `whether ${rule.address} allows one-factor access`, why: `${String(unknown)} is not known` } });
    } else if (mode === '1FA') {
      report({ resource: rule, messageId: 'oneFactorRule', data: { rule: rule.address, setting: 'factor_mode = "1FA"', fix: 'factor_mode = "2FA"' } });
    }
  }
  for (const rule of signonRules) {
    const status = rule.values.status ?? 'ACTIVE';
    const mfa = rule.values.mfa_required ?? false;
    const access = rule.values.access ?? 'ALLOW';
    if (status === 'INACTIVE' || mfa === true || access === 'DENY') continue;
    const policy = ctx.target(rule, 'policy_id');
    if (policy && onlyBreakGlass(ctx, policy, ['groups_included'], [])) continue;
    const unknown = [status, mfa, access].find((v) => v instanceof Unknown);
    if (unknown) {
      report({ resource: rule, messageId: 'cannotVerify', data: { what: `whether ${rule.address} allows one-factor access`, why: `${String(unknown)} is not known` } });
    } else if (access === 'ALLOW') {
      report({ resource: rule, messageId: 'oneFactorRule', data: { rule: rule.address, setting: 'mfa_required is not true', fix: 'mfa_required = true' } });
    }
  }
}

/** The rule (or policy) names only break-glass principals, and names at least one. */
function onlyBreakGlass(ctx: RuleContext, r: Resource, groupPaths: string[], userPaths: string[]): boolean {
  const targets = [...groupPaths, ...userPaths].map((p) => ctx.targets(r, p));
  const all = targets.flatMap((t) => t.resources);
  if (all.length === 0 || targets.some((t) => t.unknown || t.external.length > 0)) return false;
  return all.every((p) => ctx.principals.isBreakGlass(p));
}
