/**
 * The kinds of change that weaken a control (RULES.md, "Changes that weaken a
 * control"), each with what it means. The one place these ids live.
 */
export const WEAKENING_KINDS = {
  'W-SCOPE': "reset authority's scope widened: targets removed, scope moved to /, a role upgraded",
  'W-APPROVAL': 'approval, justification or ticket requirement removed; approver changed to the operators',
  'W-STRENGTH': 'authentication downgraded: a weaker strength, mfa removed, 2FA → 1FA, phishing-resistant constraint removed',
  'W-EXCLUSION': 'an exclusion added to an MFA policy or rule',
  'W-ENFORCEMENT': 'a policy disabled or moved to report-only',
  'W-RECOVERY': 'temporary pass or code made longer-lived or multi-use; a weak recovery channel turned on',
  'W-LOGGING': 'log export removed or categories dropped; an alert or hook disabled',
  'W-BREAKGLASS': 'a break-glass account added, its expiry pushed out beyond the limit, or its monitoring removed',
  'W-VENDOR': 'vendor access made longer or permanent, or given a new role',
  'W-PRIVILEGE': 'a new privileged role assignment',
  'W-FEDERATION': 'a new identity provider or federation trust',
} as const;

export type WeakeningKind = keyof typeof WEAKENING_KINDS;
