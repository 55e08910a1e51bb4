import type { RuleContext } from '../tenant/context';
import { requiresMfa } from '../tenant/conditional-access';
import { ReportFn, defineRule } from '../engine/rule';
import type { Resource } from '../model/resource';
import { Unknown } from '../model/value';
import { type ResourcePair, type WeakeningReport, signInWeakened } from '../engine/weakening';
import { REFERENCES } from '../facts/references';

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
    references: [REFERENCES.nistAal, REFERENCES.scubaPhishingResistantAll, REFERENCES.scubaMfaAll],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages,
  },
  check(ctx, report) {
    if (ctx.providers.has('entra')) checkEntra(ctx, report);
    if (ctx.providers.has('okta')) checkOkta(ctx, report);
  },
  weakenings: [
    {
      types: ['azuread_conditional_access_policy', 'okta_app_signon_policy_rule', 'okta_policy_rule_signon'],
      detect: (pair, report) => signInWeakened(pair, report, 'everyone'),
    },
    { types: /^okta_(idp_|policy_rule_idp_discovery$)/, detect: identityProviderAdded },
  ],
});

type Reporter = ReportFn<keyof typeof messages>;

function checkEntra(ctx: RuleContext, report: Reporter): void {
  let unknownCandidate: { policy: Resource; what: string } | undefined;
  let withoutMfa: Resource | undefined;
  for (const p of ctx.accessPolicies) {
    // A policy that blocks (legacy clients, say) grants nothing: it is another control, not a weaker MFA policy.
    if (
      p.allUsers === false ||
      p.allApplications === false ||
      p.state === 'report-only' ||
      p.state === 'disabled' ||
      p.grant.block
    )
      continue;
    const mfa = requiresMfa(p);
    if (p.state === 'unknown' || p.allUsers === undefined || p.allApplications === undefined || mfa === undefined) {
      unknownCandidate ??= {
        policy: p.resource,
        what: p.state === 'unknown' ? 'state' : mfa === undefined ? 'grant_controls' : 'its users or applications',
      };
      continue;
    }
    if (mfa) return;
    withoutMfa ??= p.resource;
  }
  if (unknownCandidate) {
    report({
      resource: unknownCandidate.policy,
      messageId: 'cannotVerify',
      data: {
        what: `whether ${unknownCandidate.policy.address} requires MFA for everyone`,
        why: `${unknownCandidate.what} is not known`,
      },
    });
  } else if (withoutMfa) {
    report({ resource: withoutMfa, messageId: 'entraPolicyWithoutMfa', data: { policy: withoutMfa.address } });
  } else {
    report({ resource: null, messageId: 'noEntraPolicy' });
  }
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
      report({
        resource: rule,
        messageId: 'cannotVerify',
        data: { what: `whether ${rule.address} allows one-factor access`, why: `${String(unknown)} is not known` },
      });
    } else if (mode === '1FA') {
      report({
        resource: rule,
        messageId: 'oneFactorRule',
        data: { rule: rule.address, setting: 'factor_mode = "1FA"', fix: 'factor_mode = "2FA"' },
      });
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
      report({
        resource: rule,
        messageId: 'cannotVerify',
        data: { what: `whether ${rule.address} allows one-factor access`, why: `${String(unknown)} is not known` },
      });
    } else if (access === 'ALLOW') {
      report({
        resource: rule,
        messageId: 'oneFactorRule',
        data: { rule: rule.address, setting: 'mfa_required is not true', fix: 'mfa_required = true' },
      });
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

// ------------------------------------------------------------ weakenings (W-STRENGTH, W-EXCLUSION, W-FEDERATION)

function identityProviderAdded({ before, after }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (!before && after)
    report({
      kind: 'W-FEDERATION',
      attribute: 'resource',
      before: 'none',
      after: after.type,
      message: "a new identity provider or routing rule: sign-ins it handles skip the org's own MFA",
    });
}
