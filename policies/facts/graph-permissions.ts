/**
 * Microsoft Graph application permissions that amount to reset authority
 * (RULES.md, "Reset authority"), by id and by name. The one place these live.
 */
import { Unknown, type Value } from '../model/value';

export const GRAPH_RESET_PERMISSIONS: ReadonlyMap<string, string> = new Map(Object.entries({
  '50483e42-d915-4231-9639-7fdb7fd190e5': 'UserAuthenticationMethod.ReadWrite.All',
  '29c18626-4985-4dcd-85c0-193eef327366': 'Policy.ReadWrite.AuthenticationMethod',
  '01c0a623-fc9b-48e9-b794-0756f8e8f067': 'Policy.ReadWrite.ConditionalAccess',
  '9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8': 'RoleManagement.ReadWrite.Directory',
  '0400e371-7db1-4338-a269-96069eb65227': 'UserAuthMethod-Passkey.ReadWrite.All',
}));

const NAMES = new Set(GRAPH_RESET_PERMISSIONS.values());
/** Any per-method write permission, and password profile writes, count by name. */
const NAME_PATTERN = /^(UserAuthMethod-[A-Za-z0-9]+\.ReadWrite\.All|User-PasswordProfile\.ReadWrite\.All)$/;

/** The reset-authority permission a literal id or name denotes, if any. */
export function graphResetPermission(idOrName: string): string | undefined {
  const byId = GRAPH_RESET_PERMISSIONS.get(idOrName.toLowerCase());
  if (byId) return byId;
  return NAMES.has(idOrName) || NAME_PATTERN.test(idOrName) ? idOrName : undefined;
}

/**
 * The reset-authority permission an `app_role_id` grants: a literal id or name,
 * or an expression that names it (`app_role_ids["UserAuthenticationMethod.ReadWrite.All"]`).
 */
export function graphResetPermissionOf(appRoleId: Value | undefined): string | undefined {
  if (typeof appRoleId === 'string') return graphResetPermission(appRoleId);
  return appRoleId instanceof Unknown ? graphResetPermissionIn(appRoleId.expression ?? '') : undefined;
}

/** A reset-authority permission named inside an expression. */
function graphResetPermissionIn(expression: string): string | undefined {
  for (const m of expression.matchAll(/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi)) {
    const found = graphResetPermission(m[0]);
    if (found) return found;
  }
  return undefined;
}
