import rule from '../../policies/rules/RG-10-recovery-short-lived';
import { testRule } from '../support/rule-tester';
import { withBoundaries } from '../support/boundaries';
import type { Boundary } from '../support/boundaries';
import { attestationBody } from '../support/fixtures';
import { configStack } from '../support/stacks';

const okta = { okta_group: { staff: { name: 'Staff' } } };
const entra = { azuread_group: { staff: { display_name: 'Staff', security_enabled: true } } };
const TAP = 'policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass';
const tap = (body: unknown) => ({ msgraph_update_resource: { tap: { url: TAP, body } } });
const attestation = {
  terraform_data: {
    tap: {
      input: {
        recovery_gate_attestation: {
          control: 'RG-10',
          owner: 'iam',
          approver: 'ciso',
          evidence: 'SEC-9',
          expires: '2027-06-01T00:00:00Z',
        },
      },
    },
  },
};

/** A pass that lives longer than tapMaxLifetimeMinutes (480, or what recovery-gate.json says). */
const PASS_LIFETIME: Boundary = {
  what: 'pass lifetime in minutes',
  provider: 'entra',
  threshold: 'tapMaxLifetimeMinutes',
  bound: 'max',
  configured: 60,
  stack: (minutes) => configStack({ ...entra, ...tap({ isUsableOnce: true, maximumLifetimeInMinutes: minutes }) }),
  beyond: (minutes, max) => [
    {
      messageId: 'tooLong',
      resource: 'msgraph_update_resource.tap',
      data: { resource: 'msgraph_update_resource.tap', value: String(minutes), max },
    },
  ],
};

testRule(
  rule,
  withBoundaries(
    {
      valid: [
        {
          name: 'single-use pass, 4 hours',
          provider: 'entra',
          stack: configStack({
            ...entra,
            ...tap({ state: 'enabled', isUsableOnce: true, maximumLifetimeInMinutes: 240 }),
          }),
        },
        { name: 'attested instead', provider: 'entra', stack: configStack({ ...entra, ...attestation }) },
        { name: 'temporary access codes attested', provider: 'okta', stack: configStack({ ...okta, ...attestation }) },
      ],
      invalid: [
        {
          name: 'a lifetime written as text is not a number of minutes',
          provider: 'entra',
          stack: configStack({ ...entra, ...tap({ isUsableOnce: true, maximumLifetimeInMinutes: '60' }) }),
          expect: [
            {
              messageId: 'tooLong',
              resource: 'msgraph_update_resource.tap',
              data: { resource: 'msgraph_update_resource.tap', value: '"60"', max: 480 },
            },
          ],
        },
        {
          name: 'nothing manages the pass',
          provider: 'entra',
          stack: configStack(entra),
          expect: [{ messageId: 'noEntraTap', resource: null, data: { max: 480 } }],
        },
        {
          name: 'multi-use and a day long',
          provider: 'entra',
          stack: configStack({ ...entra, ...tap({ isUsableOnce: false, maximumLifetimeInMinutes: 1440 }) }),
          expect: [
            {
              messageId: 'multiUse',
              resource: 'msgraph_update_resource.tap',
              data: { resource: 'msgraph_update_resource.tap', value: 'false' },
            },
            {
              messageId: 'tooLong',
              resource: 'msgraph_update_resource.tap',
              data: { resource: 'msgraph_update_resource.tap', value: '1440', max: 480 },
            },
          ],
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
          name: 'lifetime from a variable',
          provider: 'entra',
          stack: configStack({
            ...entra,
            ...tap({ isUsableOnce: true, maximumLifetimeInMinutes: '${var.tap_minutes}' }),
          }),
          expect: [
            {
              messageId: 'cannotVerify',
              resource: 'msgraph_update_resource.tap',
              data: {
                what: 'the Temporary Access Pass settings in msgraph_update_resource.tap',
                why: 'maximumLifetimeInMinutes is not known',
              },
            },
          ],
        },
        {
          name: 'body from a variable',
          provider: 'entra',
          stack: configStack({ ...entra, ...tap('${var.tap_body}') }),
          expect: [
            {
              messageId: 'cannotVerify',
              resource: 'msgraph_update_resource.tap',
              data: {
                what: 'the Temporary Access Pass settings in msgraph_update_resource.tap',
                why: 'its body is not known',
              },
            },
          ],
        },
        {
          name: 'no body at all',
          provider: 'entra',
          stack: configStack({ ...entra, msgraph_update_resource: { tap: { url: TAP } } }),
          expect: [
            {
              messageId: 'cannotVerify',
              resource: 'msgraph_update_resource.tap',
              data: {
                what: 'the Temporary Access Pass settings in msgraph_update_resource.tap',
                why: 'its body is not known',
              },
            },
          ],
        },
        {
          name: 'single use from a variable',
          provider: 'entra',
          stack: configStack({ ...entra, ...tap({ isUsableOnce: '${var.once}', maximumLifetimeInMinutes: 60 }) }),
          expect: [
            {
              messageId: 'cannotVerify',
              resource: 'msgraph_update_resource.tap',
              data: {
                what: 'the Temporary Access Pass settings in msgraph_update_resource.tap',
                why: 'isUsableOnce is not known',
              },
            },
          ],
        },
        {
          name: 'lifetime not set: the tenant keeps whatever it has',
          provider: 'entra',
          stack: configStack({ ...entra, ...tap({ isUsableOnce: true }) }),
          expect: [
            {
              messageId: 'cannotVerify',
              resource: 'msgraph_update_resource.tap',
              data: {
                what: 'the Temporary Access Pass settings in msgraph_update_resource.tap',
                why: 'maximumLifetimeInMinutes is not set, so the tenant keeps whatever it has',
              },
            },
          ],
        },
        {
          name: 'nothing manages the pass, and the only attestation names its control by a variable',
          provider: 'entra',
          stack: configStack({ ...entra, terraform_data: { a: attestationBody('${var.control}') } }),
          expect: [
            {
              messageId: 'cannotVerify',
              resource: null,
              data: {
                what: 'whether temporary recovery credentials are attested (RG-10)',
                why: "an attestation's control is not known",
              },
            },
          ],
        },
        {
          name: 'an attestation whose control is a variable',
          provider: 'okta',
          stack: configStack({
            ...okta,
            terraform_data: {
              a: {
                input: {
                  recovery_gate_attestation: {
                    control: '${var.control}',
                    owner: 'iam',
                    approver: 'ciso',
                    evidence: 'SEC-9',
                    expires: '2027-06-01T00:00:00Z',
                  },
                },
              },
            },
          }),
          expect: [{ messageId: 'cannotVerify', resource: null }],
        },
      ],
    },
    PASS_LIFETIME,
  ),
);
