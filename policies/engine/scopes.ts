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

/** A group entry of an Okta resource set: `…/api/v1/groups/<id>` or `orn:…:directory:…:groups:<id>`. */
const GROUP_ENTRY = /\/api\/v1\/groups\/([^/]+)\/?$|^orn:[^:]+:directory:[^:]+:groups:([^:]+)$/;

/** Who is inside a scope container: an administrative unit's members, or a group's. */
export function containerMembers(ctx: RuleContext, container: Resource): Members {
  return container.type === 'azuread_administrative_unit' ? ctx.principals.unitMembers(container) : ctx.principals.members(container);
}

export interface ScopeMembers {
  /** Groups (Okta) or administrative units (Entra) the scope names. */
  readonly groups: readonly Resource[];
  readonly unknown: boolean;
  readonly label: string;
}

/** What an explicit scope names; undefined for the whole organisation (RG-01's finding) and for unscoped kinds. */
export function scopeMembers(ctx: RuleContext, scope: GrantScope): ScopeMembers | undefined {
  switch (scope.kind) {
    case 'groups':
      return { groups: scope.groups, unknown: scope.unknown, label: scope.groups.map((g) => g.address).join(', ') || 'its target groups' };
    case 'administrative-unit':
      return scope.unit ? { groups: [scope.unit], unknown: false, label: scope.unit.address } : { groups: [], unknown: true, label: 'an administrative unit outside this configuration' };
    case 'resource-set': {
      if (!scope.set) return undefined; // RG-01 says it cannot verify
      const groups: Resource[] = [];
      let unknown = false;
      for (const entry of [...elements(scope.set.values.resources), ...elements(scope.set.values.resources_orn)]) {
        if (entry instanceof Unknown) {
          const named = entry.references.flatMap((r) => ctx.resolve(r)).filter((r) => r.type === 'okta_group');
          if (named.length > 0) groups.push(...named);
          else if (GROUP_ENTRY.test(entry.expression ?? '')) unknown = true;
        } else if (typeof entry === 'string') {
          const m = GROUP_ENTRY.exec(entry);
          const group = m ? ctx.byLiteralId(m[1] ?? m[2]) : undefined;
          if (group) groups.push(group);
          else if (m) unknown = true;
        }
      }
      return { groups, unknown, label: `resource set ${scope.set.address}` };
    }
    default:
      return undefined;
  }
}

