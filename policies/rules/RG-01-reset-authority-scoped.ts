import type { RuleContext } from '../tenant/context';
import type { RoleGrant } from '../tenant/grants';
import { defineRule } from '../engine/rule';
import { Unknown, elements } from '../model/value';

/** `…/api/v1/users`, `…/api/v1/groups` (no id after), `orn:…:directory:…:users` / `:groups` (no id after). */
const ALL_PRINCIPALS = /\/api\/v1\/(users|groups)\/?$|^orn:[^:]+:directory:[^:]+:(users|groups)$/;

export default defineRule({
  meta: {
    id: 'RG-01',
    slug: 'reset-authority-scoped',
    title: 'Reset authority held by an operator reaches a named population, never the whole organisation',
    severity: 'high',
    csf: ['PR.AA-05'],
    rationale:
      'A help desk that can reset anyone can be talked into resetting anyone. Scoping reset authority to the groups or administrative units it serves limits what one convincing caller can reach.',
    references: ['NIST SP 800-63B-4 §4.2 (account recovery)', 'CISA SCuBA MS.AAD.7.x (privileged access)', "Okta 2023 advisory on help-desk social engineering of Super Admins"],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages: {
      unscopedOkta:
        '{{role}} is granted to {{principal}} over the whole organisation: one convincing call to whoever holds it resets the factors of any user. Set target_group_list (or resource_set_id) to the groups it supports.',
      allPrincipalsInSet:
        'Resource set {{set}} used by {{role}} includes all {{what}} ({{entry}}): the credential permissions reach every account. List only the supported groups in resources / resources_orn.',
      unscopedEntra:
        '{{role}} is assigned to {{principal}} at {{scope}}: it can reset the authentication methods of users across the tenant. Set directory_scope_id to "/administrativeUnits/<id>" of the administrative unit it serves.',
    },
  },
  check(ctx, report) {
    const reported = new Set<string>();
    for (const grant of ctx.grants) {
      if (reported.has(grant.assignment.address) || !appliesTo(ctx, grant)) continue;
      const principal = grant.principal?.address ?? 'an unknown principal';
      const role = grant.role.name;
      const flag = (r: Parameters<typeof report>[0]) => {
        reported.add(grant.assignment.address);
        report(r);
      };
      if (!grant.role.known) {
        flag({ resource: grant.assignment, messageId: 'cannotVerify', data: { what: `which role ${grant.assignment.address} grants`, why: 'the role is not a literal' } });
        continue;
      }
      const scope = grant.scope;
      switch (scope.kind) {
        case 'organisation':
          flag({ resource: grant.assignment, messageId: grant.provider === 'okta' ? 'unscopedOkta' : 'unscopedEntra', data: { role, principal, scope: 'directory scope "/"' } });
          break;
        case 'other':
          flag({ resource: grant.assignment, messageId: 'unscopedEntra', data: { role, principal, scope: `directory scope ${JSON.stringify(scope.value)}` } });
          break;
        case 'unknown':
          flag({ resource: grant.assignment, messageId: 'cannotVerify', data: { what: `the scope of ${role} on ${grant.assignment.address}`, why: `directory_scope_id is ${scope.expression}` } });
          break;
        case 'resource-set': {
          if (!scope.set) {
            flag({ resource: grant.assignment, messageId: 'cannotVerify', data: { what: `the resource set of ${grant.assignment.address}`, why: 'resource_set_id names no okta_resource_set in this configuration' } });
            break;
          }
          const entries = [...elements(scope.set.values.resources), ...elements(scope.set.values.resources_orn)];
          const wide = entries.map(entryText).find((e) => e !== undefined && ALL_PRINCIPALS.test(e));
          if (wide) {
            flag({ resource: grant.assignment, messageId: 'allPrincipalsInSet', data: { set: scope.set.address, role, what: /users/.test(wide) ? 'users' : 'groups', entry: wide } });
          } else if (entries.some((e) => e instanceof Unknown && e.references.length === 0)) {
            flag({ resource: grant.assignment, messageId: 'cannotVerify', data: { what: `the members of resource set ${scope.set.address}`, why: 'some entries are not literal' } });
          }
          break;
        }
        default:
          break; // groups or an administrative unit: scoped
      }
    }
  },
});

/** Operators' help-desk roles; non-human identities are RG-22's, break-glass accounts hold the top role by design. */
function appliesTo(ctx: RuleContext, grant: RoleGrant): boolean {
  if (grant.role.known && !grant.role.operatorRole) return false;
  const p = grant.principal;
  if (p && grant.role.privileged && ctx.principals.isVendor(p)) return false; // a vendor with a privileged role is RG-20's
  return !(p && (ctx.principals.isNonHuman(p) || ctx.principals.isBreakGlass(p)));
}

/** A resource-set entry as text: the literal, or an expression's source (`${var.org}/api/v1/users`). */
function entryText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof Unknown && v.expression) return v.expression;
  return undefined;
}
