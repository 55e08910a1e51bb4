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
  /** Where Okta event hooks deliver alerts. */
  readonly alertWebhook: string;
  readonly splunkHost: string;
  readonly logAnalyticsWorkspaceId: string;
  /** Azure Monitor action group that pages the security team. */
  readonly securityActionGroupId: string;
  /** Where PIM activation notices go. */
  readonly securityMailbox: string;
}

export const ACME: ExampleCompany = {
  domain: 'acme.example',
  oktaOrg: 'acme',
  entraInitialDomain: 'acme.onmicrosoft.com',
  breakGlass: ['breakglass-1', 'breakglass-2'],
  breakGlassReviewDays: 60,
  attestationReviewDays: 180,
  alertWebhook: 'https://siem.acme.example/hooks/okta',
  splunkHost: 'acme.splunkcloud.com',
  logAnalyticsWorkspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/security/providers/Microsoft.OperationalInsights/workspaces/sentinel',
  securityActionGroupId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/security/providers/Microsoft.Insights/actionGroups/secops-pager',
  securityMailbox: 'secops-alerts@acme.example',
};
