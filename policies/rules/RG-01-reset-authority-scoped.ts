import type { RuleContext } from '../tenant/context';
import type { RoleGrant } from '../tenant/grants';
import { defineRule } from '../engine/rule';
import { Unknown, elements } from '../model/value';
import {
  type ResourcePair,
  type WeakeningReport,
  addedElements,
  grantsOf,
  reportAdded,
  shown,
  valueOn,
  sidesOf,
} from '../engine/weakening';
import type { Value } from '../model/value';
import { REFERENCES } from '../facts/references';

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
    references: [REFERENCES.nistRecovery, REFERENCES.scubaFinerGrainedRoles, REFERENCES.oktaImpersonation],
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
        flag({
          resource: grant.assignment,
          messageId: 'cannotVerify',
          data: { what: `which role ${grant.assignment.address} grants`, why: 'the role is not a literal' },
        });
        continue;
      }
      const scope = grant.scope;
      switch (scope.kind) {
        case 'organisation':
          flag({
            resource: grant.assignment,
            messageId: grant.provider === 'okta' ? 'unscopedOkta' : 'unscopedEntra',
            data: { role, principal, scope: 'directory scope "/"' },
          });
          break;
        case 'other':
          flag({
            resource: grant.assignment,
            messageId: 'unscopedEntra',
            data: { role, principal, scope: `directory scope ${JSON.stringify(scope.value)}` },
          });
          break;
        case 'unknown':
          flag({
            resource: grant.assignment,
            messageId: 'cannotVerify',
            data: {
              what: `the scope of ${role} on ${grant.assignment.address}`,
              why: `directory_scope_id is ${scope.expression}`,
            },
          });
          break;
        case 'resource-set': {
          if (!scope.set) {
            flag({
              resource: grant.assignment,
              messageId: 'cannotVerify',
              data: {
                what: `the resource set of ${grant.assignment.address}`,
                why: 'resource_set_id names no okta_resource_set in this configuration',
              },
            });
            break;
          }
          const entries = [...elements(scope.set.values.resources), ...elements(scope.set.values.resources_orn)];
          const wide = entries.map(entryText).find((e) => e !== undefined && ALL_PRINCIPALS.test(e));
          if (wide) {
            flag({
              resource: grant.assignment,
              messageId: 'allPrincipalsInSet',
              data: { set: scope.set.address, role, what: /users/.test(wide) ? 'users' : 'groups', entry: wide },
            });
          } else if (entries.some((e) => e instanceof Unknown && e.references.length === 0)) {
            flag({
              resource: grant.assignment,
              messageId: 'cannotVerify',
              data: { what: `the members of resource set ${scope.set.address}`, why: 'some entries are not literal' },
            });
          }
          break;
        }
        default:
          break; // groups or an administrative unit: scoped
      }
    }
  },
  weakenings: [
    {
      types: ['okta_group_role'],
      detect: (pair, report) => (scopeWidened(pair, report, 'target_group_list'), resourceSetRemoved(pair, report)),
    },
    {
      types: ['okta_user_admin_roles', 'okta_admin_role_custom_assignments', 'azuread_directory_role_member'],
      detect: (pair, report) => scopeWidened(pair, report, 'members'),
    },
    {
      types: ['azuread_directory_role_assignment', 'azuread_directory_role_eligibility_schedule_request'],
      detect: (pair, report) => scopeWidened(pair, report, 'directory_scope_id'),
    },
    { types: ['okta_admin_role_custom'], detect: permissionsAdded },
    { types: ['okta_resource_set'], detect: resourceSetWidened },
  ],
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

// ------------------------------------------------------------ weakenings (W-SCOPE)

const OKTA_ROLE_RANK = new Map(
  Object.entries({
    HELP_DESK_ADMIN: 1,
    USER_ADMIN: 2,
    GROUP_MEMBERSHIP_ADMIN: 2,
    APP_ADMIN: 3,
    API_ADMIN: 3,
    API_ACCESS_MANAGEMENT_ADMIN: 3,
    ORG_ADMIN: 4,
    SUPER_ADMIN: 5,
  }),
);

/** Reset authority reaching further: a target added, every target removed, a unit's scope moved to the tenant, the role changed. */
function scopeWidened(
  { before, after, base, head }: ResourcePair,
  report: (w: WeakeningReport) => void,
  scopeAttribute: string,
): void {
  if (!before || !after) return;
  // A list of targets widens when it gains a target, or when it loses all of them (then it is the whole org).
  if (scopeAttribute !== 'directory_scope_id') {
    const added = addedElements(valueOn(before, scopeAttribute), valueOn(after, scopeAttribute));
    const emptied =
      elements(valueOn(before, scopeAttribute)).length > 0 && elements(valueOn(after, scopeAttribute)).length === 0;
    if (added.length > 0 || emptied) {
      report({
        kind: 'W-SCOPE',
        ...sidesOf({ before, after }, scopeAttribute),
        message: emptied
          ? 'every target is removed: reset authority now reaches the whole org'
          : `reset authority now also reaches ${added.join(', ')}`,
      });
    }
  }
  const wasScoped = (v: Value | undefined) =>
    (typeof v === 'string' && v.startsWith('/administrativeUnits/')) || v instanceof Unknown;
  if (
    scopeAttribute === 'directory_scope_id' &&
    wasScoped(valueOn(before, scopeAttribute)) &&
    !wasScoped(valueOn(after, scopeAttribute))
  ) {
    report({
      kind: 'W-SCOPE',
      ...sidesOf({ before, after }, scopeAttribute),
      message: 'reset authority moved from an administrative unit to the whole tenant',
    });
  }
  const beforeRoles = grantsOf(base, before).map((g) => g.role);
  const rank = (name: string) => OKTA_ROLE_RANK.get(name);
  for (const g of grantsOf(head, after)) {
    if (beforeRoles.some((r) => r.name === g.role.name)) continue;
    // A role every former role outranks is a step down, not a weakening; an unranked change is shown.
    const newRank = rank(g.role.name);
    const steppedDown = newRank !== undefined && beforeRoles.every((r) => (rank(r.name) ?? -1) > newRank);
    const newlyPrivileged = g.role.privileged && !beforeRoles.some((r) => r.privileged);
    if (newlyPrivileged || (beforeRoles.length > 0 && !steppedDown)) {
      report({
        kind: 'W-SCOPE',
        attribute: 'role',
        before: beforeRoles.map((r) => r.name).join(', ') || 'none',
        after: g.role.name,
        message: `the role is changed to ${g.role.name}`,
      });
    }
  }
}

function resourceSetRemoved({ before, after }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (
    before &&
    after &&
    valueOn(before, 'resource_set_id') !== undefined &&
    valueOn(after, 'resource_set_id') === undefined &&
    valueOn(after, 'target_group_list') === undefined
  ) {
    report({
      kind: 'W-SCOPE',
      attribute: 'resource_set_id',
      before: shown(valueOn(before, 'resource_set_id')),
      after: 'unset',
      message: 'the resource set that limited the role is removed',
    });
  }
}

function permissionsAdded(pair: ResourcePair, report: (w: WeakeningReport) => void): void {
  reportAdded(
    pair,
    report,
    'W-SCOPE',
    'permissions',
    (added) => `permissions added to a custom admin role: ${added.join(', ')}`,
  );
}

function resourceSetWidened(pair: ResourcePair, report: (w: WeakeningReport) => void): void {
  for (const attribute of ['resources', 'resources_orn'])
    reportAdded(pair, report, 'W-SCOPE', attribute, (added) => `the resource set now also covers ${added.join(', ')}`);
}
