import rule from '../../policies/rules/RG-20-vendor-cannot-weaken-mfa';
import { testRule } from '../support/rule-tester';
import { ROLE } from '../support/fixtures';
import { configStack } from '../support/stacks';

const entra = (role: string, principal = '${azuread_invitation.pat.user_id}') =>
  configStack({
    azuread_invitation: {
      pat: { user_email_address: 'pat@contoso.example', redirect_url: 'https://myapps.microsoft.com' },
    },
    azuread_user: { sam: { user_principal_name: 'sam@acme.example', display_name: 'Sam' } },
    azuread_group: { partners: { display_name: 'Partner support', security_enabled: true, assignable_to_role: true } },
    azuread_directory_role_assignment: {
      vendor: { role_id: role, principal_object_id: principal, directory_scope_id: '/administrativeUnits/x' },
    },
  });
const okta = (roleType: string, extra: Record<string, unknown> = {}) =>
  configStack({
    okta_group: { msp: { name: 'MSP support' } },
    okta_admin_role_custom: {
      policies: { label: 'Policies', description: 'x', permissions: ['okta.policies.manage'] },
    },
    okta_group_role: {
      msp: { group_id: '${okta_group.msp.id}', role_type: roleType, target_group_list: ['00g1'], ...extra },
    },
  });

testRule(rule, {
  valid: [
    {
      name: 'guest with a scoped Helpdesk Administrator role',
      provider: 'entra',
      stack: entra(ROLE.helpdeskAdministrator),
    },
    {
      name: 'staff member may hold Security Administrator',
      provider: 'entra',
      stack: entra(ROLE.securityAdministrator, '${azuread_user.sam.object_id}'),
    },
    { name: 'MSP group with a scoped help-desk role', provider: 'okta', stack: okta('HELP_DESK_ADMIN') },
  ],
  invalid: [
    {
      name: 'guest holds Conditional Access Administrator',
      provider: 'entra',
      stack: entra(ROLE.conditionalAccessAdministrator),
      expect: [
        {
          messageId: 'vendorPrivileged',
          resource: 'azuread_directory_role_assignment.vendor',
          data: {
            role: 'Conditional Access Administrator',
            assignment: 'azuread_directory_role_assignment.vendor',
            principal: 'azuread_invitation.pat',
            vendor: 'a vendor principal',
          },
        },
      ],
    },
    {
      name: 'partner group holds Privileged Authentication Administrator',
      provider: 'entra',
      stack: entra(ROLE.privilegedAuthenticationAdministrator, '${azuread_group.partners.object_id}'),
      expect: [{ messageId: 'vendorPrivileged', resource: 'azuread_directory_role_assignment.vendor' }],
    },
    {
      name: 'only through a chain: the vendor group owns the help-desk group, whose unit holds an administrator',
      provider: 'entra',
      stack: configStack({
        azuread_user: { admin: { user_principal_name: 'admin@acme.example', display_name: 'Admin' } },
        azuread_administrative_unit: { staff: { display_name: 'Staff', members: ['${azuread_user.admin.object_id}'] } },
        azuread_group: {
          vendor: { display_name: 'Contoso vendor support', security_enabled: true },
          helpdesk: {
            display_name: 'Help desk',
            security_enabled: true,
            assignable_to_role: true,
            owners: ['${azuread_group.vendor.object_id}'],
          },
        },
        azuread_directory_role_assignment: {
          helpdesk: {
            role_id: ROLE.helpdeskAdministrator,
            principal_object_id: '${azuread_group.helpdesk.object_id}',
            directory_scope_id: '/administrativeUnits/${azuread_administrative_unit.staff.object_id}',
          },
          admin: { role_id: ROLE.securityAdministrator, principal_object_id: '${azuread_user.admin.object_id}' },
        },
      }),
      expect: [
        {
          messageId: 'vendorChain',
          resource: 'azuread_group.helpdesk',
          data: {
            vendor: 'azuread_group.vendor',
            target: 'azuread_user.admin',
            count: 3,
            first: 'can add members to azuread_group.helpdesk (azuread_group.helpdesk)',
          },
        },
      ],
    },
    {
      name: 'MSP group holds ORG_ADMIN',
      provider: 'okta',
      stack: okta('ORG_ADMIN'),
      expect: [{ messageId: 'vendorPrivileged', resource: 'okta_group_role.msp' }],
    },
    {
      name: 'MSP group holds a custom role with okta.policies.manage',
      provider: 'okta',
      stack: okta('CUSTOM', { role_id: '${okta_admin_role_custom.policies.id}' }),
      expect: [{ messageId: 'vendorPrivileged', resource: 'okta_group_role.msp' }],
    },
  ],
  unknown: [
    {
      name: "guest's role from a variable",
      provider: 'entra',
      stack: entra('${var.role}'),
      expect: [{ messageId: 'cannotVerify', resource: 'azuread_directory_role_assignment.vendor' }],
    },
    {
      name: 'MSP role type from a variable',
      provider: 'okta',
      stack: okta('${var.role_type}'),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'okta_group_role.msp',
          data: { what: 'which role okta_group_role.msp gives a vendor principal', why: 'the role is not known' },
        },
      ],
    },
  ],
});
