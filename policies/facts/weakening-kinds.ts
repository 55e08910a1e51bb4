/**
 * The kinds of change that weaken a control, each with what it means. The one
 * place these ids live; docs/weakenings.md is rendered from them.
 */
export const WEAKENING_KINDS = {
  'W-SCOPE': "reset authority's scope widened: targets removed, scope moved to /, a role upgraded",
  'W-APPROVAL': 'approval, justification or ticket requirement removed; approver changed to the operators',
  'W-STRENGTH':
    'authentication downgraded: a weaker strength, mfa removed, 2FA → 1FA, phishing-resistant constraint removed',
  'W-EXCLUSION': 'an exclusion added to an MFA policy or rule, or a role, group or user taken out of what it includes',
  'W-ENFORCEMENT': 'a policy disabled or moved to report-only',
  'W-RECOVERY': 'temporary pass or code made longer-lived or multi-use; a weak recovery channel turned on',
  'W-LOGGING': 'log export removed or categories dropped; an alert or hook disabled',
  'W-BREAKGLASS': 'a break-glass account added, its expiry pushed out beyond the limit, or its monitoring removed',
  'W-VENDOR': 'vendor access made longer or permanent, or given a new role',
  'W-PRIVILEGE': 'a new privileged role assignment',
  'W-FEDERATION': 'a new identity provider or federation trust',
} as const;

export type WeakeningKind = keyof typeof WEAKENING_KINDS;

/** What `drift` reports besides weakening changes: each a result of its own in SARIF and JUnit. */
export const DRIFT_KINDS = {
  'D-EXPIRED': 'a break-glass expiry, attestation, vendor access or suppression has passed',
  'D-EXPIRING': 'a break-glass expiry, attestation, vendor access or suppression passes within the warning window',
  'D-CHECK': 'a Terraform check or postcondition failed (an expiry written as a postcondition fails this way)',
} as const;

export type DriftKind = keyof typeof DRIFT_KINDS;
