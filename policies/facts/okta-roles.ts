/**
 * Okta admin roles and custom-role permissions that matter to recovery. The
 * one place these names live.
 */

/** Standard role types whose holders are privileged principals. `API_ADMIN` is the 4.20 binding's spelling. */
export const OKTA_PRIVILEGED_ROLES: ReadonlySet<string> = new Set([
  'SUPER_ADMIN',
  'ORG_ADMIN',
  'APP_ADMIN',
  'API_ACCESS_MANAGEMENT_ADMIN',
  'API_ADMIN',
]);

/** Standard role types that can reset another user's authentication. */
export const OKTA_RESET_ROLES: ReadonlySet<string> = new Set([
  'SUPER_ADMIN',
  'ORG_ADMIN',
  'HELP_DESK_ADMIN',
  'USER_ADMIN',
]);

/** Standard help-desk role types that must be limited to target groups (RG-01). */
export const OKTA_OPERATOR_ROLES: ReadonlySet<string> = new Set(['HELP_DESK_ADMIN', 'USER_ADMIN']);

/** The top role, held by break-glass accounts. */
export const OKTA_TOP_ROLE = 'SUPER_ADMIN';

/** Custom-role permissions that amount to reset authority. */
export const OKTA_CREDENTIAL_PERMISSIONS: ReadonlySet<string> = new Set([
  'okta.users.credentials.manage',
  'okta.users.credentials.resetFactors',
  'okta.users.credentials.resetPassword',
  'okta.users.credentials.expirePassword',
  'okta.users.credentials.manageTemporaryAccessCode',
  'okta.users.manage',
]);

/** Custom-role permissions that change group membership: whoever holds them can join the groups they manage. */
export const OKTA_MEMBERSHIP_PERMISSIONS = [
  'okta.groups.members.manage',
  'okta.groups.manage',
  'okta.users.groupMembership.manage',
] as const;

/**
 * Permissions a credential role must not also hold (RG-05): membership edits let
 * an operator grant itself more, profile edits move a recovery address, policy
 * and identity-provider edits change how everyone signs in.
 */
export const OKTA_SELF_GRANT_PERMISSIONS = [
  ...OKTA_MEMBERSHIP_PERMISSIONS,
  'okta.users.userprofile.manage',
  'okta.identityProviders.manage',
  'okta.policies.manage',
] as const;

/** OAuth API scopes that let an application reset users' authentication (RG-22). */
/** OAuth scopes that give an Okta service app reset authority (RG-22); `okta.factors.manage` is retired but still read. */
export const OKTA_RESET_SCOPES = [
  'okta.users.manage',
  'okta.authenticators.manage',
  'okta.groups.manage',
  'okta.roles.manage',
  'okta.policies.manage',
  'okta.idps.manage',
  'okta.factors.manage',
] as const;

/** Custom-role permissions that change sign-in or recovery policy for everyone. */
export function changesOktaAuthentication(permission: string): boolean {
  return permission.startsWith('okta.policies.') || permission.startsWith('okta.authenticators.');
}

/** Custom-role permissions that make the holder privileged: they change how everyone authenticates. */
export function isOktaPolicyPermission(permission: string): boolean {
  return permission.startsWith('okta.policies.') || permission.startsWith('okta.identityProviders.');
}
