/**
 * Guidance beyond NIST CSF that the rules answer to, each checked against its
 * source: the CISA SCuBA Entra ID baseline (policy ids and statements as the
 * baseline writes them), NIST SP 800-63B-4 (section numbers as its published
 * pages number them), NIST SP 800-53 Rev. 5 and SP 800-161r1 (by DOI), and
 * Microsoft's and Okta's own pages. A rule's `meta.references` lists these;
 * the rule pages and the HTML report show them.
 */

export interface GuidanceReference {
  /** Who publishes it. */
  readonly source:
    'CISA SCuBA' | 'NIST SP 800-63B-4' | 'NIST SP 800-53 Rev. 5' | 'NIST SP 800-161r1' | 'Microsoft' | 'Okta';
  /** The publisher's identifier, where it has one (`MS.AAD.7.4v1`, `Sec. 4.2`, `AC-5`). */
  readonly id?: string;
  /** What it says or is called, in its own words where it is short. */
  readonly title: string;
  readonly url: string;
}

const SCUBA_AAD = 'https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/aad.md';
const NIST_63B = 'https://pages.nist.gov/800-63-4/sp800-63b';
const NIST_53 = 'https://doi.org/10.6028/NIST.SP.800-53r5';
const LEARN = 'https://learn.microsoft.com/en-us';

/** A SCuBA Entra ID policy: `7.4v1` → MS.AAD.7.4v1, linked to its heading in the baseline. */
const scuba = (policy: string, statement: string): GuidanceReference => ({
  source: 'CISA SCuBA',
  id: `MS.AAD.${policy}`,
  title: statement,
  url: `${SCUBA_AAD}#msaad${policy.replace(/\./g, '')}`,
});

const sp80053 = (control: string, name: string): GuidanceReference => ({
  source: 'NIST SP 800-53 Rev. 5',
  id: control,
  title: name,
  url: NIST_53,
});

export const REFERENCES = {
  scubaPhishingResistantAll: scuba('3.1v1', 'Phishing-resistant MFA SHALL be enforced for all users.'),
  scubaMfaAll: scuba(
    '3.2v1',
    'If phishing-resistant MFA has not been enforced, an alternative MFA method SHALL be enforced for all users.',
  ),
  scubaWeakMethodsOff: scuba(
    '3.5v1',
    'The authentication methods SMS, Voice Call, and Email One-Time Passcode (OTP) SHALL be disabled.',
  ),
  scubaPhishingResistantPrivileged: scuba(
    '3.6v1',
    'Phishing-resistant MFA SHALL be required for highly privileged roles.',
  ),
  scubaManagedDeviceRegistration: scuba('3.8v1', 'Managed Devices SHOULD be required to register MFA.'),
  scubaLogsToSoc: scuba(
    '4.1v1',
    "Security logs SHALL be sent to the agency's security operations center for monitoring.",
  ),
  scubaGlobalAdminCount: scuba(
    '7.1v1',
    'A minimum of two users and a maximum of eight users SHALL be provisioned with the Global Administrator role.',
  ),
  scubaFinerGrainedRoles: scuba(
    '7.2v1',
    'Privileged users SHALL be provisioned with finer-grained roles instead of Global Administrator.',
  ),
  scubaNoPermanentActive: scuba(
    '7.4v1',
    'Permanent active role assignments SHALL NOT be allowed for highly privileged roles.',
  ),
  scubaPamOnly: scuba(
    '7.5v1',
    'Provisioning users to highly privileged roles SHALL NOT occur outside of a PAM system.',
  ),
  scubaApproval: scuba('7.6v1', 'Activation of the Global Administrator role SHALL require approval.'),
  scubaAssignmentAlert: scuba(
    '7.7v1',
    'Eligible and Active highly privileged role assignments SHALL trigger an alert.',
  ),
  scubaActivationAlert: scuba('7.8v1', 'User activation of the Global Administrator role SHALL trigger an alert.'),
  scubaOtherActivationAlert: scuba(
    '7.9v1',
    'User activation of other highly privileged roles SHOULD trigger an alert.',
  ),
  scubaReportOnly: {
    source: 'CISA SCuBA',
    title: 'Conditional Access Policies: a policy is enforced only when it is set to On, not in Report-only.',
    url: `${SCUBA_AAD}#conditional-access-policies`,
  },

  nistAal: {
    source: 'NIST SP 800-63B-4',
    id: 'Sec. 2',
    title: 'Authentication Assurance Levels',
    url: `${NIST_63B}/aal/`,
  },
  nistAuthenticators: {
    source: 'NIST SP 800-63B-4',
    id: 'Sec. 3',
    title: 'Authenticator and Verifier Requirements (phishing resistance, restricted authenticators)',
    url: `${NIST_63B}/authenticators/`,
  },
  nistBinding: {
    source: 'NIST SP 800-63B-4',
    id: 'Sec. 4.1',
    title:
      'Authenticator Binding: binding a new authenticator requires authentication at the highest AAL the account has',
    url: `${NIST_63B}/events/#binding`,
  },
  nistRecovery: {
    source: 'NIST SP 800-63B-4',
    id: 'Sec. 4.2',
    title: 'Account Recovery',
    url: `${NIST_63B}/events/#recovery`,
  },
  nistNotification: {
    source: 'NIST SP 800-63B-4',
    id: 'Sec. 4.6',
    title: 'Notification of authenticator events, by a mechanism independent of the transaction',
    url: `${NIST_63B}/events/#notification`,
  },

  accountManagement: sp80053('AC-2', 'Account Management'),
  emergencyAccounts: sp80053('AC-2(2)', 'Automated Temporary and Emergency Account Management'),
  atypicalUsage: sp80053('AC-2(12)', 'Account Monitoring for Atypical Usage'),
  separationOfDuties: sp80053('AC-5', 'Separation of Duties'),
  leastPrivilege: sp80053('AC-6', 'Least Privilege'),
  privilegedFunctionsLogged: sp80053('AC-6(9)', 'Log Use of Privileged Functions'),
  continuousMonitoring: sp80053('CA-7', 'Continuous Monitoring'),

  supplyChain: {
    source: 'NIST SP 800-161r1',
    title: 'Cybersecurity Supply Chain Risk Management Practices for Systems and Organizations',
    url: 'https://doi.org/10.6028/NIST.SP.800-161r1',
  },

  msEmergencyAccess: {
    source: 'Microsoft',
    title: 'Manage emergency access admin accounts in Microsoft Entra ID',
    url: `${LEARN}/entra/identity/role-based-access-control/security-emergency-access`,
  },
  msBuiltInRoles: {
    source: 'Microsoft',
    title: 'Microsoft Entra built-in roles: who can reset passwords and authentication methods',
    url: `${LEARN}/entra/identity/role-based-access-control/permissions-reference`,
  },
  msPimForGroups: {
    source: 'Microsoft',
    title: 'Privileged Identity Management (PIM) for Groups',
    url: `${LEARN}/entra/id-governance/privileged-identity-management/concept-pim-for-groups`,
  },
  msPimApproval: {
    source: 'Microsoft',
    title: 'Approve or deny requests for Microsoft Entra roles in Privileged Identity Management',
    url: `${LEARN}/entra/id-governance/privileged-identity-management/pim-approval-workflow`,
  },
  msPimAlerts: {
    source: 'Microsoft',
    title: 'Configure security alerts for Microsoft Entra roles in Privileged Identity Management',
    url: `${LEARN}/entra/id-governance/privileged-identity-management/pim-how-to-configure-security-alerts`,
  },
  msAuthenticationMethods: {
    source: 'Microsoft',
    title: 'What authentication and verification methods are available in Microsoft Entra ID?',
    url: `${LEARN}/entra/identity/authentication/concept-authentication-methods`,
  },
  msTemporaryAccessPass: {
    source: 'Microsoft',
    title: 'Microsoft Graph: the Temporary Access Pass methods policy (isUsableOnce, lifetimes)',
    url: `${LEARN}/graph/api/resources/temporaryaccesspassauthenticationmethodconfiguration`,
  },
  msReportSuspiciousActivity: {
    source: 'Microsoft',
    title: 'Microsoft Graph: reportSuspiciousActivitySettings (users report an MFA prompt they did not start)',
    url: `${LEARN}/graph/api/resources/reportsuspiciousactivitysettings`,
  },

  oktaImpersonation: {
    source: 'Okta',
    title:
      'Cross-Tenant Impersonation: Prevention and Detection (2023): service desks talked into resetting the MFA of Super Administrators',
    url: 'https://sec.okta.com/articles/2023/08/cross-tenant-impersonation-prevention-and-detection',
  },
} as const satisfies Record<string, GuidanceReference>;

/** What a reference is called where it is linked: `CISA SCuBA MS.AAD.7.4v1`, `Microsoft`. */
export function referenceName(r: GuidanceReference): string {
  return r.id ? `${r.source} ${r.id}` : r.source;
}
