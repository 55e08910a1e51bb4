import rule from '../../policies/rules/RG-09-enrollment-verified';
import { testRule } from '../support/rule-tester';
import { attestationBody, caPolicy, ENTRA_BREAK_GLASS } from '../support/fixtures';
import { configStack } from '../support/stacks';

const okta = { okta_group: { staff: { name: 'Staff' } } };
const REGISTER = { included_user_actions: ['urn:user:registersecurityinfo'] };
const entra = (policy: Record<string, unknown> | undefined) =>
  configStack({
    azuread_user: ENTRA_BREAK_GLASS,
    ...(policy ? { azuread_conditional_access_policy: { register: policy } } : {}),
  });

testRule(rule, {
  valid: [
    {
      name: 'registration needs MFA, break-glass excluded',
      provider: 'entra',
      stack: entra(
        caPolicy({
          applications: REGISTER,
          users: {
            included_users: ['All'],
            excluded_users: ['${azuread_user.bg1.object_id}', '${azuread_user.bg2.object_id}'],
          },
        }),
      ),
    },
    {
      name: 'registration needs a compliant device',
      provider: 'entra',
      stack: entra(
        caPolicy({ applications: REGISTER, grant: { operator: 'OR', built_in_controls: ['compliantDevice'] } }),
      ),
    },
    {
      name: 'attested',
      provider: 'okta',
      stack: configStack({ ...okta, terraform_data: { enrol: attestationBody('RG-09') } }),
    },
  ],
  invalid: [
    {
      name: 'no policy for the user action',
      provider: 'entra',
      stack: entra(caPolicy()),
      expect: [{ messageId: 'noEntraPolicy', resource: null, data: {} }],
    },
    {
      name: 'report-only counts as missing',
      provider: 'entra',
      stack: entra(caPolicy({ applications: REGISTER, state: 'enabledForReportingButNotEnforced' })),
      expect: [{ messageId: 'noEntraPolicy', resource: null }],
    },
    {
      name: 'one group only',
      provider: 'entra',
      stack: entra(caPolicy({ applications: REGISTER, users: { included_groups: ['g'] } })),
      expect: [
        {
          messageId: 'fallsShort',
          resource: 'azuread_conditional_access_policy.register',
          data: {
            policy: 'azuread_conditional_access_policy.register',
            shortfall: 'does not cover all users',
            fix: 'Set included_users = ["All"].',
          },
        },
      ],
    },
    {
      name: 'excludes a non-break-glass group',
      provider: 'entra',
      stack: entra(
        caPolicy({
          applications: REGISTER,
          users: { included_users: ['All'], excluded_groups: ['11111111-2222-3333-4444-555555555555'] },
        }),
      ),
      expect: [{ messageId: 'fallsShort', resource: 'azuread_conditional_access_policy.register' }],
    },
    {
      name: 'no attestation',
      provider: 'okta',
      stack: configStack(okta),
      expect: [{ messageId: 'noOktaAttestation', resource: null, data: {} }],
    },
  ],
  unknown: [
    {
      name: 'exclusions from a variable',
      provider: 'entra',
      stack: entra(
        caPolicy({ applications: REGISTER, users: { included_users: ['All'], excluded_groups: '${var.exempt}' } }),
      ),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'azuread_conditional_access_policy.register',
          data: {
            what: 'whether azuread_conditional_access_policy.register protects security-info registration',
            why: 'its users, exclusions or grant controls are not known',
          },
        },
      ],
    },
    {
      name: 'attestation control from a variable',
      provider: 'okta',
      stack: configStack({ ...okta, terraform_data: { a: attestationBody('${var.control}') } }),
      expect: [{ messageId: 'cannotVerify', resource: null }],
    },
  ],
});
