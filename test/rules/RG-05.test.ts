import rule from '../../policies/rules/RG-05-no-self-approval';
import { testRule } from '../support/rule-tester';
import { ROLE } from '../support/fixtures';
import { configStack } from '../support/stacks';

const pim = (approver: string, extra: Record<string, Record<string, unknown>> = {}) =>
  configStack({
    azuread_user: { agent: { user_principal_name: 'agent@acme.example', display_name: 'Agent' } },
    azuread_group: {
      helpdesk: { display_name: 'Help desk', security_enabled: true, assignable_to_role: true },
      supervisors: { display_name: 'Supervisors', security_enabled: true },
      agents: { display_name: 'All agents', security_enabled: true, members: ['${azuread_user.agent.object_id}'] },
    },
    azuread_directory_role_assignment: {
      helpdesk: {
        role_id: ROLE.helpdeskAdministrator,
        principal_object_id: '${azuread_group.helpdesk.object_id}',
        directory_scope_id: '/administrativeUnits/x',
      },
    },
    azuread_privileged_access_group_eligibility_schedule: {
      agent: {
        group_id: '${azuread_group.helpdesk.object_id}',
        principal_id: '${azuread_user.agent.object_id}',
        assignment_type: 'member',
        duration: 'P90D',
      },
    },
    azuread_group_role_management_policy: {
      helpdesk: {
        group_id: '${azuread_group.helpdesk.object_id}',
        role_id: 'member',
        activation_rules: {
          require_approval: true,
          approval_stage: { primary_approver: [{ object_id: approver, type: 'groupMembers' }] },
        },
      },
    },
    ...extra,
  });
/** A Tier 0 group: its eligible admin activates Global Administrator only with the security leadership's approval. */
const tier0 = (extra: Record<string, Record<string, unknown>> = {}) =>
  configStack({
    azuread_user: { admin: { user_principal_name: 'ada@acme.example', display_name: 'Ada' } },
    azuread_group: {
      tier0: { display_name: 'Tier 0', security_enabled: true, assignable_to_role: true },
      leadership: { display_name: 'Security leadership', security_enabled: true },
    },
    azuread_directory_role_assignment: {
      tier0: { role_id: ROLE.globalAdministrator, principal_object_id: '${azuread_group.tier0.object_id}' },
    },
    azuread_privileged_access_group_eligibility_schedule: {
      admin: {
        group_id: '${azuread_group.tier0.object_id}',
        principal_id: '${azuread_user.admin.object_id}',
        assignment_type: 'member',
        duration: 'P90D',
      },
    },
    azuread_group_role_management_policy: {
      tier0: {
        group_id: '${azuread_group.tier0.object_id}',
        role_id: 'member',
        activation_rules: {
          require_approval: true,
          approval_stage: {
            primary_approver: [{ object_id: '${azuread_group.leadership.object_id}', type: 'groupMembers' }],
          },
        },
      },
    },
    ...extra,
  });
const customRole = (permissions: unknown) =>
  configStack({ okta_admin_role_custom: { reset: { label: 'Reset', description: 'x', permissions } } });

testRule(rule, {
  valid: [
    {
      name: 'supervisors approve the help desk',
      provider: 'entra',
      stack: pim('${azuread_group.supervisors.object_id}'),
    },
    {
      name: 'Tier 0: once approved as Global Administrator the admin could change the approvers, but that chain runs through the very activation they approve',
      provider: 'entra',
      stack: tier0(),
    },
    {
      name: 'credential role without membership or profile permissions',
      provider: 'okta',
      stack: customRole(['okta.users.credentials.resetFactors', 'okta.users.read']),
    },
  ],
  invalid: [
    {
      name: "the agents' own group approves",
      provider: 'entra',
      stack: pim('${azuread_group.agents.object_id}'),
      expect: [{ messageId: 'selfApproval', resource: 'azuread_group_role_management_policy.helpdesk' }],
    },
    {
      name: 'the activated group approves itself',
      provider: 'entra',
      stack: pim('${azuread_group.helpdesk.object_id}'),
      expect: [
        {
          messageId: 'selfApproval',
          resource: 'azuread_group_role_management_policy.helpdesk',
          data: {
            policy: 'azuread_group_role_management_policy.helpdesk',
            approver: 'azuread_group.helpdesk',
            group: 'azuread_group.helpdesk',
            why: 'it is the group being activated',
          },
        },
      ],
    },
    {
      name: 'only through a chain: the eligible agent owns the supervisors group and can add itself',
      provider: 'entra',
      stack: pim('${azuread_group.supervisors.object_id}', {
        azuread_group: {
          helpdesk: { display_name: 'Help desk', security_enabled: true, assignable_to_role: true },
          supervisors: {
            display_name: 'Supervisors',
            security_enabled: true,
            owners: ['${azuread_user.agent.object_id}'],
          },
          agents: { display_name: 'All agents', security_enabled: true },
        },
      }),
      expect: [
        {
          messageId: 'approverReachable',
          resource: 'azuread_group_role_management_policy.helpdesk',
          data: {
            policy: 'azuread_group_role_management_policy.helpdesk',
            group: 'azuread_group.helpdesk',
            member: 'azuread_user.agent',
            approver: 'azuread_group.supervisors',
            count: 1,
          },
        },
      ],
    },
    {
      name: 'Tier 0, but the eligible admin can add themselves to the approvers today (as a Groups Administrator), no activation needed',
      provider: 'entra',
      stack: tier0({
        azuread_directory_role_assignment: {
          tier0: { role_id: ROLE.globalAdministrator, principal_object_id: '${azuread_group.tier0.object_id}' },
          groups: {
            role_id: 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
            principal_object_id: '${azuread_user.admin.object_id}',
          },
        },
      }),
      expect: [{ messageId: 'approverReachable', resource: 'azuread_group_role_management_policy.tier0' }],
    },
    {
      name: 'reset authority and Privileged Role Administrator on one principal',
      provider: 'entra',
      stack: pim('${azuread_group.supervisors.object_id}', {
        azuread_directory_role_assignment: {
          helpdesk: {
            role_id: ROLE.helpdeskAdministrator,
            principal_object_id: '${azuread_group.helpdesk.object_id}',
            directory_scope_id: '/administrativeUnits/x',
          },
          pra: {
            role_id: ROLE.privilegedRoleAdministrator,
            principal_object_id: '${azuread_group.helpdesk.object_id}',
          },
        },
      }),
      expect: [
        {
          messageId: 'separationOfDuties',
          resource: 'azuread_directory_role_assignment.pra',
          data: {
            principal: 'azuread_group.helpdesk',
            reset: 'Helpdesk Administrator',
            assignment: 'azuread_directory_role_assignment.pra',
          },
        },
      ],
    },
    {
      name: 'access package granting the help desk without approval',
      provider: 'entra',
      stack: pim('${azuread_group.supervisors.object_id}', {
        azuread_access_package_catalog: { c: { display_name: 'C', description: 'c' } },
        azuread_access_package: {
          hd: { catalog_id: '${azuread_access_package_catalog.c.id}', display_name: 'Help desk', description: 'x' },
        },
        azuread_access_package_resource_catalog_association: {
          hd: {
            catalog_id: '${azuread_access_package_catalog.c.id}',
            resource_origin_id: '${azuread_group.helpdesk.object_id}',
            resource_origin_system: 'AadGroup',
          },
        },
        azuread_access_package_resource_package_association: {
          hd: {
            access_package_id: '${azuread_access_package.hd.id}',
            catalog_resource_association_id: '${azuread_access_package_resource_catalog_association.hd.id}',
          },
        },
        azuread_access_package_assignment_policy: {
          hd: {
            access_package_id: '${azuread_access_package.hd.id}',
            display_name: 'p',
            description: 'p',
            approval_settings: { approval_required: false },
          },
        },
      }),
      expect: [
        {
          messageId: 'packageNoApproval',
          resource: 'azuread_access_package_assignment_policy.hd',
          data: { policy: 'azuread_access_package_assignment_policy.hd', grant: 'azuread_group.helpdesk' },
        },
      ],
    },
    {
      name: 'credential role that also manages group membership',
      provider: 'okta',
      stack: customRole(['okta.users.credentials.resetFactors', 'okta.groups.members.manage']),
      expect: [
        {
          messageId: 'oktaSelfGrant',
          resource: 'okta_admin_role_custom.reset',
          data: { role: 'okta_admin_role_custom.reset', permissions: 'okta.groups.members.manage' },
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'approver from a variable',
      provider: 'entra',
      stack: pim('${var.approver}'),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'azuread_group_role_management_policy.helpdesk',
          data: {
            what: 'who approves activations in azuread_group_role_management_policy.helpdesk',
            why: 'the approver is not known',
          },
        },
      ],
    },
    {
      name: 'Tier 0 whose approver comes from a variable',
      provider: 'entra',
      stack: tier0({
        azuread_group_role_management_policy: {
          tier0: {
            group_id: '${azuread_group.tier0.object_id}',
            role_id: 'member',
            activation_rules: {
              require_approval: true,
              approval_stage: { primary_approver: [{ object_id: '${var.approvers}', type: 'groupMembers' }] },
            },
          },
        },
      }),
      expect: [{ messageId: 'cannotVerify', resource: 'azuread_group_role_management_policy.tier0' }],
    },
    {
      name: 'permissions from a variable',
      provider: 'okta',
      stack: customRole('${var.permissions}'),
      expect: [{ messageId: 'cannotVerify', resource: 'okta_admin_role_custom.reset' }],
    },
  ],
});
