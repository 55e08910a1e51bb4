/** Example Okta org for a fictional company, built from recovery-gate's constructs: every rule holds. */
import { TerraformStack, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { DataOktaApp } from '@cdktf/provider-okta/lib/data-okta-app';
import { Group } from '@cdktf/provider-okta/lib/group';
import { GroupRole } from '@cdktf/provider-okta/lib/group-role';
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import {
  Attestation,
  OktaAuditLogging,
  OktaBreakGlass,
  OktaRecoveryOperators,
  OktaShortLivedRecovery,
  OktaTieredAuthentication,
  daysFromNow,
} from '../constructs';
import type { ExampleCompany } from './company';

export class OktaOrgStack extends TerraformStack {
  readonly operators: OktaRecoveryOperators;
  readonly breakGlass: OktaBreakGlass;

  constructor(scope: Construct, id: string, company: ExampleCompany) {
    super(scope, id);
    new OktaProvider(this, 'okta', { orgName: company.oktaOrg, baseUrl: 'okta.com' });
    const approval = {
      approver: company.securityLead,
      evidence: 'SEC-1107 supervisor-approved tickets',
      expires: daysFromNow(company.attestationReviewDays),
    };

    const staff = new Group(this, 'staff', { name: 'Staff' });
    const admins = new Group(this, 'admins', { name: 'Okta Administrators' });
    const adminRole = new GroupRole(this, 'admins_super_admin', { groupId: admins.id, roleType: 'SUPER_ADMIN' });
    new Attestation(this, 'admins_supervised', {
      control: 'RG-04',
      subject: adminRole,
      owner: 'identity-platform',
      ...approval,
    });
    const vendors = new Group(this, 'vendor_support', { name: 'Contoso Vendor Support' });
    new Attestation(this, 'vendor_offboarding', {
      control: 'RG-21',
      subject: vendors,
      owner: 'vendor-management',
      ...approval,
      evidence: 'SEC-1200 access ends with the contract',
    });
    const serviceDesk = new Group(this, 'service_desk', { name: 'Service Desk' });

    this.operators = new OktaRecoveryOperators(this, 'service_desk_reset', {
      orgUrl: `https://${company.oktaOrg}.okta.com`,
      operators: serviceDesk,
      scope: [staff],
      privileged: [admins],
      approval,
    });
    this.breakGlass = new OktaBreakGlass(this, 'break_glass', {
      accounts: company.breakGlass.map((name) => ({ login: `${name}@${company.domain}` })),
      expires: daysFromNow(company.breakGlassReviewDays),
      evidence: 'SEC-1042 quarterly break-glass review',
      approver: company.securityLead,
      alertEndpoint: company.alertWebhook,
    });
    const vendorPortal = new DataOktaApp(this, 'vendor_portal', { label: 'Contoso Support Portal' });
    new OktaTieredAuthentication(this, 'authentication', {
      tiers: { standard: [staff, serviceDesk], privileged: [admins], vendor: [vendors] },
      operators: [serviceDesk],
      breakGlass: this.breakGlass.group,
      vendorApps: [vendorPortal.id],
      enrollment: approval,
    });
    new OktaShortLivedRecovery(this, 'temporary_codes', { maxLifetimeMinutes: 60, attestation: approval });
    const token = new TerraformVariable(this, 'splunk_hec_token', { type: 'string', sensitive: true });
    new OktaAuditLogging(this, 'audit', {
      streamType: 'splunk_cloud_logstreaming',
      streamSettings: { host: company.splunkHost, edition: 'aws', token: token.stringValue },
      alertEndpoint: company.alertWebhook,
    });
  }
}
