import { excludes, includes, isPhishingResistant } from '../tenant/conditional-access';
import type { RuleContext } from '../tenant/context';
import { appliesToUser } from '../tenant/okta-signon';
import { ReportFn, defineRule } from '../engine/rule';
import { listed } from '../lists';
import { REFERENCES } from '../facts/references';

const messages = {
  notExcluded:
    'Conditional access policy {{policy}} applies to all users and does not exclude {{accounts}}: when that policy or the service it depends on fails, the emergency accounts are locked out with everyone else. Add them (or the break-glass group) to conditions.users.excluded_users / excluded_groups.',
  noEntraPolicy:
    'No enabled conditional access policy targets the break-glass accounts ({{accounts}}) with the phishing-resistant strength: excluded from everything else, they sign in with a password alone. Add a policy that includes them (or their group) and sets authentication_strength_policy_id to the built-in phishing-resistant strength.',
  noOktaRule:
    'No active sign-on rule requires a phishing-resistant possession factor of the break-glass accounts ({{accounts}}): the most powerful accounts would sign in with the weakest check. Add an okta_app_signon_policy_rule for them (or their group) with factor_mode = "2FA" and possession.phishingResistant = "REQUIRED".',
};

export default defineRule({
  meta: {
    id: 'RG-14',
    slug: 'break-glass-covered',
    title: 'Break-glass accounts are excluded from everyday policies yet covered by one of their own',
    severity: 'high',
    csf: ['PR.AA-03'],
    rationale:
      'Emergency accounts must keep working when the everyday policies fail, and must still be the hardest accounts to phish. Excluding them everywhere without a policy of their own leaves the top role behind a password.',
    references: [REFERENCES.msEmergencyAccess],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages,
  },
  check(ctx, report) {
    checkEntra(ctx, report);
    checkOkta(ctx, report);
  },
});

type Reporter = ReportFn<keyof typeof messages>;

function checkEntra(ctx: RuleContext, report: Reporter): void {
  const accounts = ctx.principals.breakGlassAccounts('entra');
  if (accounts.length === 0) return;
  let covered = false;
  let unknown: string | undefined;
  for (const p of ctx.accessPolicies) {
    if (p.state !== 'enabled') continue;
    const policy = p.resource;
    const demands =
      p.grant.block || p.grant.mfa || p.grant.compliantDevice || p.grant.strength !== undefined || p.grant.unknown;
    if (p.allUsers && demands) {
      const missing = accounts.filter((a) => !excludes(ctx, p, a));
      if (missing.length > 0 && p.scopeUnknown)
        report({
          resource: policy,
          messageId: 'cannotVerify',
          data: {
            what: `whether ${policy.address} excludes the break-glass accounts`,
            why: 'its exclusions are not known',
          },
        });
      else if (missing.length > 0)
        report({
          resource: policy,
          messageId: 'notExcluded',
          data: { policy: policy.address, accounts: listed(missing.map((a) => a.address)) },
        });
      continue;
    }
    if (!accounts.every((a) => includes(ctx, p, a))) continue;
    const strong = isPhishingResistant(p.grant.strength);
    if (strong) covered = true;
    else if (strong === undefined) unknown ??= policy.address;
  }
  if (covered) return;
  if (unknown)
    report({
      resource: ctx.get(unknown) ?? null,
      messageId: 'cannotVerify',
      data: {
        what: `whether ${unknown} requires phishing-resistant authentication of the break-glass accounts`,
        why: 'its authentication strength is not known',
      },
    });
  else
    report({
      resource: null,
      messageId: 'noEntraPolicy',
      data: { accounts: accounts.map((a) => a.address).join(', ') },
    });
}

function checkOkta(ctx: RuleContext, report: Reporter): void {
  const accounts = ctx.principals.breakGlassAccounts('okta');
  if (accounts.length === 0) return;
  const rules = ctx.oktaSignOnRules.filter((r) => r.kind === 'app' && r.active !== false);
  const uncovered = accounts.filter(
    (a) => !rules.some((r) => r.active && r.twoFactor && r.phishingResistant && appliesToUser(ctx, r, a)),
  );
  if (uncovered.length === 0) return;
  const doubtful = rules.find(
    (r) =>
      uncovered.some((a) => appliesToUser(ctx, r, a)) &&
      (r.active === undefined || r.twoFactor === undefined || r.phishingResistant === undefined),
  );
  if (doubtful)
    report({
      resource: doubtful.resource,
      messageId: 'cannotVerify',
      data: {
        what: `whether ${doubtful.resource.address} requires a phishing-resistant factor of the break-glass accounts`,
        why: 'its status, factor mode or constraints are not known',
      },
    });
  else
    report({ resource: null, messageId: 'noOktaRule', data: { accounts: uncovered.map((a) => a.address).join(', ') } });
}
