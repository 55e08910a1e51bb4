/**
 * What must be logged and alerted (RG-15–RG-17): the Entra log categories,
 * the Okta events and the Entra audit operations of recovery. The one place
 * they live; the rules check for them and the constructs configure them.
 */

/** Without these, recovery and sign-in by operators and break-glass accounts go unseen (RG-16). */
export const ENTRA_REQUIRED_LOG_CATEGORIES = [
  'AuditLogs',
  'SignInLogs',
  'NonInteractiveUserSignInLogs',
  'ServicePrincipalSignInLogs',
] as const;
/** Useful for investigation; missing them is a low-severity finding of RG-16. */
export const ENTRA_RECOMMENDED_LOG_CATEGORIES = [
  'RiskyUsers',
  'UserRiskEvents',
  'ManagedIdentitySignInLogs',
  'MicrosoftGraphActivityLogs',
] as const;

/** Okta events of factor resets, recovery and privilege grants (RG-17). */
export const OKTA_RECOVERY_EVENTS = [
  'user.mfa.factor.reset_all',
  'user.mfa.factor.deactivate',
  'user.account.reset_password',
  'user.account.privilege.grant',
] as const;

/**
 * Entra audit operations of admin recovery an alert must name (RG-17). A
 * temporary access pass issued by an admin is logged as "Admin registered
 * security info" ("Admin registered temporary access pass method for user" is
 * its status reason, not an operation, and matches nothing).
 */
export const ENTRA_RECOVERY_OPERATIONS = [
  'Admin registered security info',
  'Admin deleted security info',
  'Reset password (by admin)',
] as const;
/** Worth naming too: a changed method, and privilege granted. */
export const ENTRA_RECOMMENDED_OPERATIONS = [
  'Admin updated security info',
  'Add member to role',
  'Add eligible member to role',
] as const;
/** Okta events worth a hook beside the required ones: privilege granted to a group or an app, a user added to a group. */
export const OKTA_RECOMMENDED_EVENTS = [
  'group.privilege.grant',
  'app.oauth2.client.privilege.grant',
  'group.user_membership.add',
] as const;
