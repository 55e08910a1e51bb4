import rule from '../../policies/rules/RG-21-vendor-access-expires';
import { testRule } from '../support/rule-tester';
import { type Boundary, withBoundaries } from '../support/boundaries';
import { attestationBody, ROLE } from '../support/fixtures';
import { configStack } from '../support/stacks';

const entra = (schedule: Record<string, unknown>, extra: Record<string, Record<string, unknown>> = {}) =>
  configStack({
    azuread_invitation: {
      pat: { user_email_address: 'pat@contoso.example', redirect_url: 'https://myapps.microsoft.com' },
    },
    azuread_group: { support: { display_name: 'Tier 1 support', security_enabled: true, assignable_to_role: true } },
    azuread_privileged_access_group_eligibility_schedule: {
      pat: {
        group_id: '${azuread_group.support.object_id}',
        principal_id: '${azuread_invitation.pat.user_id}',
        assignment_type: 'member',
        ...schedule,
      },
    },
    ...extra,
  });
const okta = (extra: Record<string, Record<string, unknown>> = {}) =>
  configStack({ okta_group: { contractors: { name: 'Contractors' }, staff: { name: 'Staff' } }, ...extra });

/** A vendor access package longer than vendorAccessDays (90, or what recovery-gate.json says). */
const PACKAGE_DAYS: Boundary = {
  what: 'days of vendor access',
  provider: 'entra',
  threshold: 'vendorAccessDays',
  bound: 'max',
  configured: 30,
  stack: (days) =>
    entra(
      { duration: 'P30D' },
      {
        azuread_access_package_assignment_policy: {
          v: {
            access_package_id: 'ap',
            display_name: 'Vendors',
            description: 'x',
            duration_in_days: days,
            requestor_settings: { scope_type: 'AllExternalSubjects' },
          },
        },
      },
    ),
  beyond: (days, limit) => [
    {
      messageId: 'longPackage',
      resource: 'azuread_access_package_assignment_policy.v',
      data: { policy: 'azuread_access_package_assignment_policy.v', how: `for ${days} days`, days: limit },
    },
  ],
};

testRule(
  rule,
  withBoundaries(
    {
      valid: [
        { name: 'vendor eligible for 90 days', provider: 'entra', stack: entra({ duration: 'P90D' }) },
        {
          name: 'vendor access package of 60 days',
          provider: 'entra',
          stack: entra(
            { expiration_date: '2027-01-31T00:00:00Z' },
            {
              azuread_access_package_assignment_policy: {
                v: {
                  access_package_id: 'ap',
                  display_name: 'Vendors',
                  description: 'x',
                  duration_in_days: 60,
                  requestor_settings: { scope_type: 'AllExternalSubjects' },
                },
              },
            },
          ),
        },
        {
          name: 'vendor group attested',
          provider: 'okta',
          stack: okta({ terraform_data: { a: attestationBody('RG-21', { subject: '${okta_group.contractors.id}' }) } }),
        },
      ],
      invalid: [
        {
          name: 'permanent eligibility',
          provider: 'entra',
          stack: entra({ permanent_assignment: true }),
          expect: [
            {
              messageId: 'permanentSchedule',
              resource: 'azuread_privileged_access_group_eligibility_schedule.pat',
              data: {
                schedule: 'azuread_privileged_access_group_eligibility_schedule.pat',
                principal: 'azuread_invitation.pat',
                group: 'azuread_group.support',
                how: 'permanently (permanent_assignment = true)',
              },
            },
          ],
        },
        {
          name: 'no end at all',
          provider: 'entra',
          stack: entra({}),
          expect: [
            { messageId: 'permanentSchedule', resource: 'azuread_privileged_access_group_eligibility_schedule.pat' },
          ],
        },
        {
          name: 'vendor made eligible for a directory role, which cannot expire',
          provider: 'entra',
          stack: entra(
            { duration: 'P30D' },
            {
              azuread_directory_role_eligibility_schedule_request: {
                pat: {
                  role_definition_id: ROLE.helpdeskAdministrator,
                  principal_id: '${azuread_invitation.pat.user_id}',
                  directory_scope_id: '/administrativeUnits/x',
                  justification: 'x',
                },
              },
            },
          ),
          expect: [
            {
              messageId: 'eligibilityCannotExpire',
              resource: 'azuread_directory_role_eligibility_schedule_request.pat',
              data: {
                request: 'azuread_directory_role_eligibility_schedule_request.pat',
                principal: 'azuread_invitation.pat',
                role: 'Helpdesk Administrator',
              },
            },
          ],
        },
        {
          name: 'vendor access package of a year',
          provider: 'entra',
          stack: entra(
            { duration: 'P30D' },
            {
              azuread_access_package_assignment_policy: {
                v: {
                  access_package_id: 'ap',
                  display_name: 'Vendors',
                  description: 'x',
                  duration_in_days: 365,
                  requestor_settings: { scope_type: 'AllExternalSubjects' },
                },
              },
            },
          ),
          expect: [
            {
              messageId: 'longPackage',
              resource: 'azuread_access_package_assignment_policy.v',
              data: { policy: 'azuread_access_package_assignment_policy.v', days: 90, how: 'for 365 days' },
            },
          ],
        },
        {
          name: 'vendor group without attestation; a tenant-wide one does not name it',
          provider: 'okta',
          stack: okta({ terraform_data: { a: attestationBody('RG-21') } }),
          expect: [
            {
              messageId: 'noOktaAttestation',
              resource: 'okta_group.contractors',
              data: { group: 'okta_group.contractors' },
            },
          ],
        },
      ],
      unknown: [
        {
          name: 'duration from a variable',
          provider: 'entra',
          stack: entra({ duration: '${var.duration}' }),
          expect: [
            {
              messageId: 'cannotVerify',
              resource: 'azuread_privileged_access_group_eligibility_schedule.pat',
              data: {
                what: 'when azuread_privileged_access_group_eligibility_schedule.pat ends',
                why: 'its expiry is not known',
              },
            },
          ],
        },
        {
          name: 'attestation control from a variable',
          provider: 'okta',
          stack: okta({
            terraform_data: { a: attestationBody('${var.control}', { subject: '${okta_group.contractors.id}' }) },
          }),
          expect: [{ messageId: 'cannotVerify', resource: 'okta_group.contractors' }],
        },
      ],
    },
    PACKAGE_DAYS,
  ),
);
