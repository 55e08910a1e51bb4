/**
 * What must be logged and alerted (RG-15–RG-17): the Entra log categories,
 * the Okta events and the Entra audit operations of recovery. The one place
 * they live; the rules check for them and the constructs configure them.
 */

/** Without these, recovery and sign-in by operators and break-glass accounts go unseen (RG-16). */
export const ENTRA_REQUIRED_LOG_CATEGORIES = ['AuditLogs', 'SignInLogs', 'NonInteractiveUserSignInLogs', 'ServicePrincipalSignInLogs'] as const;
/** Useful for investigation; missing them is a low-severity finding of RG-16. */
export const ENTRA_RECOMMENDED_LOG_CATEGORIES = ['RiskyUsers', 'UserRiskEvents', 'MicrosoftGraphActivityLogs'] as const;

/** Okta events of factor resets, recovery and privilege grants (RG-17). */
export const OKTA_RECOVERY_EVENTS = ['user.mfa.factor.reset_all', 'user.mfa.factor.deactivate', 'user.account.reset_password', 'user.account.privilege.grant'] as const;

/** Entra audit operations of admin recovery (RG-17). */
export const ENTRA_RECOVERY_OPERATIONS = [
  'Admin registered security info',
  'Admin deleted security info',
  'Admin updated security info',
  'Reset password (by admin)',
  'Admin registered temporary access pass method for user',
] as const;
