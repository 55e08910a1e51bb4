import rule from '../../policies/rules/RG-01-reset-authority-scoped';
import { testRule } from '../support/rule-tester';
import { configStack, planStack, simplePlan } from '../support/stacks';

const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const groups = { helpdesk: { name: 'Helpdesk' }, staff: { name: 'Staff' } };
const entraBase = {
  azuread_group: { helpdesk: { display_name: 'Helpdesk', security_enabled: true, assignable_to_role: true } },
  azuread_administrative_unit: { staff: { display_name: 'Staff' } },
};
const customRole = {
  credentials: { label: 'Recovery operator', permissions: ['okta.users.read', 'okta.users.credentials.resetFactors'] },
};

testRule(rule, {
  valid: [
    {
      name: 'help desk role limited to target groups',
      provider: 'okta',
      stack: configStack({
        okta_group: groups,
        okta_group_role: {
          hd: {
            group_id: '${okta_group.helpdesk.id}',
            role_type: 'HELP_DESK_ADMIN',
            target_group_list: ['${okta_group.staff.id}'],
          },
        },
      }),
    },
    {
      name: 'custom credential role through a resource set of named groups',
      provider: 'okta',
      stack: configStack({
        okta_group: groups,
        okta_admin_role_custom: customRole,
        okta_resource_set: {
          staff: { label: 'Staff', resources: ['https://acme.okta.com/api/v1/groups/${okta_group.staff.id}'] },
        },
        okta_admin_role_custom_assignments: {
          hd: {
            custom_role_id: '${okta_admin_role_custom.credentials.id}',
            resource_set_id: '${okta_resource_set.staff.id}',
            members: ['https://acme.okta.com/api/v1/groups/${okta_group.helpdesk.id}'],
          },
        },
      }),
    },
    {
      name: 'a non-operator role (read-only admin) is out of scope',
      provider: 'okta',
      stack: configStack({
        okta_group: groups,
        okta_group_role: { ro: { group_id: '${okta_group.helpdesk.id}', role_type: 'READ_ONLY_ADMIN' } },
      }),
    },
    {
      name: 'Helpdesk Administrator scoped to an administrative unit by reference',
      provider: 'entra',
      stack: configStack({
        ...entraBase,
        azuread_directory_role_assignment: {
          hd: {
            role_id: HELPDESK,
            principal_object_id: '${azuread_group.helpdesk.object_id}',
            directory_scope_id: '/administrativeUnits/${azuread_administrative_unit.staff.object_id}',
          },
        },
      }),
    },
    {
      name: 'role named through azuread_directory_role, eligible, scoped',
      provider: 'entra',
      stack: configStack({
        ...entraBase,
        azuread_directory_role: { auth: { display_name: 'Authentication Administrator' } },
        azuread_directory_role_eligibility_schedule_request: {
          hd: {
            role_definition_id: '${azuread_directory_role.auth.template_id}',
            principal_id: '${azuread_group.helpdesk.object_id}',
            directory_scope_id: '/administrativeUnits/${azuread_administrative_unit.staff.id}',
            justification: 'help desk',
          },
        },
      }),
    },
    {
      name: 'plan: scope unknown at plan time but built from an administrative unit reference',
      provider: 'entra',
      stack: planStack(
        simplePlan({
          'azuread_administrative_unit.staff': {
            values: { display_name: 'Staff' },
            unknown: { object_id: true, id: true },
          },
          'azuread_directory_role_assignment.hd': {
            values: { role_id: HELPDESK, principal_object_id: '1111' },
            unknown: { directory_scope_id: true, id: true },
            expressions: {
              role_id: { constant_value: HELPDESK },
              principal_object_id: { constant_value: '1111' },
              directory_scope_id: {
                references: ['azuread_administrative_unit.staff.object_id', 'azuread_administrative_unit.staff'],
              },
            },
          },
        }),
      ),
    },
    {
      name: 'a service principal is RG-22’s, not an operator',
      provider: 'entra',
      stack: configStack({
        azuread_service_principal: { automation: { client_id: '00000000-0000-0000-0000-000000000001' } },
        azuread_directory_role_assignment: {
          sp: { role_id: HELPDESK, principal_object_id: '${azuread_service_principal.automation.object_id}' },
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'help desk role over the whole org; user role too',
      provider: 'okta',
      stack: configStack({
        okta_group: groups,
        okta_user: { jo: { login: 'jo@acme.example', email: 'jo@acme.example', first_name: 'Jo', last_name: 'Doe' } },
        okta_group_role: { hd: { group_id: '${okta_group.helpdesk.id}', role_type: 'HELP_DESK_ADMIN' } },
        okta_user_admin_roles: { jo: { user_id: '${okta_user.jo.id}', admin_roles: ['USER_ADMIN'] } },
      }),
      expect: [
        {
          messageId: 'unscopedOkta',
          resource: 'okta_group_role.hd',
          data: { role: 'HELP_DESK_ADMIN', principal: 'okta_group.helpdesk', scope: 'directory scope "/"' },
        },
        { messageId: 'unscopedOkta', resource: 'okta_user_admin_roles.jo' },
      ],
    },
    {
      name: 'custom credential role through a resource set holding all users (URL and ORN)',
      provider: 'okta',
      stack: configStack({
        okta_group: groups,
        okta_admin_role_custom: customRole,
        okta_resource_set: {
          everyone: { label: 'Everyone', resources: ['https://acme.okta.com/api/v1/users'] },
          orn: { label: 'All groups', resources_orn: ['orn:okta:directory:00o1:groups'] },
        },
        okta_admin_role_custom_assignments: {
          url: {
            custom_role_id: '${okta_admin_role_custom.credentials.id}',
            resource_set_id: '${okta_resource_set.everyone.id}',
            members: ['https://acme.okta.com/api/v1/groups/${okta_group.helpdesk.id}'],
          },
        },
        okta_group_role: {
          custom: {
            group_id: '${okta_group.helpdesk.id}',
            role_type: 'CUSTOM',
            role_id: '${okta_admin_role_custom.credentials.id}',
            resource_set_id: '${okta_resource_set.orn.id}',
          },
        },
      }),
      expect: [
        {
          messageId: 'allPrincipalsInSet',
          resource: 'okta_admin_role_custom_assignments.url',
          data: {
            set: 'okta_resource_set.everyone',
            role: 'Recovery operator',
            what: 'users',
            entry: 'https://acme.okta.com/api/v1/users',
          },
        },
        { messageId: 'allPrincipalsInSet', resource: 'okta_group_role.custom' },
      ],
    },
    {
      name: 'Helpdesk Administrator at tenant scope; Password Administrator eligible at "/"',
      provider: 'entra',
      stack: configStack({
        ...entraBase,
        azuread_directory_role_assignment: {
          hd: { role_id: HELPDESK, principal_object_id: '${azuread_group.helpdesk.object_id}' },
        },
        azuread_directory_role_eligibility_schedule_request: {
          pw: {
            role_definition_id: '966707d0-3269-4727-9be2-8c3a10f19b9d',
            principal_id: '${azuread_group.helpdesk.object_id}',
            directory_scope_id: '/',
            justification: 'x',
          },
        },
      }),
      expect: [
        {
          messageId: 'unscopedEntra',
          resource: 'azuread_directory_role_assignment.hd',
          data: { role: 'Helpdesk Administrator', principal: 'azuread_group.helpdesk', scope: 'directory scope "/"' },
        },
        { messageId: 'unscopedEntra', resource: 'azuread_directory_role_eligibility_schedule_request.pw' },
      ],
    },
    {
      name: 'Helpdesk Administrator at a scope that is neither the tenant nor an administrative unit',
      provider: 'entra',
      stack: configStack({
        ...entraBase,
        azuread_directory_role_assignment: {
          hd: {
            role_id: HELPDESK,
            principal_object_id: '${azuread_group.helpdesk.object_id}',
            directory_scope_id: '/x',
          },
        },
      }),
      expect: [
        {
          messageId: 'unscopedEntra',
          resource: 'azuread_directory_role_assignment.hd',
          data: { role: 'Helpdesk Administrator', principal: 'azuread_group.helpdesk', scope: 'directory scope "/x"' },
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'a resource set named by an id this configuration does not hold',
      provider: 'okta',
      stack: configStack({
        okta_group: groups,
        okta_admin_role_custom: customRole,
        okta_admin_role_custom_assignments: {
          a: {
            custom_role_id: '${okta_admin_role_custom.credentials.id}',
            resource_set_id: 'iamkuwy3gqcfNexfQ697',
            members: ['https://acme.okta.com/api/v1/groups/${okta_group.helpdesk.id}'],
          },
        },
      }),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'okta_admin_role_custom_assignments.a',
          data: {
            what: 'the resource set of okta_admin_role_custom_assignments.a',
            why: 'resource_set_id names no okta_resource_set in this configuration',
          },
        },
      ],
    },
    {
      name: 'role type from a variable',
      provider: 'okta',
      stack: configStack({
        okta_group: groups,
        okta_group_role: { hd: { group_id: '${okta_group.helpdesk.id}', role_type: '${var.role}' } },
      }),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'okta_group_role.hd',
          data: { what: 'which role okta_group_role.hd grants', why: 'the role is not a literal' },
        },
      ],
    },
    {
      name: 'resource set entries from a variable',
      provider: 'okta',
      stack: configStack({
        okta_group: groups,
        okta_admin_role_custom: customRole,
        okta_resource_set: { s: { label: 'S', resources: '${var.entries}' } },
        okta_admin_role_custom_assignments: {
          a: {
            custom_role_id: '${okta_admin_role_custom.credentials.id}',
            resource_set_id: '${okta_resource_set.s.id}',
            members: ['https://acme.okta.com/api/v1/groups/${okta_group.helpdesk.id}'],
          },
        },
      }),
      expect: [{ messageId: 'cannotVerify', resource: 'okta_admin_role_custom_assignments.a' }],
    },
    {
      name: 'scope from a variable',
      provider: 'entra',
      stack: configStack({
        ...entraBase,
        azuread_directory_role_assignment: {
          hd: {
            role_id: HELPDESK,
            principal_object_id: '${azuread_group.helpdesk.object_id}',
            directory_scope_id: '${var.scope}',
          },
        },
      }),
      expect: [{ messageId: 'cannotVerify', resource: 'azuread_directory_role_assignment.hd' }],
    },
  ],
});
