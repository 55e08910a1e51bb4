/** Example Okta org for a fictional company: every rule of the catalogue holds. */
import { TerraformStack, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { Group } from '@cdktf/provider-okta/lib/group';
import { GroupMemberships } from '@cdktf/provider-okta/lib/group-memberships';
import { GroupRole } from '@cdktf/provider-okta/lib/group-role';
import { LogStream } from '@cdktf/provider-okta/lib/log-stream';
import { PolicyRuleSignon } from '@cdktf/provider-okta/lib/policy-rule-signon';
import { PolicySignon } from '@cdktf/provider-okta/lib/policy-signon';
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { User } from '@cdktf/provider-okta/lib/user';
import { attestBreakGlass, daysFromToday } from './expiry';
import type { ExampleCompany } from './company';

export class OktaOrgStack extends TerraformStack {
  constructor(scope: Construct, id: string, company: ExampleCompany) {
    super(scope, id);
    new OktaProvider(this, 'okta', { orgName: company.oktaOrg, baseUrl: 'okta.com' });

    const staff = new Group(this, 'staff', { name: 'Staff' });
    const admins = new Group(this, 'admins', { name: 'Okta Administrators' });
    new GroupRole(this, 'admins_super_admin', { groupId: admins.id, roleType: 'SUPER_ADMIN' });
    const serviceDesk = new Group(this, 'service_desk', { name: 'Service Desk' });
    new GroupRole(this, 'service_desk_help_desk', { groupId: serviceDesk.id, roleType: 'HELP_DESK_ADMIN', targetGroupList: [staff.id] });

    const breakGlass = new Group(this, 'break_glass', { name: 'Break Glass' });
    new GroupRole(this, 'break_glass_super_admin', { groupId: breakGlass.id, roleType: 'SUPER_ADMIN' });
    const accounts = company.breakGlass.map((name, i) => {
      const user = new User(this, `breakglass_${i + 1}`, { login: `${name}@${company.domain}`, email: `${name}@${company.domain}`, firstName: 'Break', lastName: `Glass ${i + 1}` });
      attestBreakGlass(this, `breakglass_${i + 1}_expiry`, user, daysFromToday(company.breakGlassReviewDays));
      return user;
    });
    new GroupMemberships(this, 'break_glass_members', { groupId: breakGlass.id, users: accounts.map((a) => a.id) });

    const everyone = new PolicySignon(this, 'everyone', { name: 'Everyone', status: 'ACTIVE', groupsIncluded: [staff.id, admins.id, serviceDesk.id] });
    new PolicyRuleSignon(this, 'everyone_mfa', { policyId: everyone.id, name: 'Require MFA', status: 'ACTIVE', mfaRequired: true, mfaPrompt: 'ALWAYS' });

    const token = new TerraformVariable(this, 'splunk_hec_token', { type: 'string', sensitive: true });
    new LogStream(this, 'siem', { name: 'SIEM', type: 'splunk_cloud_logstreaming', status: 'ACTIVE', settings: { host: company.splunkHost, edition: 'aws', token: token.stringValue } });
  }
}
