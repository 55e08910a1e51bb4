/** Example Entra ID tenant for a fictional company, built from recovery-gate's constructs: every rule holds. */
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { AdministrativeUnit } from '@cdktf/provider-azuread/lib/administrative-unit';
import { DirectoryRoleAssignment } from '@cdktf/provider-azuread/lib/directory-role-assignment';
import { Group } from '@cdktf/provider-azuread/lib/group';
import { PrivilegedAccessGroupEligibilitySchedule } from '@cdktf/provider-azuread/lib/privileged-access-group-eligibility-schedule';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { DataAzureadUser } from '@cdktf/provider-azuread/lib/data-azuread-user';
import {
  EntraAuditLogging,
  EntraAuthenticationMethods,
  EntraBreakGlass,
  EntraRecoveryOperators,
  EntraTieredAuthentication,
  SECURITY_ADMINISTRATOR,
  daysFromNow,
} from '../constructs';
import type { ExampleCompany } from './company';

export class EntraTenantStack extends TerraformStack {
  readonly operators: EntraRecoveryOperators;
  readonly breakGlass: EntraBreakGlass;

  constructor(scope: Construct, id: string, company: ExampleCompany) {
    super(scope, id);
    new AzureadProvider(this, 'azuread', {});
    // Staff exist already (HR provisioning or sync): read them, never create them here.
    const person = (name: string, upn: string) =>
      new DataAzureadUser(this, name, { userPrincipalName: `${upn}@${company.domain}` });

    this.breakGlass = new EntraBreakGlass(this, 'break_glass', {
      userPrincipalNames: company.breakGlass.map((name) => `${name}@${company.entraInitialDomain}`),
      expires: daysFromNow(company.breakGlassReviewDays),
      evidence: 'SEC-1042 quarterly break-glass review',
      approver: company.securityLead,
      monitoring: company.monitoring,
    });
    const staff = new Group(this, 'staff', { displayName: 'Staff', securityEnabled: true });
    const staffUnit = new AdministrativeUnit(this, 'staff_unit', {
      displayName: 'Staff',
      members: [person('staff_member', 'jo.doe').objectId],
    });
    const supervisors = new Group(this, 'service_desk_supervisors', {
      displayName: 'Service Desk Supervisors',
      securityEnabled: true,
    });
    this.operators = new EntraRecoveryOperators(this, 'service_desk', {
      displayName: 'Service Desk',
      scope: staffUnit,
      operators: [person('agent', 'sam.lee')],
      supervisors,
      notify: [company.securityMailbox],
    });

    // Security operators hold a privileged role through PIM for Groups.
    const secops = new Group(this, 'security_operators', {
      displayName: 'Security Operators',
      securityEnabled: true,
      assignableToRole: true,
    });
    new DirectoryRoleAssignment(this, 'security_operators_role', {
      roleId: SECURITY_ADMINISTRATOR,
      principalObjectId: secops.objectId,
    });
    new PrivilegedAccessGroupEligibilitySchedule(this, 'analyst_eligible', {
      groupId: secops.objectId,
      principalId: person('analyst', 'ria.sen').objectId,
      assignmentType: 'member',
      duration: 'P180D',
      justification: 'SOC rota',
    });
    const vendors = new Group(this, 'vendor_support', { displayName: 'Contoso Vendor Support', securityEnabled: true });

    new EntraTieredAuthentication(this, 'authentication', {
      tiers: { standard: [staff], privileged: [secops], vendor: [vendors] },
      operators: [this.operators.group],
      breakGlass: this.breakGlass.group,
    });
    new EntraAuthenticationMethods(this, 'methods', { tapMaxLifetimeMinutes: 240 });
    new EntraAuditLogging(this, 'audit', company.monitoring);
  }
}
