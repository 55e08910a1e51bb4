/**
 * Whole tenants, the way platform teams write them: two that do everything
 * right (zero findings) and four with several defects at once, each with its
 * full expected set of findings — no more, no fewer. Across the set: cdktf
 * output, hand-written Terraform JSON, HCL with modules and tfvars, and a plan.
 */
import { runRules } from '../policies/engine/run';
import { DEFAULT_CONFIG } from '../policies/config/config';
import { loadInputs } from '../policies/inputs/load';
import { RULES } from '../policies/rules';

const NOW = new Date('2026-11-26T12:00:00Z');

async function findingsOf(path: string): Promise<string[]> {
  const result = runRules(await loadInputs([path]), RULES, { config: DEFAULT_CONFIG, now: NOW });
  expect(result.errors).toEqual([]);
  return result.findings.map((f) => `${f.ruleId} ${f.messageId} ${f.resource}`).sort();
}

const TENANTS: [string, string, string[]][] = [
  ['ACME Okta org (cdktf output, written without the constructs)', 'test/fixtures/tenants/acme-okta.cdk.tf.json', []],
  [
    'ACME Entra tenant (cdktf output, written without the constructs)',
    'test/fixtures/tenants/acme-entra.cdk.tf.json',
    [],
  ],
  [
    "Fabrikam Entra tenant, all compliant in ways the rules once misread: a Tier 0 activation its approvers guard, a role-assignable group in the help desk's unit, a report-only device pilot, a break-glass alert by a test on the UPN",
    'test/fixtures/tenants/fabrikam-entra.cdk.tf.json',
    [],
  ],
  [
    'Contoso Entra tenant, Terraform JSON: a vendor in the SOC group, an MFA exemption, a pilot left in report-only, unowned automation, no ticket, multi-use passes, no break-glass alert, a help desk scoped to a unit that a roles-based policy never reaches',
    'test/fixtures/tenants/contoso-entra-defects.tf.json',
    [
      'RG-04 weakActivation azuread_group_role_management_policy.service_desk_activation',
      'RG-06 scopedRoleNotCovered azuread_conditional_access_policy.privileged_phishing_resistant',
      'RG-08 entraExclusion azuread_conditional_access_policy.everyone_mfa',
      'RG-09 noEntraPolicy null',
      'RG-10 multiUse msgraph_update_resource.temporary_access_pass',
      'RG-15 entraUnmonitored azuread_user.emergency_access_1',
      'RG-15 entraUnmonitored azuread_user.emergency_access_2',
      'RG-20 vendorPrivileged azuread_directory_role_assignment.security_operators_security_admin',
      'RG-21 permanentSchedule azuread_privileged_access_group_eligibility_schedule.contoso_consultant_eligible',
      'RG-22 noOwner azuread_application.method_reset_automation',
      'RG-22 secretNeverExpires azuread_application_password.method_reset_automation',
      'RG-23 entraNotEnforced azuread_conditional_access_policy.register_security_info',
    ],
  ],
  [
    'Globex Okta org, Terraform JSON: help desk reaching admins, a self-granting reset role, an MSP with ORG_ADMIN and the help desk signing in with any second factor, a bypass group, a shared admin mailbox, a lapsed attestation',
    'test/fixtures/tenants/globex-okta-defects.tf.json',
    [
      'RG-02 reachesPrivileged okta_group_role.service_desk_help_desk',
      'RG-04 noOktaAttestation okta_admin_role_custom_assignments.tier2_reset',
      'RG-04 noOktaAttestation okta_group_role.msp_org_admin',
      'RG-05 oktaSelfGrant okta_admin_role_custom.tier2_reset',
      'RG-06 noOktaRule null',
      'RG-08 bypassGroup okta_app_signon_policy_rule.admins_phishing_resistant',
      'RG-11 oktaChannel okta_policy_password.staff_passwords',
      'RG-19 sharedAddress okta_user.ann',
      'RG-19 sharedAddress okta_user.ben',
      'RG-20 vendorPrivileged okta_group_role.msp_org_admin',
      'RG-21 noOktaAttestation okta_group.msp',
      'RG-22 oktaClientSecret okta_app_oauth.provisioning',
      'RG-24 expired terraform_data.temporary_codes_short_lived',
    ],
  ],
  [
    'an Okta org in HCL (module, tfvars, for_each) with an unscoped help desk and a person holding a role',
    'test/fixtures/hcl/okta-org',
    [
      'RG-01 unscopedOkta module.helpdesk.okta_group_role.this',
      'RG-01 unscopedOkta okta_user_admin_roles.ops_lead',
      'RG-03 oktaUserRole okta_user_admin_roles.ops_lead',
      'RG-04 noOktaAttestation module.helpdesk.okta_group_role.this',
      'RG-04 noOktaAttestation okta_group_role.admins',
      'RG-04 noOktaAttestation okta_user_admin_roles.ops_lead',
      'RG-06 noOktaRule null',
      'RG-07 oneFactorRule okta_app_signon_policy_rule.legacy_kiosk',
      'RG-09 noOktaAttestation null',
      'RG-10 noOktaAttestation null',
      'RG-12 noTopRole okta_user.breakglass["breakglass-1"]',
      'RG-12 noTopRole okta_user.breakglass["breakglass-2"]',
      'RG-14 noOktaRule null',
      'RG-15 oktaUnmonitored okta_user.breakglass["breakglass-1"]',
      'RG-15 oktaUnmonitored okta_user.breakglass["breakglass-2"]',
      'RG-17 noOktaHook null',
      'RG-18 noOktaNotifications null',
    ],
  ],
  [
    'an Entra tenant as a plan: an unscoped service desk, a standing privileged user, one break-glass account, MFA for everyone and little else',
    'test/fixtures/plan/entra-tenant.json',
    [
      'RG-01 unscopedEntra azuread_directory_role_assignment.service_desk_helpdesk',
      'RG-03 standingUser azuread_directory_role_assignment.alex_priv_auth_admin',
      'RG-04 noPolicy azuread_group.service_desk',
      'RG-06 weakEntraPolicy azuread_conditional_access_policy.require_mfa',
      'RG-09 noEntraPolicy null',
      'RG-10 noEntraTap null',
      'RG-12 tooFew null',
      'RG-14 noEntraPolicy null',
      'RG-14 notExcluded azuread_conditional_access_policy.require_mfa',
      'RG-15 entraUnmonitored azuread_user.emergency_access_1',
      'RG-16 noEntraSetting null',
      'RG-17 noEntraAlert null',
      'RG-18 noEntraNotification null',
    ],
  ],
];

describe('whole tenants give exactly their expected findings', () => {
  for (const [name, path, expected] of TENANTS) {
    it(name, async () => {
      expect(await findingsOf(path)).toEqual([...expected].sort());
    });
  }
});
