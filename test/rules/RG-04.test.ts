import rule from '../../policies/rules/RG-04-supervised-activation';
import { testRule } from '../support/rule-tester';
import { withBoundaries } from '../support/boundaries';
import type { Boundary } from '../support/boundaries';
import { attestationBody, ROLE } from '../support/fixtures';
import { configStack } from '../support/stacks';

const activation = (extra: Record<string, unknown> = {}) => ({
  require_approval: true,
  require_justification: true,
  require_ticket_info: true,
  maximum_duration: 'PT4H',
  approval_stage: { primary_approver: [{ object_id: '${azuread_group.supervisors.object_id}', type: 'groupMembers' }] },
  ...extra,
});
const pimTenant = (policy: Record<string, unknown> | undefined) =>
  configStack({
    azuread_user: { agent: { user_principal_name: 'agent@acme.example', display_name: 'Agent' } },
    azuread_group: {
      helpdesk: { display_name: 'Help desk', security_enabled: true, assignable_to_role: true },
      supervisors: { display_name: 'Help desk supervisors', security_enabled: true },
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
        duration: 'P180D',
      },
    },
    ...(policy
      ? {
          azuread_group_role_management_policy: {
            helpdesk: { group_id: '${azuread_group.helpdesk.object_id}', role_id: 'member', ...policy },
          },
        }
      : {}),
  });
const eligibility = (extra: Record<string, Record<string, unknown>> = {}) =>
  configStack({
    azuread_user: { agent: { user_principal_name: 'agent@acme.example', display_name: 'Agent' } },
    azuread_directory_role_eligibility_schedule_request: {
      agent: {
        role_definition_id: ROLE.authenticationAdministrator,
        principal_id: '${azuread_user.agent.object_id}',
        directory_scope_id: '/administrativeUnits/x',
        justification: 'help desk',
      },
    },
    ...extra,
  });
const okta = (extra: Record<string, Record<string, unknown>> = {}) =>
  configStack({
    okta_group: { helpdesk: { name: 'Help desk' } },
    okta_group_role: {
      helpdesk: { group_id: '${okta_group.helpdesk.id}', role_type: 'HELP_DESK_ADMIN', target_group_list: ['00g1'] },
    },
    ...extra,
  });

/** Activation longer than pimMaxActivationHours (8, or what recovery-gate.json says) is a shortfall. */
const ACTIVATION_HOURS: Boundary = {
  what: 'activation hours',
  provider: 'entra',
  threshold: 'pimMaxActivationHours',
  bound: 'max',
  configured: 4,
  stack: (hours) => pimTenant({ activation_rules: activation({ maximum_duration: `PT${hours}H` }) }),
  beyond: (hours, limit) => [
    {
      messageId: 'weakActivation',
      resource: 'azuread_group_role_management_policy.helpdesk',
      data: {
        policy: 'azuread_group_role_management_policy.helpdesk',
        role: 'Helpdesk Administrator',
        shortfall: `for PT${hours}H`,
        fix: `maximum_duration = "PT${limit}H" or less`,
      },
    },
  ],
};

testRule(
  rule,
  withBoundaries(
    {
      valid: [
        {
          name: 'PIM group with supervised, ticketed, 4-hour activation',
          provider: 'entra',
          stack: pimTenant({ activation_rules: activation() }),
        },
        {
          name: 'role eligibility with approval required through msgraph',
          provider: 'entra',
          stack: eligibility({
            msgraph_update_resource: {
              approval: {
                url: 'policies/roleManagementPolicies/Directory_abc/rules/Approval_EndUser_Assignment',
                body: {
                  '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyApprovalRule',
                  setting: { isApprovalRequired: true },
                },
              },
            },
          }),
        },
        {
          name: 'role eligibility attested',
          provider: 'entra',
          stack: eligibility({
            terraform_data: {
              a: attestationBody('RG-04', {
                subject: '${azuread_directory_role_eligibility_schedule_request.agent.id}',
              }),
            },
          }),
        },
        {
          name: 'help desk role attested',
          provider: 'okta',
          stack: okta({ terraform_data: { a: attestationBody('RG-04', { subject: '${okta_group.helpdesk.id}' }) } }),
        },
      ],
      invalid: [
        {
          name: 'no policy for the PIM group',
          provider: 'entra',
          stack: pimTenant(undefined),
          expect: [
            {
              messageId: 'noPolicy',
              resource: 'azuread_group.helpdesk',
              data: { group: 'azuread_group.helpdesk', role: 'Helpdesk Administrator', hours: 8 },
            },
          ],
        },
        {
          name: 'no ticket, 12 hours',
          provider: 'entra',
          stack: pimTenant({ activation_rules: activation({ require_ticket_info: false, maximum_duration: 'PT12H' }) }),
          expect: [
            {
              messageId: 'weakActivation',
              resource: 'azuread_group_role_management_policy.helpdesk',
              data: {
                policy: 'azuread_group_role_management_policy.helpdesk',
                role: 'Helpdesk Administrator',
                shortfall: 'without a ticket, for PT12H',
                fix: 'require_ticket_info = true, maximum_duration = "PT8H" or less',
              },
            },
          ],
        },
        {
          name: 'four hours is too long where recovery-gate.json allows two',
          provider: 'entra',
          stack: pimTenant({ activation_rules: activation() }),
          thresholds: { pimMaxActivationHours: 2 },
          expect: [{ messageId: 'weakActivation', resource: 'azuread_group_role_management_policy.helpdesk' }],
        },
        {
          name: 'a policy without activation rules',
          provider: 'entra',
          stack: pimTenant({}),
          expect: [
            {
              messageId: 'weakActivation',
              resource: 'azuread_group_role_management_policy.helpdesk',
              data: {
                policy: 'azuread_group_role_management_policy.helpdesk',
                role: 'Helpdesk Administrator',
                shortfall: 'with no activation rules at all',
                fix: 'require_approval = true with a primary_approver, require_justification = true, require_ticket_info = true, maximum_duration = "PT8H"',
              },
            },
          ],
        },
        {
          name: 'an owner policy does not stand for the member policy',
          provider: 'entra',
          stack: pimTenant({ role_id: 'owner', activation_rules: activation() }),
          expect: [{ messageId: 'noPolicy', resource: 'azuread_group.helpdesk' }],
        },
        {
          name: 'approval without an approver',
          provider: 'entra',
          stack: pimTenant({ activation_rules: activation({ approval_stage: { primary_approver: [] } }) }),
          expect: [{ messageId: 'weakActivation', resource: 'azuread_group_role_management_policy.helpdesk' }],
        },
        {
          name: 'role eligibility with nothing',
          provider: 'entra',
          stack: eligibility(),
          expect: [
            {
              messageId: 'noRoleApproval',
              resource: 'azuread_directory_role_eligibility_schedule_request.agent',
              data: {
                request: 'azuread_directory_role_eligibility_schedule_request.agent',
                principal: 'azuread_user.agent',
                role: 'Authentication Administrator',
              },
            },
          ],
        },
        {
          name: 'no attestation',
          provider: 'okta',
          stack: okta(),
          expect: [
            {
              messageId: 'noOktaAttestation',
              resource: 'okta_group_role.helpdesk',
              data: { role: 'HELP_DESK_ADMIN', assignment: 'okta_group_role.helpdesk' },
            },
          ],
        },
      ],
      unknown: [
        {
          name: 'approval from a variable',
          provider: 'entra',
          stack: pimTenant({ activation_rules: activation({ require_approval: '${var.approval}' }) }),
          expect: [
            {
              messageId: 'cannotVerify',
              resource: 'azuread_group_role_management_policy.helpdesk',
              data: {
                what: 'the activation rules of azuread_group_role_management_policy.helpdesk',
                why: 'require_approval is not known',
              },
            },
          ],
        },
        {
          name: 'role eligibility whose attestation control is from a variable',
          provider: 'entra',
          stack: eligibility({ terraform_data: { a: attestationBody('${var.control}') } }),
          expect: [
            {
              messageId: 'cannotVerify',
              resource: 'azuread_directory_role_eligibility_schedule_request.agent',
              data: {
                what: 'whether activating Authentication Administrator through azuread_directory_role_eligibility_schedule_request.agent needs approval',
                why: 'the approval setting or an attestation is not known',
              },
            },
          ],
        },
        {
          name: 'attestation control from a variable',
          provider: 'okta',
          stack: okta({ terraform_data: { a: attestationBody('${var.control}') } }),
          expect: [
            {
              messageId: 'cannotVerify',
              resource: 'okta_group_role.helpdesk',
              data: {
                what: 'whether okta_group_role.helpdesk is attested for RG-04',
                why: "an attestation's control is not known",
              },
            },
          ],
        },
      ],
    },
    ACTIVATION_HOURS,
  ),
);
