/** NIST CSF 2.0 outcomes the catalogue maps to (RULES.md), with their text for SARIF and docs. */
export const CSF_OUTCOMES = {
  'PR.AA-01': 'Identities and credentials for authorized users, services, and hardware are managed by the organization',
  'PR.AA-02': 'Identities are proofed and bound to credentials based on the context of interactions',
  'PR.AA-03': 'Users, services, and hardware are authenticated',
  'PR.AA-05':
    'Access permissions, entitlements, and authorizations are defined in a policy, managed, enforced, and reviewed, and incorporate the principles of least privilege and separation of duties',
  'PR.PS-04': 'Log records are generated and made available for continuous monitoring',
  'DE.CM-03': 'Personnel activity and technology usage are monitored to find potentially adverse events',
  'DE.AE-02': 'Potentially adverse events are analyzed to better understand associated activities',
  'GV.SC-07':
    'The risks posed by a supplier, their products and services, and other third parties are understood, recorded, prioritized, assessed, responded to, and monitored over the course of the relationship',
  'GV.SC-10':
    'Supply chain risk management plans include provisions for activities that occur after the conclusion of a partnership or service agreement',
} as const;

export type CsfId = keyof typeof CSF_OUTCOMES;

/** CSF 2.0 functions, in the framework's order, for reports that group outcomes by them. */
export const CSF_FUNCTIONS = {
  GV: 'Govern',
  ID: 'Identify',
  PR: 'Protect',
  DE: 'Detect',
  RS: 'Respond',
  RC: 'Recover',
} as const;

/** CSF 2.0 categories of the outcomes the catalogue maps to. */
export const CSF_CATEGORIES: Readonly<Record<string, string>> = {
  'GV.SC': 'Cybersecurity Supply Chain Risk Management',
  'PR.AA': 'Identity Management, Authentication, and Access Control',
  'PR.PS': 'Platform Security',
  'DE.CM': 'Continuous Monitoring',
  'DE.AE': 'Adverse Event Analysis',
};
