import type { RuleContext } from '../tenant/context';
import { ReportFn, defineRule } from '../engine/rule';
import { PROVIDER_NAME, TOP_ROLE_NAME, type Provider } from '../facts/providers';
import { type Resource, isAnyInstance } from '../model/resource';
import { Unknown } from '../model/value';
import { byText, listed } from '../lists';
import type { ResourcePair, WeakeningReport } from '../engine/weakening';
import { REFERENCES } from '../facts/references';

const messages = {
  tooFew:
    '{{provider}} has {{count}} break-glass account(s) while privileged roles are assigned: if the one way in fails (a lost key, a locked account), nobody can recover the tenant. Keep {{min}} to {{max}} cloud-only break-glass accounts.',
  tooMany:
    'Break-glass account {{account}} is one of {{count}} on {{provider}}, more than {{max}}: every extra emergency account is another unmonitored way to the top role. Remove it or fold its purpose into the existing ones.',
  notCloudOnly:
    'Break-glass account {{account}} {{reason}}: when federation or sync breaks, the emergency account breaks with it. Use a cloud-only account with a *.onmicrosoft.com UPN and no onpremises_immutable_id.',
  noTopRole:
    'Break-glass account {{account}} does not hold {{topRole}}: an emergency account that cannot fix everything does not serve its purpose. Assign it {{topRole}} (directly or through the break-glass group).',
  extraRoles:
    'Break-glass account {{account}} also holds {{roles}}: break-glass accounts hold the top role and nothing else, so their every use is unambiguous. Remove the other assignments.',
  inOperatorGroup:
    'Break-glass account {{account}} is a member of {{groups}}: operator or vendor membership puts the emergency account within reach of people it must be independent of. Remove it from those groups.',
  tooManyTopRole:
    '{{count}} users on {{provider}} hold {{topRole}} (actively or eligibly): more than {{max}}. Each one is an account whose takeover is total. Move day-to-day administration to narrower roles.',
};

export default defineRule({
  meta: {
    id: 'RG-12',
    slug: 'break-glass-narrow',
    title: 'Break-glass accounts are few and narrow',
    severity: 'high',
    csf: ['PR.AA-01'],
    rationale:
      'Break-glass accounts are few, narrow and monitored: enough to recover from a lockout, no more, holding only the top role and independent of the people and systems that might fail.',
    references: [REFERENCES.msEmergencyAccess, REFERENCES.scubaGlobalAdminCount],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages,
  },
  check(ctx, report) {
    for (const provider of ['okta', 'entra'] as const) {
      if (ctx.providers.has(provider)) checkProvider(ctx, provider, report);
    }
  },
  weakenings: [{ types: ['okta_user', 'azuread_user'], detect: breakGlassAdded }],
});

type Reporter = ReportFn<keyof typeof messages>;

function checkProvider(ctx: RuleContext, provider: Provider, report: Reporter): void {
  const { breakGlassMinAccounts: min, breakGlassMaxAccounts: max, topRoleMaxHolders } = ctx.config.thresholds;
  const accounts = ctx.principals.breakGlassAccounts(provider).sort(byText((r) => r.address));
  const grants = ctx.grants.filter((g) => g.provider === provider);
  const base = {
    provider: PROVIDER_NAME[provider],
    topRole: TOP_ROLE_NAME[provider],
    min,
    max,
    count: accounts.length,
  };
  // Accounts (and holders, below) made by a count or for_each that could not be read are some number, not one.
  const cannotCount = (r: Resource, what: string) =>
    report({
      resource: r,
      messageId: 'cannotVerify',
      data: { what, why: `the count or for_each of ${r.address} is not known` },
    });
  const uncounted = accounts.find(isAnyInstance);
  if (accounts.length < min && grants.some((g) => g.role.privileged)) {
    if (uncounted) cannotCount(uncounted, `how many break-glass accounts ${base.provider} has`);
    else report({ resource: null, messageId: 'tooFew', data: base });
  }
  accounts
    .filter((a) => !isAnyInstance(a))
    .slice(max)
    .forEach((account) =>
      report({ resource: account, messageId: 'tooMany', data: { ...base, account: account.address } }),
    );

  for (const account of accounts) {
    const data = { ...base, account: account.address };
    if (provider === 'entra') {
      const reason = notCloudOnly(account);
      if (reason instanceof Unknown)
        report({
          resource: account,
          messageId: 'cannotVerify',
          data: { what: `whether ${account.address} is cloud-only`, why: `${reason.expression} is not known` },
        });
      else if (reason) report({ resource: account, messageId: 'notCloudOnly', data: { ...data, reason } });
    }
    const held = ctx.principals.grantsHeldBy(account);
    const unknownRole = held.find((g) => !g.role.known);
    if (unknownRole) {
      report({
        resource: account,
        messageId: 'cannotVerify',
        data: {
          what: `which roles ${account.address} holds`,
          why: `the role of ${unknownRole.assignment.address} is not known`,
        },
      });
    } else {
      if (!held.some((g) => g.role.topRole)) report({ resource: account, messageId: 'noTopRole', data });
      const others = [...new Set(held.filter((g) => !g.role.topRole).map((g) => g.role.name))];
      if (others.length > 0)
        report({ resource: account, messageId: 'extraRoles', data: { ...data, roles: others.join(', ') } });
    }
    // A vendor-named group counts even when its only members are break-glass accounts.
    const groups = ctx.principals
      .groupsOf(account)
      .filter((g) => ctx.principals.isOperator(g) || ctx.principals.isVendor(g));
    if (groups.length > 0)
      report({
        resource: account,
        messageId: 'inOperatorGroup',
        data: { ...data, groups: listed(groups.map((g) => g.address)) },
      });
  }

  // Uncounted holders may be none or many: they decide only when the counted ones do not.
  const holders = [...topRoleHolders(ctx, provider)];
  const counted = holders.filter((u) => !isAnyInstance(u));
  const uncountedHolder = holders.find(isAnyInstance);
  if (counted.length > topRoleMaxHolders)
    report({
      resource: null,
      messageId: 'tooManyTopRole',
      data: { ...base, count: counted.length, max: topRoleMaxHolders },
    });
  else if (uncountedHolder) cannotCount(uncountedHolder, `how many users hold ${base.topRole} on ${base.provider}`);
}

/** Why an Entra account is not cloud-only, or undefined when it is. */
function notCloudOnly(account: Resource): string | Unknown | undefined {
  const { user_principal_name: upn, onpremises_immutable_id: immutableId } = account.values;
  if (upn instanceof Unknown) return new Unknown('user_principal_name', []);
  if (typeof immutableId === 'string' && immutableId !== '')
    return 'is synchronised from on-premises (onpremises_immutable_id is set)';
  if (typeof upn === 'string' && !/\.onmicrosoft\.com$/i.test(upn)) return `has a UPN on a custom domain (${upn})`;
  return undefined;
}

/** Distinct users holding the top role, directly or through groups whose members are known (static or PIM). */
function topRoleHolders(ctx: RuleContext, provider: Provider): Set<Resource> {
  const users = new Set<Resource>();
  for (const g of ctx.grants) {
    if (g.provider !== provider || !g.role.topRole || !g.principal) continue;
    if (ctx.principals.isUser(g.principal)) users.add(g.principal);
    else if (ctx.principals.isGroup(g.principal)) {
      ctx.principals
        .members(g.principal)
        .resources.filter((m) => ctx.principals.isUser(m))
        .forEach((m) => users.add(m));
      ctx.principals
        .schedulesFor(g.principal)
        .forEach((s) => s.principal && ctx.principals.isUser(s.principal) && users.add(s.principal));
    }
  }
  return users;
}

// ------------------------------------------------------------ weakenings (W-BREAKGLASS)

function breakGlassAdded({ before, after, head }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (!before && after && head.principals.isBreakGlass(after))
    report({
      kind: 'W-BREAKGLASS',
      attribute: 'account',
      before: 'none',
      after: after.address,
      message: 'a break-glass account is added',
    });
}
