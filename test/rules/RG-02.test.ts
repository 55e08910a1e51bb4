import rule from '../../policies/rules/RG-02-privileged-identities-out-of-operator-reach';
import { testRule } from '../support/rule-tester';
import { ENTRA_BREAK_GLASS, OKTA_BREAK_GLASS, ROLE } from '../support/fixtures';
import { configStack } from '../support/stacks';

// Okta: the help desk targets Staff; whether Staff reaches an admin is the case.
const okta = (staffMembers: unknown, extra: Record<string, Record<string, unknown>> = {}) =>
  configStack({
    okta_user: {
      ...OKTA_BREAK_GLASS,
      ann: { login: 'ann@acme.example', email: 'ann@acme.example', first_name: 'Ann', last_name: 'A' },
      sam: { login: 'sam@acme.example', email: 'sam@acme.example', first_name: 'Sam', last_name: 'S' },
    },
    okta_group: { staff: { name: 'Staff' }, helpdesk: { name: 'Help desk' }, admins: { name: 'Admins' } },
    okta_group_memberships: {
      staff: { group_id: '${okta_group.staff.id}', users: staffMembers },
      admins: { group_id: '${okta_group.admins.id}', users: ['${okta_user.ann.id}'] },
    },
    okta_group_role: {
      helpdesk: {
        group_id: '${okta_group.helpdesk.id}',
        role_type: 'HELP_DESK_ADMIN',
        target_group_list: ['${okta_group.staff.id}'],
      },
      admins: { group_id: '${okta_group.admins.id}', role_type: 'ORG_ADMIN' },
    },
    ...extra,
  });

/** A custom reset role over a resource set of the given entries. */
const resetOver = (resources?: string[], orns?: string[]) =>
  okta(['${okta_user.sam.id}'], {
    okta_admin_role_custom: {
      reset: { label: 'Reset', description: 'x', permissions: ['okta.users.credentials.resetFactors'] },
    },
    okta_resource_set: {
      set: {
        label: 'Set',
        description: 'x',
        ...(resources ? { resources } : {}),
        ...(orns ? { resources_orn: orns } : {}),
      },
    },
    okta_admin_role_custom_assignments: {
      reset: {
        custom_role_id: '${okta_admin_role_custom.reset.id}',
        resource_set_id: '${okta_resource_set.set.id}',
        members: ['https://acme.okta.com/api/v1/groups/${okta_group.helpdesk.id}'],
      },
    },
  });

// Entra: the help desk is scoped to the Staff unit.
const entra = (unitMembers: unknown, extra: Record<string, Record<string, unknown>> = {}) =>
  configStack({
    azuread_user: {
      ...ENTRA_BREAK_GLASS,
      ann: { user_principal_name: 'ann@acme.example', display_name: 'Ann' },
      sam: { user_principal_name: 'sam@acme.example', display_name: 'Sam' },
    },
    azuread_group: {
      helpdesk: { display_name: 'Help desk', security_enabled: true, assignable_to_role: true },
      pam: {
        display_name: 'Privileged admins',
        security_enabled: true,
        assignable_to_role: true,
        members: ['${azuread_user.sam.object_id}'],
      },
    },
    azuread_administrative_unit: { staff: { display_name: 'Staff', members: unitMembers } },
    azuread_directory_role_assignment: {
      helpdesk: {
        role_id: ROLE.helpdeskAdministrator,
        principal_object_id: '${azuread_group.helpdesk.object_id}',
        directory_scope_id: '/administrativeUnits/${azuread_administrative_unit.staff.object_id}',
      },
      ann: { role_id: ROLE.securityAdministrator, principal_object_id: '${azuread_user.ann.object_id}' },
      pam: {
        role_id: ROLE.privilegedAuthenticationAdministrator,
        principal_object_id: '${azuread_group.pam.object_id}',
      },
    },
    ...extra,
  });

testRule(rule, {
  valid: [
    { name: 'target group holds only staff', provider: 'okta', stack: okta(['${okta_user.sam.id}']) },
    {
      name: 'a resource set of the admin group object: user permissions over a group object reach nobody',
      provider: 'okta',
      stack: resetOver(['https://acme.okta.com/api/v1/groups/${okta_group.admins.id}']),
    },
    {
      name: 'unit holds staff, and an admin whose privilege comes through a role-assignable group',
      provider: 'entra',
      stack: entra(['${azuread_user.sam.object_id}']),
    },
    {
      name: 'unit holds the role-assignable admins group itself: its members are not in scope, and it is beyond scoped operators',
      provider: 'entra',
      stack: entra(['${azuread_user.sam.object_id}', '${azuread_group.pam.object_id}']),
    },
  ],
  invalid: [
    {
      name: 'target group contains an admin',
      provider: 'okta',
      stack: okta(['${okta_user.sam.id}', '${okta_user.ann.id}']),
      expect: [
        {
          messageId: 'reachesPrivileged',
          resource: 'okta_group_role.helpdesk',
          data: {
            role: 'HELP_DESK_ADMIN',
            principal: 'okta_group.helpdesk',
            scope: 'okta_group.staff',
            reached: 'okta_user.ann (privileged)',
          },
        },
      ],
    },
    {
      name: 'target group contains a break-glass account',
      provider: 'okta',
      stack: okta(['${okta_user.bg1.id}']),
      expect: [{ messageId: 'reachesPrivileged', resource: 'okta_group_role.helpdesk' }],
    },
    {
      name: 'resource set names the users of the admin group',
      provider: 'okta',
      stack: resetOver(['https://acme.okta.com/api/v1/groups/${okta_group.admins.id}/users']),
      expect: [{ messageId: 'reachesPrivileged', resource: 'okta_admin_role_custom_assignments.reset' }],
    },
    {
      name: 'resource set names the users of the admin group by ORN',
      provider: 'okta',
      stack: resetOver(undefined, ['orn:okta:directory:00o1:groups:${okta_group.admins.id}:contained_resources']),
      expect: [{ messageId: 'reachesPrivileged', resource: 'okta_admin_role_custom_assignments.reset' }],
    },
    {
      name: 'only through a chain: the unit holds no administrator, but a member owns the admins group',
      provider: 'entra',
      stack: entra(['${azuread_user.sam.object_id}'], {
        azuread_group: {
          helpdesk: { display_name: 'Help desk', security_enabled: true, assignable_to_role: true },
          pam: {
            display_name: 'Privileged admins',
            security_enabled: true,
            assignable_to_role: true,
            members: ['${azuread_user.ann.object_id}'],
            owners: ['${azuread_user.sam.object_id}'],
          },
        },
      }),
      expect: [
        {
          messageId: 'reachesThroughChain',
          resource: 'azuread_directory_role_assignment.helpdesk',
          data: {
            role: 'Helpdesk Administrator',
            principal: 'azuread_group.helpdesk',
            scope: 'azuread_administrative_unit.staff',
            count: 3,
            target: 'azuread_group.pam',
          },
        },
      ],
    },
    {
      name: 'unit contains a directly assigned Security Administrator',
      provider: 'entra',
      stack: entra(['${azuread_user.ann.object_id}']),
      expect: [{ messageId: 'reachesPrivileged', resource: 'azuread_directory_role_assignment.helpdesk' }],
    },
    {
      name: 'unit contains a break-glass account (member resource)',
      provider: 'entra',
      stack: entra([], {
        azuread_administrative_unit_member: {
          bg: {
            administrative_unit_object_id: '${azuread_administrative_unit.staff.object_id}',
            member_object_id: '${azuread_user.bg1.object_id}',
          },
        },
      }),
      expect: [{ messageId: 'reachesPrivileged', resource: 'azuread_directory_role_assignment.helpdesk' }],
    },
  ],
  unknown: [
    {
      name: 'target group members from a variable',
      provider: 'okta',
      stack: okta('${var.staff}'),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'okta_group_role.helpdesk',
          data: {
            what: 'who okta_group_role.helpdesk can reset',
            why: 'the members of okta_group.staff are not all known',
          },
        },
      ],
    },
    {
      name: 'unit members from a variable',
      provider: 'entra',
      stack: entra('${var.staff}'),
      expect: [{ messageId: 'cannotVerify', resource: 'azuread_directory_role_assignment.helpdesk' }],
    },
  ],
});
