/** Example Entra ID tenant for a fictional company: every rule of the catalogue holds. */
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { AdministrativeUnit } from '@cdktf/provider-azuread/lib/administrative-unit';
import { ConditionalAccessPolicy, ConditionalAccessPolicyConfig } from '@cdktf/provider-azuread/lib/conditional-access-policy';
import { DirectoryRoleAssignment } from '@cdktf/provider-azuread/lib/directory-role-assignment';
import { Group } from '@cdktf/provider-azuread/lib/group';
import { GroupRoleManagementPolicy } from '@cdktf/provider-azuread/lib/group-role-management-policy';
import { PrivilegedAccessGroupEligibilitySchedule } from '@cdktf/provider-azuread/lib/privileged-access-group-eligibility-schedule';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { User } from '@cdktf/provider-azuread/lib/user';
import { attestBreakGlass, daysFromToday, rawResource } from './expiry';
import type { ExampleCompany } from './company';

const ROLE = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
};
const PHISHING_RESISTANT = '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004';
const IDENTITY_LOG_CATEGORIES = ['AuditLogs', 'SignInLogs', 'NonInteractiveUserSignInLogs', 'ServicePrincipalSignInLogs', 'RiskyUsers', 'UserRiskEvents', 'MicrosoftGraphActivityLogs'];
const RECOVERY_OPERATIONS = ['Admin registered security info', 'Admin deleted security info', 'Admin updated security info', 'Reset password (by admin)', 'Admin registered temporary access pass method for user'];
const AUTH_METHODS = 'policies/authenticationMethodsPolicy';

export class EntraTenantStack extends TerraformStack {
  constructor(scope: Construct, id: string, company: ExampleCompany) {
    super(scope, id);
    new AzureadProvider(this, 'azuread', {});
    this.addOverride('terraform.required_providers.azurerm', { source: 'hashicorp/azurerm', version: '~> 4.0' });
    this.addOverride('terraform.required_providers.msgraph', { source: 'microsoft/msgraph', version: '~> 0.2' });

    // Break glass: two cloud-only Global Administrators, re-attested every quarter.
    const accounts = company.breakGlass.map((_name, i) => {
      const user = new User(this, `emergency_access_${i + 1}`, { userPrincipalName: `emergency-access-${i + 1}@${company.entraInitialDomain}`, displayName: `Emergency access ${i + 1}` });
      new DirectoryRoleAssignment(this, `emergency_access_${i + 1}_global_admin`, { roleId: ROLE.globalAdministrator, principalObjectId: user.objectId });
      attestBreakGlass(this, `emergency_access_${i + 1}_expiry`, user, daysFromToday(company.breakGlassReviewDays));
      return user;
    });
    const breakGlass = new Group(this, 'break_glass', { displayName: 'Break Glass', securityEnabled: true, members: accounts.map((a) => a.objectId) });

    // The service desk resets staff authentication only, after a supervisor approves its activation.
    const staffUser = new User(this, 'staff_member', { userPrincipalName: `jo.doe@${company.domain}`, displayName: 'Jo Doe' });
    const staff = new AdministrativeUnit(this, 'staff', { displayName: 'Staff', members: [staffUser.objectId] });
    const serviceDesk = new Group(this, 'service_desk', { displayName: 'Service Desk', securityEnabled: true, assignableToRole: true });
    const supervisors = new Group(this, 'service_desk_supervisors', { displayName: 'Service Desk Supervisors', securityEnabled: true });
    new DirectoryRoleAssignment(this, 'service_desk_helpdesk', { roleId: ROLE.helpdeskAdministrator, principalObjectId: serviceDesk.objectId, directoryScopeId: `/administrativeUnits/${staff.objectId}` });
    const agent = new User(this, 'service_desk_agent', { userPrincipalName: `sam.lee@${company.domain}`, displayName: 'Sam Lee' });
    new PrivilegedAccessGroupEligibilitySchedule(this, 'service_desk_agent_eligible', { groupId: serviceDesk.objectId, principalId: agent.objectId, assignmentType: 'member', duration: 'P180D', justification: 'Service desk rota' });
    this.supervisedActivation('service_desk_activation', serviceDesk, supervisors, company);

    // Security operators hold a privileged role through PIM for Groups.
    const secops = new Group(this, 'security_operators', { displayName: 'Security Operators', securityEnabled: true, assignableToRole: true });
    new DirectoryRoleAssignment(this, 'security_operators_security_admin', { roleId: ROLE.securityAdministrator, principalObjectId: secops.objectId });
    const analyst = new User(this, 'security_analyst', { userPrincipalName: `ria.sen@${company.domain}`, displayName: 'Ria Sen' });
    new PrivilegedAccessGroupEligibilitySchedule(this, 'security_analyst_eligible', { groupId: secops.objectId, principalId: analyst.objectId, assignmentType: 'member', duration: 'P180D', justification: 'Security operations rota' });

    // Conditional access: MFA for everyone, phishing-resistant for privileged roles and break glass, MFA to register methods.
    const everyone = { clientAppTypes: ['all'], applications: { includedApplications: ['All'] } };
    const policy = (policyId: string, displayName: string, config: Pick<ConditionalAccessPolicyConfig, 'conditions' | 'grantControls'>) =>
      new ConditionalAccessPolicy(this, policyId, { displayName, state: 'enabled', ...config });
    policy('everyone_mfa', 'Require MFA for everyone', {
      conditions: { ...everyone, users: { includedUsers: ['All'], excludedGroups: [breakGlass.objectId] } },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    });
    policy('privileged_phishing_resistant', 'Privileged roles: phishing-resistant', {
      conditions: { ...everyone, users: { includedRoles: [ROLE.securityAdministrator, ROLE.globalAdministrator], excludedGroups: [breakGlass.objectId] } },
      grantControls: { operator: 'OR', authenticationStrengthPolicyId: PHISHING_RESISTANT },
    });
    policy('break_glass_phishing_resistant', 'Break glass: phishing-resistant', {
      conditions: { ...everyone, users: { includedGroups: [breakGlass.objectId] } },
      grantControls: { operator: 'OR', authenticationStrengthPolicyId: PHISHING_RESISTANT },
    });
    policy('register_security_info', 'Registering security info needs MFA', {
      conditions: { clientAppTypes: ['all'], applications: { includedUserActions: ['urn:user:registersecurityinfo'] }, users: { includedUsers: ['All'], excludedGroups: [breakGlass.objectId] } },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    });

    // Short-lived recovery, no SMS or voice, and users can report what they did not do.
    rawResource(this, 'temporary_access_pass', 'msgraph_update_resource', {
      url: `${AUTH_METHODS}/authenticationMethodConfigurations/TemporaryAccessPass`,
      body: { '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration', state: 'enabled', isUsableOnce: true, maximumLifetimeInMinutes: 240, defaultLifetimeInMinutes: 60 },
    });
    for (const method of ['Sms', 'Voice']) {
      rawResource(this, `${method.toLowerCase()}_off`, 'msgraph_update_resource', { url: `${AUTH_METHODS}/authenticationMethodConfigurations/${method}`, body: { '@odata.type': `#microsoft.graph.${method.toLowerCase()}AuthenticationMethodConfiguration`, state: 'disabled' } });
    }
    rawResource(this, 'report_suspicious_activity', 'msgraph_update_resource', {
      url: AUTH_METHODS,
      body: { reportSuspiciousActivitySettings: { state: 'enabled', includeTarget: { targetType: 'group', id: 'all_users' }, voiceReportingCode: 0 } },
    });

    // Logs leave the tenant; break-glass sign-ins and recovery operations raise alerts.
    rawResource(this, 'identity_logs', 'azurerm_monitor_aad_diagnostic_setting', {
      name: 'identity-to-sentinel',
      log_analytics_workspace_id: company.logAnalyticsWorkspaceId,
      enabled_log: IDENTITY_LOG_CATEGORIES.map((category) => ({ category })),
    });
    const names = accounts.map((a) => `"${a.userPrincipalName}"`).join(', ');
    this.logAlert('break_glass_sign_in', company, 0, `SigninLogs | where UserPrincipalName in (${names})`);
    this.logAlert('recovery_operations', company, 1, `AuditLogs | where OperationName in (${RECOVERY_OPERATIONS.map((o) => JSON.stringify(o)).join(', ')})`);
  }

  /** PIM for Groups activation: a supervisor approves, with justification and ticket, for at most four hours; security is told. */
  private supervisedActivation(id: string, group: Group, approvers: Group, company: ExampleCompany): GroupRoleManagementPolicy {
    return new GroupRoleManagementPolicy(this, id, {
      groupId: group.objectId,
      roleId: 'member',
      activationRules: {
        requireApproval: true,
        approvalStage: { primaryApprover: [{ objectId: approvers.objectId, type: 'groupMembers' }] },
        requireJustification: true,
        requireTicketInfo: true,
        requireMultifactorAuthentication: true,
        maximumDuration: 'PT4H',
      },
      notificationRules: { eligibleActivations: { adminNotifications: { defaultRecipients: true, notificationLevel: 'All', additionalRecipients: [company.securityMailbox] } } },
    });
  }

  private logAlert(id: string, company: ExampleCompany, severity: number, query: string): void {
    rawResource(this, id, 'azurerm_monitor_scheduled_query_rules_alert_v2', {
      name: id.replace(/_/g, '-'),
      resource_group_name: 'security',
      location: 'westeurope',
      scopes: [company.logAnalyticsWorkspaceId],
      evaluation_frequency: 'PT5M',
      window_duration: 'PT5M',
      severity,
      criteria: [{ query, time_aggregation_method: 'Count', operator: 'GreaterThan', threshold: 0 }],
      action: [{ action_groups: [company.securityActionGroupId] }],
    });
  }
}
