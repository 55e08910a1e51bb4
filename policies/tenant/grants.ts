/**
 * Admin-role grants, read once from every assignment resource of both
 * providers into one shape: who holds which role, over what scope, standing or
 * eligible. Rules reason about grants, not about resource types.
 */
import { ENTRA_ROLES, EntraRole, entraRoleById, entraRoleByName } from '../facts/entra-roles';
import {
  OKTA_CREDENTIAL_PERMISSIONS,
  OKTA_OPERATOR_ROLES,
  OKTA_PRIVILEGED_ROLES,
  OKTA_RESET_ROLES,
  OKTA_TOP_ROLE,
  isOktaPolicyPermission,
} from '../facts/okta-roles';
import type { Resource } from '../model/resource';
import { Unknown, Value, literalStrings } from '../model/value';
import type { RuleContext } from './context';
import type { Provider } from '../facts/providers';

export interface GrantedRole {
  /** For messages: `Helpdesk Administrator`, `HELP_DESK_ADMIN`, or a custom role's label. */
  readonly name: string;
  /** False when the role could not be identified (an unknown role id). */
  readonly known: boolean;
  readonly privileged: boolean;
  readonly resetAuthority: boolean;
  /** A help-desk role that must be scoped (RG-01). */
  readonly operatorRole: boolean;
  /** Global Administrator or SUPER_ADMIN. */
  readonly topRole: boolean;
  /** Entra built-in roles: the template id (the same in every tenant). */
  readonly templateId?: string;
  /** The custom role resource, for Okta custom roles. */
  readonly custom?: Resource;
  readonly permissions?: readonly string[];
}

export type GrantScope =
  | { readonly kind: 'organisation' }
  | { readonly kind: 'groups'; readonly groups: readonly Resource[]; readonly unknown: boolean }
  | { readonly kind: 'resource-set'; readonly set: Resource | undefined; readonly unknown: boolean }
  | { readonly kind: 'administrative-unit'; readonly unit: Resource | undefined }
  | { readonly kind: 'other'; readonly value: string }
  | { readonly kind: 'unknown'; readonly expression: string };

export interface RoleGrant {
  readonly provider: Provider;
  /** The resource that creates the grant: the finding's subject when the grant is wrong. */
  readonly assignment: Resource;
  /** The principal, when it resolves to a resource of the stack. */
  readonly principal: Resource | undefined;
  /** The principal could not be determined (unknown expression). */
  readonly principalUnknown: boolean;
  readonly role: GrantedRole;
  readonly activation: 'active' | 'eligible';
  readonly scope: GrantScope;
}

const UNKNOWN_ROLE: GrantedRole = {
  name: 'an unknown role',
  known: false,
  privileged: false,
  resetAuthority: false,
  operatorRole: false,
  topRole: false,
};

export function readGrants(ctx: RuleContext): RoleGrant[] {
  return [...oktaGrants(ctx), ...entraGrants(ctx)];
}

// ------------------------------------------------------------------- Okta

function oktaStandardRole(type: string): GrantedRole {
  return {
    name: type,
    known: true,
    privileged: OKTA_PRIVILEGED_ROLES.has(type),
    resetAuthority: OKTA_RESET_ROLES.has(type),
    operatorRole: OKTA_OPERATOR_ROLES.has(type),
    topRole: type === OKTA_TOP_ROLE,
  };
}

function oktaCustomRole(ctx: RuleContext, holder: Resource, path: string): GrantedRole {
  const custom = ctx.target(holder, path);
  if (!custom || custom.type !== 'okta_admin_role_custom') return UNKNOWN_ROLE;
  const permissions = literalStrings(custom.values.permissions);
  const reset = permissions.some((p) => OKTA_CREDENTIAL_PERMISSIONS.has(p));
  const label = custom.values.label;
  return {
    name: typeof label === 'string' ? label : custom.address,
    known: !(custom.values.permissions instanceof Unknown),
    privileged: permissions.some(isOktaPolicyPermission),
    resetAuthority: reset,
    operatorRole: reset,
    topRole: false,
    custom,
    permissions,
  };
}

function resourceSetScope(ctx: RuleContext, holder: Resource): GrantScope | undefined {
  const id = holder.values.resource_set_id;
  if (id === undefined || id === null || id === '') return undefined;
  const set = ctx.target(holder, 'resource_set_id');
  return { kind: 'resource-set', set: set?.type === 'okta_resource_set' ? set : undefined, unknown: set === undefined };
}

function* oktaGrants(ctx: RuleContext): Generator<RoleGrant> {
  for (const a of ctx.resourcesOf('okta_group_role')) {
    const type = a.values.role_type;
    const role =
      typeof type !== 'string'
        ? UNKNOWN_ROLE
        : type === 'CUSTOM'
          ? oktaCustomRole(ctx, a, 'role_id')
          : oktaStandardRole(type);
    const principal = ctx.target(a, 'group_id');
    const targets = ctx.targets(a, 'target_group_list');
    const targeted = targets.resources.length > 0 || targets.unknown || targets.external.length > 0;
    const scope: GrantScope =
      resourceSetScope(ctx, a) ??
      (targeted
        ? { kind: 'groups', groups: targets.resources, unknown: targets.unknown || targets.external.length > 0 }
        : { kind: 'organisation' });
    yield {
      provider: 'okta',
      assignment: a,
      principal,
      principalUnknown: !principal,
      role,
      activation: 'active',
      scope,
    };
  }
  for (const a of ctx.resourcesOf('okta_user_admin_roles')) {
    const principal = ctx.target(a, 'user_id');
    const roles = a.values.admin_roles;
    const types = roles instanceof Unknown ? [undefined] : literalStrings(roles);
    for (const t of types) {
      yield {
        provider: 'okta',
        assignment: a,
        principal,
        principalUnknown: !principal,
        role: t ? oktaStandardRole(t) : UNKNOWN_ROLE,
        activation: 'active',
        scope: { kind: 'organisation' },
      };
    }
  }
  for (const a of ctx.resourcesOf('okta_admin_role_custom_assignments')) {
    const role = oktaCustomRole(ctx, a, 'custom_role_id');
    const scope = resourceSetScope(ctx, a) ?? { kind: 'resource-set', set: undefined, unknown: true };
    const members = ctx.targets(a, 'members');
    for (const principal of members.resources) {
      yield { provider: 'okta', assignment: a, principal, principalUnknown: false, role, activation: 'active', scope };
    }
    if (members.unknown || members.resources.length === 0) {
      yield {
        provider: 'okta',
        assignment: a,
        principal: undefined,
        principalUnknown: true,
        role,
        activation: 'active',
        scope,
      };
    }
  }
}

// ------------------------------------------------------------------ Entra

function entraRole(ctx: RuleContext, holder: Resource, path: string): GrantedRole {
  const value = holder.values[path];
  const fromRole = (r: EntraRole | undefined): GrantedRole =>
    r
      ? {
          name: r.displayName,
          templateId: r.templateId,
          known: true,
          privileged: r.privileged,
          resetAuthority: r.resetAuthority,
          operatorRole: r.operatorRole,
          topRole: r === ENTRA_ROLES[0],
        }
      : UNKNOWN_ROLE;
  if (typeof value === 'string') {
    const r = entraRoleById(value);
    if (r) return fromRole(r);
    const target = ctx.byLiteralId(value);
    return target ? roleOfDirectoryRole(target, fromRole) : { ...UNKNOWN_ROLE, name: value, known: true };
  }
  const target = ctx.target(holder, path);
  if (target) return roleOfDirectoryRole(target, fromRole);
  return UNKNOWN_ROLE;
}

function roleOfDirectoryRole(target: Resource, fromRole: (r: EntraRole | undefined) => GrantedRole): GrantedRole {
  if (target.type === 'azuread_directory_role') {
    const { template_id: templateId, display_name: displayName } = target.values;
    const r =
      (typeof templateId === 'string' && entraRoleById(templateId)) ||
      (typeof displayName === 'string' && entraRoleByName(displayName)) ||
      undefined;
    if (r) return fromRole(r);
    if (templateId instanceof Unknown && displayName instanceof Unknown) return UNKNOWN_ROLE;
    return { ...UNKNOWN_ROLE, name: String(displayName ?? templateId ?? target.address), known: true };
  }
  // A custom directory role: not one of the catalogue's built-in roles.
  const name = target.values.display_name;
  return {
    ...UNKNOWN_ROLE,
    name: typeof name === 'string' ? name : target.address,
    known: target.type === 'azuread_custom_directory_role',
  };
}

function entraScope(ctx: RuleContext, holder: Resource): GrantScope {
  const v: Value | undefined = holder.values.directory_scope_id;
  if (v === undefined || v === null || v === '/') return { kind: 'organisation' };
  const unitOf = () =>
    ctx.targets(holder, 'directory_scope_id').resources.find((r) => r.type === 'azuread_administrative_unit');
  if (typeof v === 'string') {
    if (v.startsWith('/administrativeUnits/'))
      return {
        kind: 'administrative-unit',
        unit: ctx.byLiteralId(v.slice('/administrativeUnits/'.length)) ?? unitOf(),
      };
    return { kind: 'other', value: v };
  }
  if (v instanceof Unknown) {
    // Built from an administrative unit reference: scoped to that unit, whatever its id turns out to be.
    const unit = unitOf();
    if (unit || v.expression?.startsWith('/administrativeUnits/')) return { kind: 'administrative-unit', unit };
    return { kind: 'unknown', expression: String(v) };
  }
  return { kind: 'unknown', expression: String(v) };
}

function* entraGrants(ctx: RuleContext): Generator<RoleGrant> {
  const sources = [
    ['azuread_directory_role_assignment', 'principal_object_id', 'role_id', 'active'],
    ['azuread_directory_role_eligibility_schedule_request', 'principal_id', 'role_definition_id', 'eligible'],
  ] as const;
  for (const [type, principalPath, rolePath, activation] of sources) {
    for (const a of ctx.resourcesOf(type)) {
      const principal = ctx.target(a, principalPath);
      yield {
        provider: 'entra',
        assignment: a,
        principal,
        principalUnknown: !principal && !(typeof a.values[principalPath] === 'string'),
        role: entraRole(ctx, a, rolePath),
        activation,
        scope: entraScope(ctx, a),
      };
    }
  }
  for (const a of ctx.resourcesOf('azuread_directory_role_member')) {
    const principal = ctx.target(a, 'member_object_id');
    yield {
      provider: 'entra',
      assignment: a,
      principal,
      principalUnknown: !principal,
      role: entraRole(ctx, a, 'role_object_id'),
      activation: 'active',
      scope: { kind: 'organisation' },
    };
  }
}
