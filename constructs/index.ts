/**
 * recovery-gate's typed CDKTF constructs: `import { … } from 'recovery-gate/constructs'`.
 * One vocabulary for both identity providers; each construct's props say what
 * it does and validation fails synth with how to fix it.
 */
export { Attestation, type AttestationProps } from './shared/attestation';
export { BreakGlassExpiry, type BreakGlassExpiryProps } from './shared/break-glass-expiry';
export { checkStack, modelOf, type CheckStackOptions } from './check-stack';
export { declarePrincipals, type DeclaredClass } from './shared/intent';
export { RecoveryGuidance, type RecoveryGuidanceProps, type SuppressionProps } from './recovery-guidance';
export { daysFromNow } from './shared/time';
export type { ApprovalEvidence, Tiers } from './shared/tiers';

export { OktaAuditLogging, type OktaAuditLoggingProps } from './okta/audit-logging';
export { OktaBreakGlass, type OktaBreakGlassProps, type BreakGlassAccount } from './okta/break-glass';
export { OktaRecoveryOperators, type OktaRecoveryOperatorsProps } from './okta/recovery-operators';
export { OktaShortLivedRecovery, type OktaShortLivedRecoveryProps } from './okta/short-lived-recovery';
export {
  OktaTieredAuthentication,
  type OktaTieredAuthenticationProps,
  PHISHING_RESISTANT_CONSTRAINT,
} from './okta/tiered-authentication';

export { EntraAuditLogging, type EntraAuditLoggingProps, IDENTITY_LOG_CATEGORIES } from './entra/audit-logging';
export { EntraAuthenticationMethods, type EntraAuthenticationMethodsProps } from './entra/authentication-methods';
export { EntraBreakGlass, type EntraBreakGlassProps } from './entra/break-glass';
export {
  EntraRecoveryOperators,
  type EntraRecoveryOperatorsProps,
  type EntraOperatorRole,
} from './entra/recovery-operators';
export {
  EntraTieredAuthentication,
  type EntraTieredAuthenticationProps,
  PHISHING_RESISTANT_STRENGTH,
} from './entra/tiered-authentication';
export { AadDiagnosticSetting, MsgraphUpdateResource, ScheduledQueryAlert } from './entra/raw-resources';
export { recordSourceLocations } from './source-locations';

/** Entra role template ids the same in every tenant, for role assignments beside the constructs. */
export {
  GLOBAL_ADMINISTRATOR,
  HELPDESK_ADMINISTRATOR,
  PRIVILEGED_ROLE_ADMINISTRATOR,
  SECURITY_ADMINISTRATOR,
  entraRoleByName,
} from '../policies/facts/entra-roles';
