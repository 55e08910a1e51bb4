/**
 * Which Entra application a resource belongs to. azuread 3.x names it
 * `client_id` on a service principal and `application_id` on credentials and
 * owner links; HCL written for azuread 2.x still says `application_id` on a
 * service principal and `application_object_id` on a password, and is read too.
 */
import type { Resource } from '../model/resource';
import type { RuleContext } from './context';
import { graphResetPermission, graphResetPermissionIn } from '../facts/graph-permissions';
import { Unknown, type Value } from '../model/value';

const APPLICATION_PATHS: Record<string, readonly string[]> = {
  azuread_service_principal: ['client_id', 'application_id'],
  azuread_service_principal_password: ['service_principal_id'],
};
const LINK_PATHS = ['application_id', 'application_object_id'];

/** An Entra application: `azuread_application`, or `azuread_application_registration` as azuread 3.x also declares one. */
export const APPLICATION_TYPES: readonly string[] = ['azuread_application', 'azuread_application_registration'];

export function isApplication(r: Resource): boolean {
  return APPLICATION_TYPES.includes(r.type);
}

/** The application itself, the application of a service principal, or of a credential (of either) or owner link. */
export function applicationOf(ctx: RuleContext, r: Resource): Resource | undefined {
  if (isApplication(r)) return r;
  for (const path of APPLICATION_PATHS[r.type] ?? LINK_PATHS) {
    const target = ctx.target(r, path);
    if (target && isApplication(target)) return target;
    if (target?.type === 'azuread_service_principal' && r.type !== 'azuread_service_principal')
      return applicationOf(ctx, target);
  }
  return undefined;
}

/**
 * The reset-authority permission an `app_role_id` grants: a literal id or name,
 * or an expression that names it (`app_role_ids["UserAuthenticationMethod.ReadWrite.All"]`).
 */
export function graphResetPermissionOf(appRoleId: Value | undefined): string | undefined {
  if (typeof appRoleId === 'string') return graphResetPermission(appRoleId);
  return appRoleId instanceof Unknown ? graphResetPermissionIn(appRoleId.expression ?? '') : undefined;
}
