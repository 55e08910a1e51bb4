/** Builders for the resources most rule tables need, in Terraform JSON's shape. */

export interface PolicyOptions {
  readonly state?: unknown;
  readonly users?: Record<string, unknown>;
  readonly applications?: Record<string, unknown>;
  readonly grant?: Record<string, unknown>;
}

/** An azuread_conditional_access_policy body: all users, all apps, MFA, enabled — override what the case is about. */
export function caPolicy(o: PolicyOptions = {}): Record<string, unknown> {
  return {
    display_name: 'policy',
    state: o.state ?? 'enabled',
    conditions: {
      client_app_types: ['all'],
      users: o.users ?? { included_users: ['All'] },
      applications: o.applications ?? { included_applications: ['All'] },
    },
    grant_controls: o.grant ?? { operator: 'OR', built_in_controls: ['mfa'] },
  };
}

/** An attestation body for a control. */
export function attestationBody(control: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    input: {
      recovery_gate_attestation: {
        control,
        owner: 'identity-platform',
        approver: 'ciso-office',
        evidence: 'SEC-1001',
        expires: '2027-03-01T00:00:00Z',
        ...fields,
      },
    },
  };
}

export const ENTRA_BREAK_GLASS = {
  bg1: { user_principal_name: 'breakglass1@acme.onmicrosoft.com', display_name: 'Break glass 1' },
  bg2: { user_principal_name: 'breakglass2@acme.onmicrosoft.com', display_name: 'Break glass 2' },
};

export const OKTA_BREAK_GLASS = {
  bg1: {
    login: 'breakglass1@acme.example',
    email: 'breakglass1@acme.example',
    first_name: 'Break',
    last_name: 'Glass 1',
  },
  bg2: {
    login: 'breakglass2@acme.example',
    email: 'breakglass2@acme.example',
    first_name: 'Break',
    last_name: 'Glass 2',
  },
};

export const ROLE = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  privilegedAuthenticationAdministrator: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
  conditionalAccessAdministrator: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  authenticationAdministrator: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
} as const;
