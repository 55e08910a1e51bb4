import { AccessPolicy, includes, isPhishingResistant } from '../tenant/conditional-access';
import type { RuleContext } from '../tenant/context';
import type { RoleGrant } from '../tenant/grants';
import { OktaSignOnRule, appliesToUser } from '../tenant/okta-signon';
import { ReportFn, defineRule } from '../engine/rule';
import type { Resource } from '../model/resource';
import { addTo, byText } from '../lists';
import { type ResourcePair, type WeakeningReport, reportAdded, signInWeakened } from '../engine/weakening';
import { REFERENCES } from '../facts/references';

/** The Okta Admin Console's app sign-on policy covers every admin who signs in to it. */
const ADMIN_CONSOLE = /admin[-_ ]?console/i;

const messages = {
  noEntraPolicy:
    'No enabled conditional access policy requires phishing-resistant authentication for {{roles}}: an admin whose one-time code is phished or pushed hands over the tenant. Add a policy with included_roles for these roles (or their groups), included_applications = ["All"] and grant_controls.authentication_strength_policy_id = "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004".',
  narrowEntraPolicy:
    'Conditional access policy {{policy}} requires phishing-resistant authentication for {{roles}} only for {{narrowing}}: every other sign-in of the same admins still accepts a relayable code or push. Remove the narrowing condition, or add a policy for the same roles without it.',
  weakEntraPolicy:
    'Conditional access policy {{policy}} covers {{roles}} but does not require a phishing-resistant strength: codes and push approvals can be relayed by a phishing proxy. Set grant_controls.authentication_strength_policy_id to the built-in phishing-resistant strength (…0004) or a strength allowing only fido2, windowsHelloForBusiness and x509CertificateMultiFactor.',
  scopedRoleNotCovered:
    "Conditional access policy {{policy}} names these roles in included_roles, but they are held at an administrative unit's scope: {{assignments}}. Entra applies included_roles only to directory-wide assignments, so these holders sign in without the phishing-resistant requirement. Add the group (or users) holding them to the policy's included_groups (or included_users).",
  noOktaRule:
    'No active Okta sign-on rule requires a phishing-resistant factor for {{groups}}: an admin who approves a relayed push gives away admin access. Add an okta_app_signon_policy_rule for these groups with factor_mode = "2FA" and constraints = [jsonencode({ possession = { required = true, phishingResistant = "REQUIRED" } })].',
  weakOktaRule:
    'Sign-on rule {{rule}} covers {{groups}} but {{shortfall}}. Set factor_mode = "2FA" and add a constraints entry with possession.phishingResistant = "REQUIRED".',
};

export default defineRule({
  meta: {
    id: 'RG-06',
    slug: 'privileged-phishing-resistant',
    title: 'Privileged identities sign in with phishing-resistant methods only',
    severity: 'critical',
    csf: ['PR.AA-03'],
    rationale:
      'Whoever holds a privileged role can reset anyone else. Codes, SMS and push approvals can be relayed by an adversary-in-the-middle page; only origin-bound authenticators (FIDO2, Windows Hello, certificates) cannot.',
    references: [
      REFERENCES.nistAuthenticators,
      REFERENCES.scubaPhishingResistantPrivileged,
      REFERENCES.oktaImpersonation,
    ],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages,
  },
  check(ctx, report) {
    // The operators' roles count too: a phished help-desk session resets others.
    const inUse = ctx.grants.filter(
      (g) =>
        (g.role.privileged || g.role.resetAuthority) &&
        !(g.principal && (ctx.principals.isBreakGlass(g.principal) || ctx.principals.isNonHuman(g.principal))),
    );
    checkEntra(
      ctx,
      inUse.filter((g) => g.provider === 'entra' && g.role.templateId),
      report,
    );
    checkOkta(
      ctx,
      inUse.filter((g) => g.provider === 'okta' && g.principal),
      report,
    );
  },
  weakenings: [
    {
      types: ['azuread_conditional_access_policy', 'okta_app_signon_policy_rule', 'okta_policy_rule_signon'],
      detect: (pair, report) => signInWeakened(pair, report, 'privileged'),
    },
    { types: ['azuread_authentication_strength_policy'], detect: weakerMethodsAllowed },
  ],
});

type Reporter = ReportFn<keyof typeof messages>;

function checkEntra(ctx: RuleContext, grants: RoleGrant[], report: Reporter): void {
  const roles = new Map<string, RoleGrant[]>();
  for (const g of grants) addTo(roles, g.role.templateId!, g);
  const uncovered: string[] = [];
  const weak = new Map<Resource, string[]>();
  const unknown = new Map<Resource, string[]>();
  const narrow = new Map<AccessPolicy, string[]>();
  const scoped = new Map<Resource, string[]>();
  // By role name: the same tenant lists its roles in the same order however its files are laid out.
  for (const [templateId, held] of [...roles].sort(byText(([, held]) => held[0].role.name))) {
    const name = held[0].role.name;
    const enabled = ctx.accessPolicies.filter((p) => p.state === 'enabled' && p.allApplications !== false);
    const coverage = enabled.map((p) => ({ p, covers: coversRole(ctx, p, held) }));
    const covering = coverage.filter((c) => c.covers === true).map((c) => c.p);
    // A policy covers every sign-in only where no condition narrows it (trusted locations, risky sign-ins, some platforms…).
    const verdicts = covering.map((p) => ({
      p,
      strong:
        p.allApplications === undefined || p.narrowing === undefined
          ? undefined
          : isPhishingResistant(p.grant.strength),
    }));
    if (verdicts.some((v) => v.strong === true && v.p.narrowing!.length === 0)) continue;
    const doubtful = verdicts.find((v) => v.strong === undefined)?.p ?? coverage.find((c) => c.covers === undefined)?.p;
    // The finding goes on the policy that targets the roles or their groups, where one does, not on an all-users policy.
    const short = [...verdicts].sort((a, b) => Number(targets(b.p, templateId)) - Number(targets(a.p, templateId)))[0];
    // A policy that names the role by included_roles misses holders assigned at an administrative unit's scope.
    const byRoleOnly = enabled.find((p) => p.includedRoles.includes(templateId) && !covering.includes(p));
    if (doubtful) addTo(unknown, doubtful.resource, name);
    else if (short?.strong) addTo(narrow, short.p, name);
    else if (short && (targets(short.p, templateId) || !byRoleOnly)) addTo(weak, short.p.resource, name);
    else if (byRoleOnly)
      for (const g of held.filter((h) => coversGrant(ctx, byRoleOnly, h) === false))
        addTo(scoped, byRoleOnly.resource, `${name} (${g.assignment.address})`);
    else uncovered.push(name);
  }
  for (const [policy, names] of unknown)
    report({
      resource: policy,
      messageId: 'cannotVerify',
      data: {
        what: `whether ${policy.address} requires phishing-resistant authentication for ${names.join(', ')}`,
        why: 'its authentication strength, applications, conditions or the scope of a role assignment are not known',
      },
    });
  for (const [p, names] of narrow)
    report({
      resource: p.resource,
      messageId: 'narrowEntraPolicy',
      data: { policy: p.resource.address, roles: names.join(', '), narrowing: p.narrowing!.join(' and ') },
    });
  for (const [policy, names] of weak)
    report({
      resource: policy,
      messageId: 'weakEntraPolicy',
      data: { policy: policy.address, roles: names.join(', ') },
    });
  for (const [policy, names] of scoped)
    report({
      resource: policy,
      messageId: 'scopedRoleNotCovered',
      data: { policy: policy.address, assignments: names.join(', ') },
    });
  if (uncovered.length > 0)
    report({ resource: null, messageId: 'noEntraPolicy', data: { roles: uncovered.join(', ') } });
}

/** Whether the policy names the role, or a group, rather than everyone. */
function targets(p: AccessPolicy, templateId: string): boolean {
  return p.includedRoles.includes(templateId) || p.includedGroups.length > 0;
}

/** Every holder of the role is covered: true; one is not: false; one may be: undefined. */
/** False at the first holder the policy misses: most policies miss most roles, and a role can have thousands of holders. */
function coversRole(ctx: RuleContext, p: AccessPolicy, held: RoleGrant[]): boolean | undefined {
  let unknown = false;
  for (const g of held) {
    const covers = coversGrant(ctx, p, g);
    if (covers === false) return false;
    if (covers === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

/**
 * Included by all users, by a group through which the role is held, by the user
 * who holds it, or by role — which Entra applies only to assignments at
 * directory scope, never to one scoped to an administrative unit.
 */
function coversGrant(ctx: RuleContext, p: AccessPolicy, g: RoleGrant): boolean | undefined {
  if (p.allUsers) return true;
  if (
    g.principal &&
    (p.includedGroups.includes(g.principal) || (ctx.principals.isUser(g.principal) && includes(ctx, p, g.principal)))
  )
    return true;
  if (!p.includedRoles.includes(g.role.templateId!)) return false;
  return g.scope.kind === 'organisation' ? true : g.scope.kind === 'unknown' ? undefined : false;
}

function checkOkta(ctx: RuleContext, grants: RoleGrant[], report: Reporter): void {
  const principals = [...new Set(grants.map((g) => g.principal!))];
  const uncovered: string[] = [];
  const weak = new Map<Resource, { names: string[]; shortfall: string }>();
  const unknown = new Map<Resource, string[]>();
  const candidates = candidateRules(ctx);
  for (const principal of principals) {
    const covering = candidates(principal).filter(
      (r) => r.active !== false && r.allows !== false && coversPrincipal(ctx, r, principal),
    );
    if (covering.some((r) => r.active && r.twoFactor && r.phishingResistant)) continue;
    const doubtful = covering.find(
      (r) => r.active === undefined || r.twoFactor === undefined || r.phishingResistant === undefined,
    );
    if (doubtful) addTo(unknown, doubtful.resource, principal.address);
    else if (covering.length > 0) {
      const r = covering[0];
      const entry = weak.get(r.resource) ?? {
        names: [],
        shortfall: r.twoFactor
          ? 'its constraints do not require a phishing-resistant possession factor'
          : 'it allows one factor',
      };
      entry.names.push(principal.address);
      weak.set(r.resource, entry);
    } else uncovered.push(principal.address);
  }
  for (const [rule, names] of unknown)
    report({
      resource: rule,
      messageId: 'cannotVerify',
      data: {
        what: `whether ${rule.address} requires a phishing-resistant factor for ${names.join(', ')}`,
        why: 'its status, factor mode or constraints are not known',
      },
    });
  for (const [rule, { names, shortfall }] of weak)
    report({
      resource: rule,
      messageId: 'weakOktaRule',
      data: { rule: rule.address, groups: names.join(', '), shortfall },
    });
  if (uncovered.length > 0) report({ resource: null, messageId: 'noOktaRule', data: { groups: uncovered.join(', ') } });
}

/**
 * The app sign-on rules that may cover a principal, in their order: those that
 * name it or a group it is in, and those without people conditions. Indexed
 * once, so a tenant with thousands of rules and admin groups is not a scan of
 * every rule per group.
 */
function candidateRules(ctx: RuleContext): (principal: Resource) => OktaSignOnRule[] {
  const app = ctx.oktaSignOnRules.filter((r) => r.kind === 'app');
  const order = new Map(app.map((r, i) => [r, i]));
  const naming = new Map<Resource, OktaSignOnRule[]>();
  const everyone: OktaSignOnRule[] = [];
  for (const r of app) {
    for (const t of [...r.groupsIncluded.resources, ...r.usersIncluded.resources]) addTo(naming, t, r);
    if (namesNobody(r)) everyone.push(r);
  }
  return (principal) => {
    const found = new Set<OktaSignOnRule>(everyone);
    for (const r of naming.get(principal) ?? []) found.add(r);
    if (ctx.principals.isUser(principal))
      for (const g of ctx.principals.groupsOf(principal)) for (const r of naming.get(g) ?? []) found.add(r);
    return [...found].sort((a, b) => order.get(a)! - order.get(b)!);
  };
}

/**
 * A rule names the principal (or a group the user is in); on the Admin Console's
 * policy, a rule without people conditions covers everyone who signs in to it.
 */
function coversPrincipal(ctx: RuleContext, rule: OktaSignOnRule, principal: Resource): boolean {
  if (rule.groupsExcluded.resources.includes(principal) || rule.usersExcluded.resources.includes(principal))
    return false;
  if (rule.groupsIncluded.resources.includes(principal)) return true;
  if (ctx.principals.isUser(principal) && appliesToUser(ctx, rule, principal)) return true;
  return namesNobody(rule) && isAdminConsolePolicy(rule.policy);
}

/** A rule without people conditions: it applies to everyone who signs in to its policy's applications. */
function namesNobody(rule: OktaSignOnRule): boolean {
  return [rule.groupsIncluded, rule.usersIncluded].every(
    (t) => t.resources.length === 0 && t.external.length === 0 && !t.unknown,
  );
}

function isAdminConsolePolicy(policy: Resource | undefined): boolean {
  return (
    policy !== undefined &&
    [policy.values.name, policy.name].some((n) => typeof n === 'string' && ADMIN_CONSOLE.test(n))
  );
}

// ------------------------------------------------------------ weakenings (W-STRENGTH, W-EXCLUSION)

function weakerMethodsAllowed(pair: ResourcePair, report: (w: WeakeningReport) => void): void {
  reportAdded(
    pair,
    report,
    'W-STRENGTH',
    'allowed_combinations',
    (added) => `weaker methods allowed: ${added.join(', ')}`,
  );
}
