/** The fictional company both example tenants belong to, in one typed place. */
export interface ExampleCompany {
  readonly domain: string;
  readonly oktaOrg: string;
  readonly entraInitialDomain: string;
  /** Break-glass account names (two to four). */
  readonly breakGlass: readonly string[];
  /** Days until the break-glass accounts must be re-attested (at most 90). */
  readonly breakGlassReviewDays: number;
  /** Days until other attestations must be renewed (at most 365). */
  readonly attestationReviewDays: number;
  /** Who signs off reviews and approvals. */
  readonly securityLead: string;
  /** Where Okta event hooks deliver alerts. */
  readonly alertWebhook: string;
  readonly splunkHost: string;
  /** Where Entra logs and alerts live. */
  readonly monitoring: {
    readonly workspaceId: string;
    readonly resourceGroupName: string;
    readonly location: string;
    readonly actionGroupIds: readonly string[];
  };
  /** Where PIM activation notices go. */
  readonly securityMailbox: string;
}

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/security/providers';

export const ACME: ExampleCompany = {
  domain: 'acme.example',
  oktaOrg: 'acme',
  entraInitialDomain: 'acme.onmicrosoft.com',
  breakGlass: ['breakglass-1', 'breakglass-2'],
  breakGlassReviewDays: 60,
  attestationReviewDays: 180,
  securityLead: 'ciso-office',
  alertWebhook: 'https://siem.acme.example/hooks/okta',
  splunkHost: 'acme.splunkcloud.com',
  monitoring: {
    workspaceId: `${SUBSCRIPTION}/Microsoft.OperationalInsights/workspaces/sentinel`,
    resourceGroupName: 'security',
    location: 'westeurope',
    actionGroupIds: [`${SUBSCRIPTION}/Microsoft.Insights/actionGroups/secops-pager`],
  },
  securityMailbox: 'secops-alerts@acme.example',
};
