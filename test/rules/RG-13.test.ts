import rule from '../../policies/rules/RG-13-break-glass-expiry';
import { testRule } from '../support/rule-tester';
import { type Boundary, daysAfterNow, withBoundaries } from '../support/boundaries';
import { configStack, planStack, simplePlan } from '../support/stacks';

// The tester's "now" is 2026-11-26T12:00:00Z.
const attestation = (subject: string, expires: string) => ({
  input: {
    recovery_gate_attestation: {
      control: 'RG-13',
      subject,
      owner: 'identity-team',
      approver: 'ciso',
      evidence: 'SEC-101',
      expires,
    },
  },
});
const bgCondition = (holder: string) => ({
  lifecycle: {
    precondition: [
      {
        condition: `\${timecmp(plantimestamp(), ${holder}) < 0}`,
        error_message: 'Break-glass account expired: re-attest it.',
      },
    ],
  },
});
const oktaBg = {
  login: 'breakglass1@acme.example',
  first_name: 'Break',
  last_name: 'Glass',
  email: 'bg1@acme.example',
};
const entraBg = { user_principal_name: 'emergency-access-1@acme.onmicrosoft.com', display_name: 'Emergency access 1' };

/** A break-glass expiry further ahead than breakGlassExpiryDays (90, or what recovery-gate.json says). */
const expiryBoundary = (provider: 'okta' | 'entra'): Boundary => {
  const [type, body, subject] =
    provider === 'okta'
      ? ['okta_user', oktaBg, '${okta_user.bg.id}']
      : ['azuread_user', entraBg, '${azuread_user.bg.object_id}'];
  return {
    what: 'days to the break-glass expiry',
    step: 1 / 24, // an hour: the limit is a time, not a count of calendar days
    provider,
    threshold: 'breakGlassExpiryDays',
    bound: 'max',
    configured: 30,
    stack: (days) =>
      configStack({
        [type]: { bg: { ...body, ...bgCondition('terraform_data.bg_expiry.input.recovery_gate_attestation.expires') } },
        terraform_data: { bg_expiry: attestation(subject, daysAfterNow(days)) },
      }),
    beyond: (days, limit) => [
      {
        messageId: 'tooFar',
        resource: `${type}.bg`,
        data: { account: `${type}.bg`, expires: daysAfterNow(days), days: limit, evidence: 'terraform_data.bg_expiry' },
      },
    ],
  };
};
const EXPIRY_OKTA = expiryBoundary('okta');
const EXPIRY_ENTRA = expiryBoundary('entra');

testRule(
  rule,
  withBoundaries(
    {
      valid: [
        {
          name: 'precondition referencing the attestation, 30 days ahead',
          provider: 'okta',
          stack: configStack({
            okta_user: {
              bg1: { ...oktaBg, ...bgCondition('terraform_data.bg1_expiry.input.recovery_gate_attestation.expires') },
            },
            terraform_data: { bg1_expiry: attestation('${okta_user.bg1.id}', '2026-12-26T00:00:00Z') },
          }),
        },
        {
          name: 'precondition on a local; ordinary users have no expiry to check',
          provider: 'entra',
          stack: configStack(
            {
              azuread_user: {
                bg: { ...entraBg, ...bgCondition('local.bg_expiry') },
                jo: { user_principal_name: 'jo@acme.example', display_name: 'Jo' },
              },
            },
            { locals: { bg_expiry: '2027-01-15T00:00:00Z' } },
          ),
        },
        {
          name: 'plan: the attestation carries the date',
          provider: 'entra',
          stack: planStack(
            simplePlan({
              'azuread_user.bg': { values: entraBg, unknown: { object_id: true } },
              'terraform_data.bg_expiry': {
                values: attestation('azuread_user.bg', '2027-02-01T00:00:00Z'),
                expressions: { input: { constant_value: {} } },
              },
            }),
          ),
        },
      ],
      invalid: [
        {
          name: 'no expiry; expired; too far ahead',
          provider: 'okta',
          declarations: { breakGlass: ['okta_user.root'] },
          stack: configStack({
            okta_user: {
              bg1: oktaBg,
              bg2: {
                ...oktaBg,
                login: 'breakglass2@acme.example',
                ...bgCondition('terraform_data.bg2.input.recovery_gate_attestation.expires'),
              },
              root: { ...oktaBg, login: 'root@acme.example', ...bgCondition('"2027-06-01T00:00:00Z"') },
            },
            terraform_data: { bg2: attestation('${okta_user.bg2.id}', '2026-11-01T00:00:00Z') },
          }),
          expect: [
            { messageId: 'noExpiry', resource: 'okta_user.bg1', data: { account: 'okta_user.bg1' } },
            {
              messageId: 'expired',
              resource: 'okta_user.bg2',
              data: {
                account: 'okta_user.bg2',
                expires: '2026-11-01T00:00:00.000Z',
                days: 90,
                evidence: 'terraform_data.bg2',
              },
            },
            {
              messageId: 'tooFar',
              resource: 'okta_user.root',
              data: {
                account: 'okta_user.root',
                expires: '2027-06-01T00:00:00.000Z',
                days: 90,
                evidence: 'the precondition of okta_user.root',
              },
            },
          ],
        },
        {
          name: 'two deadlines: the earliest is the one the pipeline meets first, whatever the order they are found in',
          provider: 'okta',
          stack: configStack({
            okta_user: {
              bg: { ...oktaBg, ...bgCondition('"2026-11-20T00:00:00Z"') },
            },
            terraform_data: { bg_expiry: attestation('${okta_user.bg.id}', '2027-09-01T00:00:00Z') },
          }),
          expect: [
            {
              messageId: 'expired',
              resource: 'okta_user.bg',
              data: {
                account: 'okta_user.bg',
                expires: '2026-11-20T00:00:00.000Z',
                days: 90,
                evidence: 'the precondition of okta_user.bg',
              },
            },
          ],
        },
        {
          name: 'expiring at this very moment is expired',
          provider: 'entra',
          stack: configStack({ azuread_user: { bg: { ...entraBg, ...bgCondition('"2026-11-26T12:00:00Z"') } } }),
          expect: [
            {
              messageId: 'expired',
              resource: 'azuread_user.bg',
              data: {
                account: 'azuread_user.bg',
                expires: '2026-11-26T12:00:00.000Z',
                days: 90,
                evidence: 'the precondition of azuread_user.bg',
              },
            },
          ],
        },
        {
          name: 'expiry that is not a time',
          provider: 'entra',
          stack: configStack({
            azuread_user: { bg: entraBg },
            terraform_data: { e: attestation('azuread_user.bg', 'next quarter') },
          }),
          expect: [
            {
              messageId: 'notATime',
              resource: 'azuread_user.bg',
              data: { account: 'azuread_user.bg', value: '"next quarter"', evidence: 'terraform_data.e' },
            },
          ],
        },
      ],
      unknown: [
        {
          name: 'expiry from a variable',
          provider: 'okta',
          stack: configStack({ okta_user: { bg1: { ...oktaBg, ...bgCondition('var.expiry') } } }),
          expect: [
            {
              messageId: 'cannotVerify',
              resource: 'okta_user.bg1',
              data: {
                what: 'the expiry of okta_user.bg1',
                why: 'timecmp(plantimestamp(), var.expiry) < 0 is not known',
              },
            },
          ],
        },
        {
          name: 'attestation expiry from a variable',
          provider: 'entra',
          stack: configStack({
            azuread_user: { bg: entraBg },
            terraform_data: { e: attestation('${azuread_user.bg.id}', '${var.expiry}') },
          }),
          expect: [{ messageId: 'cannotVerify', resource: 'azuread_user.bg' }],
        },
      ],
    },
    EXPIRY_OKTA,
    EXPIRY_ENTRA,
  ),
);
