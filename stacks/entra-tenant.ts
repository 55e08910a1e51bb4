/** Example Entra ID tenant for a fictional company: every rule of the catalogue holds. */
import { TerraformResource, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { AdministrativeUnit } from '@cdktf/provider-azuread/lib/administrative-unit';
import { ConditionalAccessPolicy } from '@cdktf/provider-azuread/lib/conditional-access-policy';
import { DirectoryRoleAssignment } from '@cdktf/provider-azuread/lib/directory-role-assignment';
import { Group } from '@cdktf/provider-azuread/lib/group';
import { PrivilegedAccessGroupEligibilitySchedule } from '@cdktf/provider-azuread/lib/privileged-access-group-eligibility-schedule';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { User } from '@cdktf/provider-azuread/lib/user';
import { attestBreakGlass, daysFromToday } from './expiry';
import type { ExampleCompany } from './company';

const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
const HELPDESK_ADMINISTRATOR = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const IDENTITY_LOG_CATEGORIES = ['AuditLogs', 'SignInLogs', 'NonInteractiveUserSignInLogs', 'ServicePrincipalSignInLogs', 'RiskyUsers', 'UserRiskEvents', 'MicrosoftGraphActivityLogs'];

export class EntraTenantStack extends TerraformStack {
  constructor(scope: Construct, id: string, company: ExampleCompany) {
    super(scope, id);
    new AzureadProvider(this, 'azuread', {});

    const accounts = company.breakGlass.map((_name, i) => {
      const user = new User(this, `emergency_access_${i + 1}`, { userPrincipalName: `emergency-access-${i + 1}@${company.entraInitialDomain}`, displayName: `Emergency access ${i + 1}` });
      new DirectoryRoleAssignment(this, `emergency_access_${i + 1}_global_admin`, { roleId: GLOBAL_ADMINISTRATOR, principalObjectId: user.objectId });
      attestBreakGlass(this, `emergency_access_${i + 1}_expiry`, user, daysFromToday(company.breakGlassReviewDays));
      return user;
    });
    const breakGlass = new Group(this, 'break_glass', { displayName: 'Break Glass', securityEnabled: true, members: accounts.map((a) => a.objectId) });

    // The service desk resets staff authentication only, and only after activating membership.
    const staff = new AdministrativeUnit(this, 'staff', { displayName: 'Staff' });
    const serviceDesk = new Group(this, 'service_desk', { displayName: 'Service Desk', securityEnabled: true, assignableToRole: true });
    new DirectoryRoleAssignment(this, 'service_desk_helpdesk', { roleId: HELPDESK_ADMINISTRATOR, principalObjectId: serviceDesk.objectId, directoryScopeId: `/administrativeUnits/${staff.objectId}` });
    const agent = new User(this, 'service_desk_agent', { userPrincipalName: `sam.lee@${company.domain}`, displayName: 'Sam Lee' });
    new PrivilegedAccessGroupEligibilitySchedule(this, 'service_desk_agent_eligible', { groupId: serviceDesk.objectId, principalId: agent.objectId, assignmentType: 'member', duration: 'P180D', justification: 'Service desk rota' });

    new ConditionalAccessPolicy(this, 'everyone_mfa', {
      displayName: 'Require MFA for everyone',
      state: 'enabled',
      conditions: {
        clientAppTypes: ['all'],
        users: { includedUsers: ['All'], excludedGroups: [breakGlass.objectId] },
        applications: { includedApplications: ['All'] },
      },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    });

    // azurerm has no binding here: the diagnostic setting is a plain resource.
    const logs = new TerraformResource(this, 'identity_logs', { terraformResourceType: 'azurerm_monitor_aad_diagnostic_setting' });
    logs.addOverride('name', 'identity-to-sentinel');
    logs.addOverride('log_analytics_workspace_id', company.logAnalyticsWorkspaceId);
    logs.addOverride('enabled_log', IDENTITY_LOG_CATEGORIES.map((category) => ({ category })));
  }
}
