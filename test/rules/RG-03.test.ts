import rule from '../../policies/rules/RG-03-reset-authority-just-in-time';
import { testRule } from '../support/rule-tester';
import { configStack } from '../support/stacks';

const GA = '62e90394-69f5-4237-9190-012177145e10';
const AUTH_ADMIN = 'c4e39bd9-1100-46d3-8c65-fb160da0071f';
const users = {
  jo: { user_principal_name: 'jo@acme.example', display_name: 'Jo Doe' },
  bg1: { user_principal_name: 'breakglass1@acme.onmicrosoft.com', display_name: 'Break Glass 1' },
};
const pimGroup = { display_name: 'Recovery operators', security_enabled: true, assignable_to_role: true };
const eligibility = {
  ops: {
    group_id: '${azuread_group.ops.object_id}',
    principal_id: '${azuread_user.jo.object_id}',
    assignment_type: 'member',
    duration: 'P180D',
  },
};

testRule(rule, {
  valid: [
    {
      name: 'admin roles assigned to groups only',
      provider: 'okta',
      stack: configStack({
        okta_group: { hd: { name: 'Helpdesk' } },
        okta_group_role: {
          hd: { group_id: '${okta_group.hd.id}', role_type: 'HELP_DESK_ADMIN', target_group_list: ['x'] },
        },
      }),
    },
    {
      name: 'break-glass user holds SUPER_ADMIN directly',
      provider: 'okta',
      stack: configStack({
        okta_user: {
          bg1: {
            login: 'breakglass1@acme.example',
            first_name: 'Break',
            last_name: 'Glass',
            email: 'bg1@acme.example',
          },
        },
        okta_user_admin_roles: { bg1: { user_id: '${okta_user.bg1.id}', admin_roles: ['SUPER_ADMIN'] } },
      }),
    },
    {
      name: 'role on a role-assignable group whose members arrive through PIM eligibility',
      provider: 'entra',
      stack: configStack({
        azuread_user: users,
        azuread_group: { ops: pimGroup },
        azuread_directory_role_assignment: {
          ops: {
            role_id: AUTH_ADMIN,
            principal_object_id: '${azuread_group.ops.object_id}',
            directory_scope_id: '/administrativeUnits/1',
          },
        },
        azuread_privileged_access_group_eligibility_schedule: eligibility,
      }),
    },
    {
      name: 'eligibility request to a user; break-glass holds Global Administrator standing',
      provider: 'entra',
      stack: configStack({
        azuread_user: users,
        azuread_directory_role_eligibility_schedule_request: {
          jo: {
            role_definition_id: AUTH_ADMIN,
            principal_id: '${azuread_user.jo.object_id}',
            directory_scope_id: '/',
            justification: 'x',
          },
        },
        azuread_directory_role_assignment: {
          bg1: { role_id: GA, principal_object_id: '${azuread_user.bg1.object_id}' },
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'admin role assigned to an individual user; custom role with a user member',
      provider: 'okta',
      stack: configStack({
        okta_user: { jo: { login: 'jo@acme.example', first_name: 'Jo', last_name: 'Doe', email: 'jo@acme.example' } },
        okta_user_admin_roles: { jo: { user_id: '${okta_user.jo.id}', admin_roles: ['HELP_DESK_ADMIN'] } },
        okta_admin_role_custom: { c: { label: 'C', permissions: ['okta.users.credentials.resetFactors'] } },
        okta_resource_set: { s: { label: 'S', resources: ['https://acme.okta.com/api/v1/groups/00g1'] } },
        okta_admin_role_custom_assignments: {
          c: {
            custom_role_id: '${okta_admin_role_custom.c.id}',
            resource_set_id: '${okta_resource_set.s.id}',
            members: ['https://acme.okta.com/api/v1/users/${okta_user.jo.id}'],
          },
        },
      }),
      expect: [
        {
          messageId: 'oktaUserRole',
          resource: 'okta_user_admin_roles.jo',
          data: { role: 'HELP_DESK_ADMIN', principal: 'okta_user.jo' },
        },
        { messageId: 'oktaUserRole', resource: 'okta_admin_role_custom_assignments.c' },
      ],
    },
    {
      name: 'standing assignment to a user',
      provider: 'entra',
      stack: configStack({
        azuread_user: users,
        azuread_directory_role_assignment: {
          jo: {
            role_id: AUTH_ADMIN,
            principal_object_id: '${azuread_user.jo.object_id}',
            directory_scope_id: '/administrativeUnits/1',
          },
        },
      }),
      expect: [
        {
          messageId: 'standingUser',
          resource: 'azuread_directory_role_assignment.jo',
          data: { role: 'Authentication Administrator', principal: 'azuread_user.jo' },
        },
      ],
    },
    {
      name: 'group with a static member, a group that is not role-assignable, a permanent PIM assignment',
      provider: 'entra',
      stack: configStack({
        azuread_user: users,
        azuread_group: {
          statics: { ...pimGroup, members: ['${azuread_user.jo.object_id}'] },
          plain: { display_name: 'Plain', security_enabled: true },
          perm: pimGroup,
        },
        azuread_privileged_access_group_eligibility_schedule: {
          p: {
            group_id: '${azuread_group.perm.object_id}',
            principal_id: '${azuread_user.jo.object_id}',
            assignment_type: 'member',
            duration: 'P30D',
          },
        },
        azuread_privileged_access_group_assignment_schedule: {
          p: {
            group_id: '${azuread_group.perm.object_id}',
            principal_id: '${azuread_user.jo.object_id}',
            assignment_type: 'member',
            permanent_assignment: true,
          },
        },
        azuread_directory_role_assignment: {
          statics: { role_id: GA, principal_object_id: '${azuread_group.statics.object_id}' },
          plain: {
            role_id: AUTH_ADMIN,
            principal_object_id: '${azuread_group.plain.object_id}',
            directory_scope_id: '/administrativeUnits/1',
          },
          perm: {
            role_id: AUTH_ADMIN,
            principal_object_id: '${azuread_group.perm.object_id}',
            directory_scope_id: '/administrativeUnits/1',
          },
        },
      }),
      expect: [
        {
          messageId: 'standingGroup',
          resource: 'azuread_directory_role_assignment.statics',
          data: {
            role: 'Global Administrator',
            principal: 'azuread_group.statics',
            reason: 'it has static members (azuread_user.jo)',
          },
        },
        { messageId: 'standingGroup', resource: 'azuread_directory_role_assignment.plain' },
        { messageId: 'standingGroup', resource: 'azuread_directory_role_assignment.perm' },
      ],
    },
  ],
  unknown: [
    {
      name: 'user of a direct assignment from a variable',
      provider: 'okta',
      stack: configStack({ okta_user_admin_roles: { x: { user_id: '${var.user}', admin_roles: ['SUPER_ADMIN'] } } }),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'okta_user_admin_roles.x',
          data: {
            role: 'SUPER_ADMIN',
            principal: 'an unknown principal',
            what: 'whether okta_user_admin_roles.x assigns the role to a break-glass account',
            why: 'the user is not known',
          },
        },
      ],
    },
    {
      name: 'principal from a variable; role from a variable',
      provider: 'entra',
      stack: configStack({
        azuread_directory_role_assignment: {
          p: {
            role_id: AUTH_ADMIN,
            principal_object_id: '${var.principal}',
            directory_scope_id: '/administrativeUnits/1',
          },
          r: { role_id: '${var.role}', principal_object_id: '${var.principal}' },
        },
      }),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'azuread_directory_role_assignment.p',
          data: {
            role: 'Authentication Administrator',
            principal: 'an unknown principal',
            what: 'whether azuread_directory_role_assignment.p assigns Authentication Administrator to a user or to a PIM-governed group',
            why: 'the principal is not known',
          },
        },
        {
          messageId: 'cannotVerify',
          resource: 'azuread_directory_role_assignment.r',
          data: {
            role: 'an unknown role',
            principal: 'an unknown principal',
            what: 'which role azuread_directory_role_assignment.r assigns',
            why: 'the role is not a literal',
          },
        },
      ],
    },
    {
      name: 'a principal managed elsewhere (a literal object id)',
      provider: 'entra',
      stack: configStack({
        azuread_directory_role_assignment: {
          p: {
            role_id: AUTH_ADMIN,
            principal_object_id: '00000000-0000-0000-0000-00000000000a',
            directory_scope_id: '/',
          },
        },
      }),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'azuread_directory_role_assignment.p',
          data: {
            role: 'Authentication Administrator',
            principal: 'an unknown principal',
            what: 'whether azuread_directory_role_assignment.p assigns Authentication Administrator to a user or to a PIM-governed group',
            why: 'the principal is not managed in this configuration',
          },
        },
      ],
    },
    {
      name: 'a group whose role-assignability or members are not known',
      provider: 'entra',
      stack: configStack({
        azuread_user: users,
        azuread_group: {
          ops: { ...pimGroup, assignable_to_role: '${var.assignable}' },
          ops2: { ...pimGroup, display_name: 'Ops 2', members: '${var.members}' },
        },
        azuread_directory_role_assignment: {
          a: { role_id: GA, principal_object_id: '${azuread_group.ops.object_id}' },
          b: { role_id: GA, principal_object_id: '${azuread_group.ops2.object_id}' },
        },
      }),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'azuread_directory_role_assignment.a',
          data: {
            role: 'Global Administrator',
            principal: 'azuread_group.ops',
            what: 'whether azuread_group.ops is a PIM-governed group',
            why: 'assignable_to_role is not known',
          },
        },
        {
          messageId: 'cannotVerify',
          resource: 'azuread_directory_role_assignment.b',
          data: {
            role: 'Global Administrator',
            principal: 'azuread_group.ops2',
            what: 'whether azuread_group.ops2 is a PIM-governed group',
            why: 'members is not known',
          },
        },
      ],
    },
  ],
});
