/**
 * What an explicit scope of reset authority names: Okta target groups and the
 * groups of a resource set, Entra administrative units. Shared by RG-02 and
 * the reset-authority graph, so both read scopes the same way.
 */
import type { Resource } from '../model/resource';
import { Unknown, elements } from '../model/value';
import type { RuleContext } from './context';
import type { GrantScope } from './grants';
import type { Members } from './principals';

/** The users of a group, in an Okta resource set: `…/api/v1/groups/<id>/users` or `orn:…:directory:…:groups:<id>:contained_resources`. */
const USERS_OF_GROUP =
  /\/api\/v1\/groups\/([^/]+)\/users\/?$|^orn:[^:]+:directory:[^:]+:groups:([^:]+):contained_resources$/;
/** The group object itself: `…/api/v1/groups/<id>` or `orn:…:directory:…:groups:<id>` — user permissions over it reach nobody. */
const GROUP_OBJECT = /\/api\/v1\/groups\/([^/]+)\/?$|^orn:[^:]+:directory:[^:]+:groups:([^:]+)$/;

/** Who is inside a scope container: an administrative unit's members, or a group's. */
export function containerMembers(ctx: RuleContext, container: Resource): Members {
  return container.type === 'azuread_administrative_unit'
    ? ctx.principals.unitMembers(container)
    : ctx.principals.members(container);
}

export interface ScopeMembers {
  /** Groups (Okta) or administrative units (Entra) whose members the scope reaches. */
  readonly groups: readonly Resource[];
  /** Okta groups the scope names as objects (a resource set's `…/groups/<id>`): their membership, not their users. */
  readonly objects: readonly Resource[];
  readonly unknown: boolean;
  readonly label: string;
}

/** What an explicit scope names; undefined for the whole organisation (RG-01's finding) and for unscoped kinds. */
export function scopeMembers(ctx: RuleContext, scope: GrantScope): ScopeMembers | undefined {
  switch (scope.kind) {
    case 'groups':
      // A target group list: the users of those groups, and (for GROUP_MEMBERSHIP_ADMIN) the groups themselves.
      return {
        groups: scope.groups,
        objects: scope.groups,
        unknown: scope.unknown,
        label: scope.groups.map((g) => g.address).join(', ') || 'its target groups',
      };
    case 'administrative-unit':
      return scope.unit
        ? { groups: [scope.unit], objects: [], unknown: false, label: scope.unit.address }
        : { groups: [], objects: [], unknown: true, label: 'an administrative unit outside this configuration' };
    case 'resource-set': {
      if (!scope.set) return undefined; // RG-01 says it cannot verify
      const groups: Resource[] = [];
      const objects: Resource[] = [];
      let unknown = false;
      for (const entry of [...elements(scope.set.values.resources), ...elements(scope.set.values.resources_orn)]) {
        if (entry instanceof Unknown) {
          const text = entry.expression ?? '';
          const into = USERS_OF_GROUP.test(text) ? groups : GROUP_OBJECT.test(text) ? objects : undefined;
          const named = entry.references.flatMap((r) => ctx.resolve(r)).filter((r) => r.type === 'okta_group');
          // A group named without the form of the entry (a plan's unknown) may be either: not known.
          if (into && named.length > 0) into.push(...named);
          else if (into || named.length > 0) unknown = true;
        } else if (typeof entry === 'string') {
          const users = USERS_OF_GROUP.exec(entry);
          const object = users ? undefined : GROUP_OBJECT.exec(entry);
          const m = users ?? object;
          const group = m ? ctx.byLiteralId(m[1] ?? m[2]) : undefined;
          if (group) (users ? groups : objects).push(group);
          else if (m) unknown = true;
        }
      }
      return { groups, objects, unknown, label: `resource set ${scope.set.address}` };
    }
    default:
      return undefined;
  }
}
