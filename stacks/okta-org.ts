/** Example Okta org for a fictional company: every rule of the catalogue holds. */
import { TerraformStack, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { AppSignonPolicy } from '@cdktf/provider-okta/lib/app-signon-policy';
import { AppSignonPolicyRule } from '@cdktf/provider-okta/lib/app-signon-policy-rule';
import { EventHook } from '@cdktf/provider-okta/lib/event-hook';
import { Group } from '@cdktf/provider-okta/lib/group';
import { GroupMemberships } from '@cdktf/provider-okta/lib/group-memberships';
import { GroupRole } from '@cdktf/provider-okta/lib/group-role';
import { LogStream } from '@cdktf/provider-okta/lib/log-stream';
import { PolicyPassword } from '@cdktf/provider-okta/lib/policy-password';
import { PolicyRuleSignon } from '@cdktf/provider-okta/lib/policy-rule-signon';
import { PolicySignon } from '@cdktf/provider-okta/lib/policy-signon';
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { SecurityNotificationEmails } from '@cdktf/provider-okta/lib/security-notification-emails';
import { User } from '@cdktf/provider-okta/lib/user';
import { attest, attestBreakGlass, daysFromToday } from './expiry';
import type { ExampleCompany } from './company';

const PHISHING_RESISTANT = JSON.stringify({ possession: { required: true, phishingResistant: 'REQUIRED', userPresence: 'REQUIRED' } });

export class OktaOrgStack extends TerraformStack {
  constructor(scope: Construct, id: string, company: ExampleCompany) {
    super(scope, id);
    new OktaProvider(this, 'okta', { orgName: company.oktaOrg, baseUrl: 'okta.com' });
    const review = daysFromToday(company.attestationReviewDays);

    const staff = new Group(this, 'staff', { name: 'Staff' });
    const admins = new Group(this, 'admins', { name: 'Okta Administrators' });
    const adminsRole = new GroupRole(this, 'admins_super_admin', { groupId: admins.id, roleType: 'SUPER_ADMIN' });
    const serviceDesk = new Group(this, 'service_desk', { name: 'Service Desk' });
    const helpDeskRole = new GroupRole(this, 'service_desk_help_desk', { groupId: serviceDesk.id, roleType: 'HELP_DESK_ADMIN', targetGroupList: [staff.id] });
    // Okta admin roles are standing: the approval process for changing their holders is attested.
    for (const [name, role] of [['admins', adminsRole], ['service_desk', helpDeskRole]] as const) {
      attest(this, `${name}_supervised_changes`, { control: 'RG-04', subject: role, evidence: 'SEC-1107 role changes need a supervisor-approved ticket', expires: review });
    }

    const breakGlass = new Group(this, 'break_glass', { name: 'Break Glass' });
    new GroupRole(this, 'break_glass_super_admin', { groupId: breakGlass.id, roleType: 'SUPER_ADMIN' });
    const accounts = company.breakGlass.map((name, i) => {
      const user = new User(this, `breakglass_${i + 1}`, { login: `${name}@${company.domain}`, email: `${name}@${company.domain}`, firstName: 'Break', lastName: `Glass ${i + 1}` });
      attestBreakGlass(this, `breakglass_${i + 1}_expiry`, user, daysFromToday(company.breakGlassReviewDays));
      return user;
    });
    new GroupMemberships(this, 'break_glass_members', { groupId: breakGlass.id, users: accounts.map((a) => a.id) });

    // Everyone signs in with MFA; admins and break-glass accounts with a phishing-resistant factor.
    const everyone = new PolicySignon(this, 'everyone', { name: 'Everyone', status: 'ACTIVE', groupsIncluded: [staff.id, admins.id, serviceDesk.id] });
    new PolicyRuleSignon(this, 'everyone_mfa', { policyId: everyone.id, name: 'Require MFA', status: 'ACTIVE', mfaRequired: true, mfaPrompt: 'ALWAYS' });
    const adminConsole = new AppSignonPolicy(this, 'admin_console', { name: 'Okta Admin Console', description: 'Who may sign in to the Admin Console, and how' });
    new AppSignonPolicyRule(this, 'admins_phishing_resistant', {
      policyId: adminConsole.id,
      name: 'Admins and break glass: phishing-resistant',
      priority: 1,
      groupsIncluded: [admins.id, breakGlass.id],
      factorMode: '2FA',
      constraints: [PHISHING_RESISTANT],
    });

    // Recovery: email only, and the person is told about every change.
    new PolicyPassword(this, 'staff_passwords', { name: 'Staff', status: 'ACTIVE', groupsIncluded: [staff.id], smsRecovery: 'INACTIVE', callRecovery: 'INACTIVE', questionRecovery: 'INACTIVE', emailRecovery: 'ACTIVE' });
    new SecurityNotificationEmails(this, 'notify_users', {
      sendEmailForFactorResetEnabled: true,
      sendEmailForFactorEnrollmentEnabled: true,
      sendEmailForPasswordChangedEnabled: true,
      sendEmailForNewDeviceEnabled: true,
      reportSuspiciousActivityEnabled: true,
    });
    attest(this, 'enrollment_verified', { control: 'RG-09', evidence: 'SEC-1110 authenticator enrollment requires a phishing-resistant factor', expires: review });
    attest(this, 'temporary_codes_short_lived', { control: 'RG-10', evidence: 'SEC-1111 temporary access codes: single use, 1 hour', expires: review });

    // Logs and alerts: everything to the SIEM, recovery events and break-glass sign-ins as alerts.
    const token = new TerraformVariable(this, 'splunk_hec_token', { type: 'string', sensitive: true });
    new LogStream(this, 'siem', { name: 'SIEM', type: 'splunk_cloud_logstreaming', status: 'ACTIVE', settings: { host: company.splunkHost, edition: 'aws', token: token.stringValue } });
    new EventHook(this, 'recovery_alerts', {
      name: 'Recovery and break-glass alerts',
      status: 'ACTIVE',
      events: ['user.session.start', 'user.mfa.factor.reset_all', 'user.mfa.factor.deactivate', 'user.account.reset_password', 'user.account.privilege.grant'],
      channel: { type: 'HTTP', version: '1.0.0', uri: company.alertWebhook },
    });
  }
}
