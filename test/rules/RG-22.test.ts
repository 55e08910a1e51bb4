import rule from '../../policies/rules/RG-22-nhi-reset-authority';
import { testRule } from '../support/rule-tester';
import { type Boundary, daysAfterNow, withBoundaries } from '../support/boundaries';
import { ROLE } from '../support/fixtures';
import { configStack } from '../support/stacks';

// The tester's "now" is 2026-11-26T12:00:00Z.
const entra = (
  appRoleId: string,
  app: Record<string, unknown>,
  password?: Record<string, unknown>,
  extra: Record<string, Record<string, unknown>> = {},
) =>
  configStack({
    azuread_application: { resetter: { display_name: 'Reset automation', ...app } },
    azuread_service_principal: {
      resetter: { client_id: '${azuread_application.resetter.client_id}' },
      msgraph: { client_id: '00000003-0000-0000-c000-000000000000', use_existing: true },
    },
    azuread_app_role_assignment: {
      methods: {
        app_role_id: appRoleId,
        principal_object_id: '${azuread_service_principal.resetter.object_id}',
        resource_object_id: '${azuread_service_principal.msgraph.object_id}',
      },
    },
    ...(password
      ? {
          azuread_application_password: {
            secret: { application_id: '${azuread_application.resetter.id}', ...password },
          },
        }
      : {}),
    ...extra,
  });
/** The same automation declared the azuread 3.x way: an application registration, its owner a resource of its own. */
const registration = (password: Record<string, unknown> | undefined, owned: boolean) =>
  configStack({
    azuread_application_registration: { resetter: { display_name: 'Reset automation' } },
    azuread_service_principal: { resetter: { client_id: '${azuread_application_registration.resetter.client_id}' } },
    azuread_app_role_assignment: {
      methods: {
        app_role_id: '50483e42-d915-4231-9639-7fdb7fd190e5',
        principal_object_id: '${azuread_service_principal.resetter.object_id}',
        resource_object_id: 'graph',
      },
    },
    ...(owned
      ? {
          azuread_application_owner: {
            me: {
              application_id: '${azuread_application_registration.resetter.id}',
              owner_object_id: '${data.azuread_client_config.current.object_id}',
            },
          },
        }
      : {}),
    ...(password
      ? {
          azuread_application_password: {
            secret: { application_id: '${azuread_application_registration.resetter.id}', ...password },
          },
        }
      : {}),
  });
const BY_NAME = '${azuread_service_principal.msgraph.app_role_ids["UserAuthenticationMethod.ReadWrite.All"]}';
const BY_ID = '50483e42-d915-4231-9639-7fdb7fd190e5';
const OWNED = { owners: ['${data.azuread_client_config.current.object_id}'] };

const okta = (app: Record<string, unknown>, scopes: unknown = ['okta.users.manage']) =>
  configStack({
    okta_app_oauth: {
      resetter: {
        label: 'Reset automation',
        type: 'service',
        grant_types: ['client_credentials'],
        response_types: ['token'],
        ...app,
      },
    },
    okta_app_oauth_api_scope: {
      resetter: { app_id: '${okta_app_oauth.resetter.id}', issuer: 'https://acme.okta.com', scopes },
    },
  });

/** A client secret of an application with reset authority that lives longer than nhiCredentialDays (180, or what recovery-gate.json says). */
const SECRET_DAYS: Boundary = {
  what: 'days a client secret lives',
  step: 1 / 24, // an hour: the limit is a time, not a count of calendar days
  provider: 'entra',
  threshold: 'nhiCredentialDays',
  bound: 'max',
  configured: 30,
  stack: (days) => entra(BY_ID, OWNED, { end_date: daysAfterNow(days) }),
  beyond: (days, limit) => [
    {
      messageId: 'secretTooLong',
      resource: 'azuread_application_password.secret',
      data: {
        application: 'azuread_application.resetter',
        power: 'UserAuthenticationMethod.ReadWrite.All',
        days: limit,
        credential: 'azuread_application_password.secret',
        expires: daysAfterNow(days),
      },
    },
  ],
};

testRule(
  rule,
  withBoundaries(
    {
      valid: [
        { name: 'owned app, no secret (federated credential)', provider: 'entra', stack: entra(BY_NAME, OWNED) },
        {
          name: 'owned app with a 90-day secret',
          provider: 'entra',
          stack: entra(BY_ID, OWNED, { end_date: '2027-02-20T00:00:00Z' }),
        },
        {
          name: 'unrelated permission needs nothing',
          provider: 'entra',
          stack: entra('df021288-bdef-4463-88db-98f22de89214', {}, {}),
        },
        {
          name: 'an owned application registration (azuread 3.x) with a 90-day secret',
          provider: 'entra',
          stack: registration({ end_date: '2027-02-20T00:00:00Z' }, true),
        },
        { name: 'private_key_jwt', provider: 'okta', stack: okta({ token_endpoint_auth_method: 'private_key_jwt' }) },
      ],
      invalid: [
        {
          name: 'secret that never expires, and no owner',
          provider: 'entra',
          stack: entra(BY_NAME, {}, {}),
          expect: [
            {
              messageId: 'secretNeverExpires',
              resource: 'azuread_application_password.secret',
              data: {
                application: 'azuread_application.resetter',
                power: 'UserAuthenticationMethod.ReadWrite.All',
                days: 180,
                credential: 'azuread_application_password.secret',
              },
            },
            {
              messageId: 'noOwner',
              resource: 'azuread_application.resetter',
              data: {
                application: 'azuread_application.resetter',
                power: 'UserAuthenticationMethod.ReadWrite.All',
                days: 180,
              },
            },
          ],
        },
        {
          name: 'secret valid for two years',
          provider: 'entra',
          stack: entra(BY_ID, OWNED, { end_date: '2028-11-01T00:00:00Z' }),
          expect: [
            {
              messageId: 'secretTooLong',
              resource: 'azuread_application_password.secret',
              data: {
                application: 'azuread_application.resetter',
                power: 'UserAuthenticationMethod.ReadWrite.All',
                days: 180,
                credential: 'azuread_application_password.secret',
                expires: '2028-11-01T00:00:00.000Z',
              },
            },
          ],
        },
        {
          name: 'secret on the service principal that never expires',
          provider: 'entra',
          stack: entra(BY_ID, OWNED, undefined, {
            azuread_service_principal_password: {
              sp: { service_principal_id: '${azuread_service_principal.resetter.id}' },
            },
          }),
          expect: [{ messageId: 'secretNeverExpires', resource: 'azuread_service_principal_password.sp' }],
        },
        {
          name: 'secret valid for two years, linked the azuread 2.x way (application_object_id, service principal application_id)',
          provider: 'entra',
          stack: configStack({
            azuread_application: { resetter: { display_name: 'Reset automation', ...OWNED } },
            azuread_service_principal: {
              resetter: { application_id: '${azuread_application.resetter.application_id}' },
            },
            azuread_app_role_assignment: {
              methods: {
                app_role_id: BY_ID,
                principal_object_id: '${azuread_service_principal.resetter.object_id}',
                resource_object_id: 'graph',
              },
            },
            azuread_application_password: {
              secret: {
                application_object_id: '${azuread_application.resetter.object_id}',
                end_date: '2028-11-01T00:00:00Z',
              },
            },
          }),
          expect: [{ messageId: 'secretTooLong', resource: 'azuread_application_password.secret' }],
        },
        {
          name: 'service principal holding Authentication Administrator counts too',
          provider: 'entra',
          stack: entra(
            'df021288-bdef-4463-88db-98f22de89214',
            OWNED,
            { end_date_relative: '8760h' },
            {
              azuread_directory_role_assignment: {
                sp: {
                  role_id: ROLE.authenticationAdministrator,
                  principal_object_id: '${azuread_service_principal.resetter.object_id}',
                },
              },
            },
          ),
          expect: [{ messageId: 'secretTooLong', resource: 'azuread_application_password.secret' }],
        },
        {
          name: 'an application registration (azuread 3.x) with a secret that never expires and no owner',
          provider: 'entra',
          stack: registration({}, false),
          expect: [
            { messageId: 'secretNeverExpires', resource: 'azuread_application_password.secret' },
            { messageId: 'noOwner', resource: 'azuread_application_registration.resetter' },
          ],
        },
        {
          name: 'client secret (the default)',
          provider: 'okta',
          stack: okta({}),
          expect: [
            {
              messageId: 'oktaClientSecret',
              resource: 'okta_app_oauth.resetter',
              data: {
                application: 'okta_app_oauth.resetter',
                scopes: 'okta.users.manage',
                method: 'client_secret_basic',
              },
            },
          ],
        },
      ],
      unknown: [
        {
          name: 'end date from a variable',
          provider: 'entra',
          stack: entra(BY_NAME, OWNED, { end_date: '${var.end}' }),
          expect: [
            {
              messageId: 'cannotVerify',
              resource: 'azuread_application_password.secret',
              data: { what: 'when azuread_application_password.secret expires', why: 'its end date is not known' },
            },
          ],
        },
        {
          name: "an application registration's secret end date from a variable",
          provider: 'entra',
          stack: registration({ end_date: '${var.end}' }, true),
          expect: [{ messageId: 'cannotVerify', resource: 'azuread_application_password.secret' }],
        },
        {
          name: 'auth method from a variable',
          provider: 'okta',
          stack: okta({ token_endpoint_auth_method: '${var.method}' }),
          expect: [{ messageId: 'cannotVerify', resource: 'okta_app_oauth.resetter' }],
        },
      ],
    },
    SECRET_DAYS,
  ),
);
