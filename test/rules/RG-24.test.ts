import rule from '../../policies/rules/RG-24-attestations-current';
import { testRule } from '../support/rule-tester';
import { type Boundary, daysAfterNow, withBoundaries } from '../support/boundaries';
import { attestationBody } from '../support/fixtures';
import { configStack } from '../support/stacks';

// The tester's "now" is 2026-11-26T12:00:00Z.
const okta = { okta_group: { staff: { name: 'Staff' } } };
const entra = { azuread_group: { staff: { display_name: 'Staff', security_enabled: true } } };
const with_ = (base: object, fields: Record<string, unknown>, control = 'RG-10') =>
  configStack({ ...base, terraform_data: { a: attestationBody(control, fields) } });

/** An attestation that expires further ahead than attestationValidityDays (365, or what recovery-gate.json says). */
const validityBoundary = (provider: 'okta' | 'entra'): Boundary => ({
  what: 'days an attestation stays valid',
  step: 1 / 24, // an hour: the limit is a time, not a count of calendar days
  provider,
  threshold: 'attestationValidityDays',
  bound: 'max',
  configured: 180,
  stack: (days) => with_(provider === 'okta' ? okta : entra, { expires: daysAfterNow(days) }),
  beyond: (days, limit) => [
    {
      messageId: 'tooFar',
      resource: 'terraform_data.a',
      data: { attestation: 'terraform_data.a', expires: daysAfterNow(days), days: limit },
    },
  ],
});
const VALIDITY_OKTA = validityBoundary('okta');
const VALIDITY_ENTRA = validityBoundary('entra');

testRule(
  rule,
  withBoundaries(
    {
      valid: [
        { name: 'owner, independent approver, evidence, expiry in 3 months', provider: 'okta', stack: with_(okta, {}) },
        {
          name: "an RG-13 attestation far ahead is RG-13's to judge",
          provider: 'entra',
          stack: with_(entra, { expires: '2028-01-01T00:00:00Z' }, 'RG-13'),
        },
      ],
      invalid: [
        {
          name: 'approver is the owner',
          provider: 'okta',
          stack: with_(okta, { approver: 'Identity-Platform' }),
          expect: [
            {
              messageId: 'selfApproved',
              resource: 'terraform_data.a',
              data: { attestation: 'terraform_data.a', owner: 'identity-platform' },
            },
          ],
        },
        {
          name: 'no evidence',
          provider: 'okta',
          stack: with_(okta, { evidence: '' }),
          expect: [
            {
              messageId: 'missingField',
              resource: 'terraform_data.a',
              data: { attestation: 'terraform_data.a', field: 'evidence' },
            },
          ],
        },
        {
          name: 'expired',
          provider: 'entra',
          stack: with_(entra, { expires: '2026-11-01T00:00:00Z' }),
          expect: [
            {
              messageId: 'expired',
              resource: 'terraform_data.a',
              data: { attestation: 'terraform_data.a', expires: '2026-11-01T00:00:00.000Z', days: 365 },
            },
          ],
        },
        {
          name: 'more than a year ahead',
          provider: 'entra',
          stack: with_(entra, { expires: '2028-01-01T00:00:00Z' }),
          expect: [
            {
              messageId: 'tooFar',
              resource: 'terraform_data.a',
              data: { attestation: 'terraform_data.a', expires: '2028-01-01T00:00:00.000Z', days: 365 },
            },
          ],
        },
        {
          name: 'not a time',
          provider: 'entra',
          stack: with_(entra, { expires: 'next spring' }),
          expect: [
            {
              messageId: 'notATime',
              resource: 'terraform_data.a',
              data: { attestation: 'terraform_data.a', value: '"next spring"' },
            },
          ],
        },
      ],
      unknown: [
        {
          name: 'approver from a variable',
          provider: 'okta',
          stack: with_(okta, { approver: '${var.approver}' }),
          expect: [
            {
              messageId: 'cannotVerify',
              resource: 'terraform_data.a',
              data: { what: 'who vouches for terraform_data.a', why: 'approver is not known' },
            },
          ],
        },
        {
          name: 'expiry from a variable',
          provider: 'entra',
          stack: with_(entra, { expires: '${var.expires}' }),
          expect: [{ messageId: 'cannotVerify', resource: 'terraform_data.a' }],
        },
      ],
    },
    VALIDITY_OKTA,
    VALIDITY_ENTRA,
  ),
);
