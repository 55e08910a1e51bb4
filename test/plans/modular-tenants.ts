/**
 * The ACME tenants as teams split them into modules: one module instance per
 * break-glass account and one per operator team, called with `for_each`; the
 * root links them by the modules' outputs and passes them what they need by
 * variables. The same controls as the flat tenants, so the same verdict.
 */
import { readFileSync } from 'node:fs';
import type { PlanWriterInput } from '../support/plan-writer';

type Body = Record<string, Record<string, Record<string, unknown>>>;

const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
const HELPDESK_ADMINISTRATOR = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

/** A flat fixture with some resources taken out and references to them renamed. */
function rewrite(fixture: string, remove: readonly string[], rename: Readonly<Record<string, string>>): Body {
  const renamed = (v: unknown): unknown => {
    if (typeof v === 'string') return Object.entries(rename).reduce((s, [from, to]) => s.split(from).join(to), v);
    if (Array.isArray(v)) return v.map(renamed);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, renamed(e)]));
    return v;
  };
  const doc = renamed(JSON.parse(readFileSync(`test/fixtures/tenants/${fixture}`, 'utf8'))) as Body;
  for (const address of remove) {
    const [type, name] = address.split('.');
    delete doc.resource[type][name];
  }
  return doc;
}

const attestation = (control: string, subject: string, expires: string) => ({
  input: {
    recovery_gate_attestation: {
      control,
      subject,
      owner: 'identity-platform',
      approver: 'ciso-office',
      evidence: 'SEC-1042 quarterly break-glass review',
      expires,
    },
  },
});

export function modularEntraTenant(): PlanWriterInput {
  const root = rewrite(
    'acme-entra.cdk.tf.json',
    [
      'azuread_user.emergency_access_1',
      'azuread_user.emergency_access_2',
      'azuread_directory_role_assignment.emergency_access_1_global_admin',
      'azuread_directory_role_assignment.emergency_access_2_global_admin',
      'terraform_data.emergency_access_1_expiry',
      'terraform_data.emergency_access_2_expiry',
      'azuread_group.service_desk',
      'azuread_directory_role_assignment.service_desk_helpdesk',
      'azuread_group_role_management_policy.service_desk_activation',
      'azuread_privileged_access_group_eligibility_schedule.service_desk_agent_eligible',
    ],
    {
      '${azuread_user.emergency_access_1.': '${module.break_glass["01"].user_',
      '${azuread_user.emergency_access_2.': '${module.break_glass["02"].user_',
      '${azuread_group.service_desk.object_id}': '${module.operator_team["service_desk"].group_id}',
    },
  );
  root.module = {
    break_glass: {
      source: './break-glass',
      for_each: {
        '01': { upn: 'emergency-access-1@acme.onmicrosoft.com', name: 'Emergency access 1' },
        '02': { upn: 'emergency-access-2@acme.onmicrosoft.com', name: 'Emergency access 2' },
      },
      user_principal_name: '${each.value.upn}',
      display_name: '${each.value.name}',
      expires: '2027-01-25T00:00:00Z',
    },
    operator_team: {
      source: './operator-team',
      for_each: { service_desk: { name: 'Service Desk', role: HELPDESK_ADMINISTRATOR } },
      display_name: '${each.value.name}',
      role_id: '${each.value.role}',
      scope_id: '/administrativeUnits/${azuread_administrative_unit.staff.object_id}',
      approver_group_id: '${azuread_group.service_desk_supervisors.object_id}',
      agent_id: '${azuread_user.service_desk_agent.object_id}',
    },
  };
  const breakGlass = {
    variable: { user_principal_name: {}, display_name: {}, expires: {} },
    resource: {
      azuread_user: {
        this: { user_principal_name: '${var.user_principal_name}', display_name: '${var.display_name}' },
      },
      azuread_directory_role_assignment: {
        global_admin: { principal_object_id: '${azuread_user.this.object_id}', role_id: GLOBAL_ADMINISTRATOR },
      },
      terraform_data: { expiry: attestation('RG-13', 'azuread_user.this', '${var.expires}') },
    },
    output: {
      user_object_id: { value: '${azuread_user.this.object_id}' },
      user_user_principal_name: { value: '${azuread_user.this.user_principal_name}' },
    },
  };
  const operatorTeam = {
    variable: { display_name: {}, role_id: {}, scope_id: {}, approver_group_id: {}, agent_id: {} },
    resource: {
      azuread_group: {
        this: { display_name: '${var.display_name}', assignable_to_role: true, security_enabled: true },
      },
      azuread_directory_role_assignment: {
        role: {
          directory_scope_id: '${var.scope_id}',
          principal_object_id: '${azuread_group.this.object_id}',
          role_id: '${var.role_id}',
        },
      },
      azuread_group_role_management_policy: {
        activation: {
          group_id: '${azuread_group.this.object_id}',
          role_id: 'member',
          activation_rules: {
            approval_stage: { primary_approver: [{ object_id: '${var.approver_group_id}', type: 'groupMembers' }] },
            maximum_duration: 'PT4H',
            require_approval: true,
            require_justification: true,
            require_multifactor_authentication: true,
            require_ticket_info: true,
          },
          notification_rules: {
            eligible_activations: {
              admin_notifications: {
                additional_recipients: ['secops-alerts@acme.example'],
                default_recipients: true,
                notification_level: 'All',
              },
            },
          },
        },
      },
      azuread_privileged_access_group_eligibility_schedule: {
        agent: {
          assignment_type: 'member',
          duration: 'P180D',
          group_id: '${azuread_group.this.object_id}',
          justification: 'Service desk rota',
          principal_id: '${var.agent_id}',
        },
      },
    },
    output: { group_id: { value: '${azuread_group.this.object_id}' } },
  };
  return { root, modules: { './break-glass': breakGlass, './operator-team': operatorTeam } };
}

export function modularOktaTenant(): PlanWriterInput {
  const root = rewrite(
    'acme-okta.cdk.tf.json',
    [
      'okta_user.breakglass_1',
      'okta_user.breakglass_2',
      'terraform_data.breakglass_1_expiry',
      'terraform_data.breakglass_2_expiry',
      'okta_group.service_desk',
      'okta_group_role.service_desk_help_desk',
      'terraform_data.service_desk_supervised_changes',
    ],
    {
      '${okta_user.breakglass_1.id}': '${module.break_glass["1"].user_id}',
      '${okta_user.breakglass_2.id}': '${module.break_glass["2"].user_id}',
      '${okta_group.service_desk.id}': '${module.operator_team["service_desk"].group_id}',
    },
  );
  root.module = {
    break_glass: {
      source: './break-glass',
      for_each: { '1': 'breakglass-1@acme.example', '2': 'breakglass-2@acme.example' },
      login: '${each.value}',
      number: '${each.key}',
      expires: '2027-01-25T00:00:00Z',
    },
    operator_team: {
      source: './operator-team',
      for_each: { service_desk: { name: 'Service Desk', role: 'HELP_DESK_ADMIN' } },
      name: '${each.value.name}',
      role_type: '${each.value.role}',
      supported_group_ids: ['${okta_group.staff.id}'],
    },
  };
  const breakGlass = {
    variable: { login: {}, number: {}, expires: {} },
    resource: {
      okta_user: {
        this: { login: '${var.login}', email: '${var.login}', first_name: 'Break', last_name: 'Glass ${var.number}' },
      },
      terraform_data: { expiry: attestation('RG-13', 'okta_user.this', '${var.expires}') },
    },
    output: { user_id: { value: '${okta_user.this.id}' } },
  };
  const operatorTeam = {
    variable: { name: {}, role_type: {}, supported_group_ids: {} },
    resource: {
      okta_group: { this: { name: '${var.name}' } },
      okta_group_role: {
        role: {
          group_id: '${okta_group.this.id}',
          role_type: '${var.role_type}',
          target_group_list: '${var.supported_group_ids}',
        },
      },
      terraform_data: {
        supervised_changes: {
          input: {
            recovery_gate_attestation: {
              control: 'RG-04',
              subject: 'okta_group_role.role',
              owner: 'identity-platform',
              approver: 'ciso-office',
              evidence: 'SEC-1107 role changes need a supervisor-approved ticket',
              expires: '2027-05-25T00:00:00Z',
            },
          },
        },
      },
    },
    output: { group_id: { value: '${okta_group.this.id}' } },
  };
  return { root, modules: { './break-glass': breakGlass, './operator-team': operatorTeam } };
}
