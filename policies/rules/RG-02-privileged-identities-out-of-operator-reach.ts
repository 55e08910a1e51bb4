import type { RuleContext } from '../tenant/context';
import type { RoleGrant } from '../tenant/grants';
import { containerMembers, scopeMembers } from '../tenant/scopes';
import { defineRule } from '../engine/rule';
import type { Resource } from '../model/resource';
import { listed } from '../lists';
import { oncePerResource } from '../model/once';
import { REFERENCES } from '../facts/references';

export default defineRule({
  meta: {
    id: 'RG-02',
    slug: 'privileged-identities-out-of-operator-reach',
    title: "No operator's explicit scope contains a privileged identity or a break-glass account",
    severity: 'critical',
    csf: ['PR.AA-05'],
    rationale:
      'A help desk scoped to "staff" that also reaches an administrator is a path to admin: the attacker calls in as the admin, the operator resets their factors, and the attacker signs in with the admin\'s roles.',
    references: [REFERENCES.oktaImpersonation, REFERENCES.msBuiltInRoles, REFERENCES.scubaFinerGrainedRoles],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages: {
      reachesThroughChain:
        '{{role}} held by {{principal}} is scoped to {{scope}}, and from a user in that scope a chain of {{count}} steps reaches {{target}}: reset that user, act as them, and the rest follows. Break the chain at the step that should not exist (see the path), or take the user out of the scope.',
      reachesPrivileged:
        '{{role}} held by {{principal}} is scoped to {{scope}}, which contains {{reached}}: the operator can reset the factors of an identity that holds more power than they do. Take privileged and break-glass identities out of that scope (Okta: target only groups without admins; Entra: keep them out of the administrative unit, in role-assignable groups).',
    },
  },
  check(ctx, report) {
    const reported = new Set<string>();
    // Many grants share one scope: what each container exposes is worked out once per provider.
    const reachedFrom = {
      okta: oncePerResource((c) => reachedIn(ctx, c, 'okta')),
      entra: oncePerResource((c) => reachedIn(ctx, c, 'entra')),
    };
    for (const grant of ctx.grants) {
      if (!grant.role.operatorRole) continue; // help-desk roles and credential custom roles; unknown roles are RG-01's
      const p = grant.principal;
      if (p && (ctx.principals.isNonHuman(p) || ctx.principals.isBreakGlass(p))) continue;
      const scope = scopeMembers(ctx, grant.scope);
      if (!scope) continue;
      const reached = [...new Set(scope.groups.flatMap((g) => reachedFrom[grant.provider](g)))];
      const data = { role: grant.role.name, principal: p?.address ?? 'an unknown principal', scope: scope.label };
      if (reached.length > 0) {
        reported.add(grant.assignment.address);
        report({
          resource: grant.assignment,
          messageId: 'reachesPrivileged',
          data: { ...data, reached: listed(reached) },
        });
      } else if (scope.unknown || scope.groups.some((g) => containerMembers(ctx, g).unknown)) {
        report({
          resource: grant.assignment,
          messageId: 'cannotVerify',
          data: {
            what: `who ${grant.assignment.address} can reset`,
            why: `the members of ${scope.label} are not all known`,
          },
        });
      }
    }
    // Through chains: an explicit scope holds no privileged identity, yet someone in it can reach one.
    const operatorGrant = new Map(
      ctx.grants
        .filter((g) => g.role.operatorRole && g.scope.kind !== 'organisation')
        .map((g) => [g.assignment.address, g]),
    );
    if (operatorGrant.size === 0) return; // no explicit scope, no chain through one: skip the graph
    for (const path of ctx.attackPaths) {
      const [first] = path.steps;
      // The path starts where the operator resets the users of a group or unit it is scoped to.
      const scope =
        first.kind === 'can reset' && first.from === path.source
          ? ctx.resetGraph.nodes.get(first.to)?.container
          : undefined;
      if (scope === undefined || path.steps.length <= 2 || reported.has(first.resource)) continue;
      const grant = operatorGrant.get(first.resource);
      if (!grant) continue;
      const assignment = grant.assignment;
      reported.add(assignment.address);
      report({
        resource: assignment,
        messageId: 'reachesThroughChain',
        data: { role: grant.role.name, principal: path.source, scope, count: path.steps.length, target: path.target },
        path: path.steps,
      });
    }
  },
});

/** Privileged or break-glass identities an operator reaches through one group or unit. */
function reachedIn(ctx: RuleContext, container: Resource, provider: RoleGrant['provider']): string[] {
  const p = ctx.principals;
  const out: string[] = [];
  if (provider === 'okta' && container.type === 'okta_group' && p.grantsHeldBy(container).length > 0)
    out.push(`${container.address} (holds an admin role)`);
  for (const m of containerMembers(ctx, container).resources) {
    // A group in an Entra unit is in scope as an object; its members are not, and a role-assignable group is beyond every scoped operator.
    if (provider === 'entra' && m.type === 'azuread_group') continue;
    if (p.isBreakGlass(m)) out.push(`${m.address} (break-glass)`);
    else if (p.isDeclared('privileged', m) || exposedPrivilege(ctx, m, provider)) out.push(`${m.address} (privileged)`);
  }
  return out;
}

/**
 * Privilege an operator could take over by resetting this member. On Entra,
 * privilege held only through role-assignable groups is out of reach: built-in
 * authentication administrators cannot reset members of those groups.
 */
function exposedPrivilege(ctx: RuleContext, member: Resource, provider: RoleGrant['provider']): boolean {
  return ctx.principals
    .grantsHeldBy(member)
    .some(
      (g) =>
        g.role.privileged &&
        (provider === 'okta' || g.principal === member || g.principal?.values.assignable_to_role !== true),
    );
}
