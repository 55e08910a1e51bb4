import rule from '../../policies/rules/RG-12-break-glass-narrow';
import { testRule } from '../support/rule-tester';
import { type Boundary, withBoundaries } from '../support/boundaries';
import { ENTRA_BREAK_GLASS, OKTA_BREAK_GLASS, ROLE } from '../support/fixtures';
import { configStack } from '../support/stacks';

const ga = (principal: string) => ({
  role_id: ROLE.globalAdministrator,
  principal_object_id: `\${${principal}.object_id}`,
});
const entra = (
  users: Record<string, Record<string, unknown>>,
  assignments: Record<string, Record<string, unknown>>,
  extra: Record<string, Record<string, unknown>> = {},
) => configStack({ azuread_user: users, azuread_directory_role_assignment: assignments, ...extra });
const bgAssignments = { bg1: ga('azuread_user.bg1'), bg2: ga('azuread_user.bg2') };

const okta = (
  users: Record<string, Record<string, unknown>>,
  members: string[],
  extra: Record<string, Record<string, unknown>> = {},
) =>
  configStack({
    okta_user: users,
    okta_group: { bg: { name: 'Break glass' }, vendor: { name: 'Contoso vendor support' } },
    okta_group_memberships: { bg: { group_id: '${okta_group.bg.id}', users: members } },
    okta_group_role: { bg: { group_id: '${okta_group.bg.id}', role_type: 'SUPER_ADMIN' } },
    ...extra,
  });

const many = (n: number) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `ga${i}`,
      { user_principal_name: `admin${i}@acme.example`, display_name: `Admin ${i}` },
    ]),
  );

/** `accounts` break-glass accounts and `admins` other holders of the top role, on one provider. */
const tenantOf = (provider: 'okta' | 'entra', accounts: number, admins = 0) => {
  const numbered = (n: number, entry: (i: number) => [string, Record<string, unknown>]) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => entry(i + 1)));
  if (provider === 'entra') {
    const users = {
      ...numbered(accounts, (i) => [
        `bg${i}`,
        { user_principal_name: `breakglass${i}@acme.onmicrosoft.com`, display_name: `Break glass ${i}` },
      ]),
      ...many(admins),
    };
    return entra(users, Object.fromEntries(Object.keys(users).map((k) => [k, ga(`azuread_user.${k}`)])));
  }
  const person = (login: string) => ({ login, email: login, first_name: 'A', last_name: login });
  const bg = numbered(accounts, (i) => [`bg${i}`, person(`breakglass${i}@acme.example`)]);
  const others = numbered(admins, (i) => [`admin${i}`, person(`admin${i}@acme.example`)]);
  const ids = (users: object) => Object.keys(users).map((k) => `\${okta_user.${k}.id}`);
  return configStack({
    okta_user: { ...bg, ...others },
    okta_group: { bg: { name: 'Break glass' }, admins: { name: 'Administrators' } },
    okta_group_memberships: {
      bg: { group_id: '${okta_group.bg.id}', users: ids(bg) },
      ...(admins > 0 ? { admins: { group_id: '${okta_group.admins.id}', users: ids(others) } } : {}),
    },
    okta_group_role: {
      bg: { group_id: '${okta_group.bg.id}', role_type: 'SUPER_ADMIN' },
      admins: { group_id: '${okta_group.admins.id}', role_type: 'SUPER_ADMIN' },
    },
  });
};
const NAMES = {
  okta: { provider: 'Okta', topRole: 'SUPER_ADMIN', user: 'okta_user' },
  entra: { provider: 'Entra ID', topRole: 'Global Administrator', user: 'azuread_user' },
};

/** Fewer break-glass accounts than breakGlassMinAccounts (2, or what recovery-gate.json says). */
const fewest = (provider: 'okta' | 'entra'): Boundary => ({
  what: 'break-glass accounts',
  provider,
  threshold: 'breakGlassMinAccounts',
  bound: 'min',
  configured: 3,
  stack: (n) => tenantOf(provider, n),
  beyond: (n, min) => [
    {
      messageId: 'tooFew',
      resource: null,
      data: { provider: NAMES[provider].provider, topRole: NAMES[provider].topRole, min, max: 4, count: n },
    },
  ],
});

/** More break-glass accounts than breakGlassMaxAccounts (4, or what recovery-gate.json says): the ones beyond are named. */
const most = (provider: 'okta' | 'entra'): Boundary => ({
  what: 'break-glass accounts',
  provider,
  threshold: 'breakGlassMaxAccounts',
  bound: 'max',
  configured: 3,
  stack: (n) => tenantOf(provider, n),
  beyond: (n, max) => [
    {
      messageId: 'tooMany',
      resource: `${NAMES[provider].user}.bg${n}`,
      data: {
        provider: NAMES[provider].provider,
        topRole: NAMES[provider].topRole,
        min: 2,
        max,
        count: n,
        account: `${NAMES[provider].user}.bg${n}`,
      },
    },
  ],
});

/** More holders of the top role than topRoleMaxHolders (8, or what recovery-gate.json says), two of them break-glass accounts. */
const holders = (provider: 'okta' | 'entra'): Boundary => ({
  what: 'holders of the top role',
  provider,
  threshold: 'topRoleMaxHolders',
  bound: 'max',
  configured: 4,
  stack: (n) => tenantOf(provider, 2, n - 2),
  beyond: (n, max) => [
    {
      messageId: 'tooManyTopRole',
      resource: null,
      data: { provider: NAMES[provider].provider, topRole: NAMES[provider].topRole, min: 2, max, count: n },
    },
  ],
});

testRule(
  rule,
  withBoundaries(
    {
      valid: [
        {
          name: 'two cloud-only accounts holding Global Administrator only',
          provider: 'entra',
          stack: entra(ENTRA_BREAK_GLASS, bgAssignments),
        },
        {
          name: 'two accounts holding SUPER_ADMIN through the break-glass group',
          provider: 'okta',
          stack: okta(OKTA_BREAK_GLASS, ['${okta_user.bg1.id}', '${okta_user.bg2.id}']),
        },
      ],
      invalid: [
        {
          name: 'one break-glass account',
          provider: 'entra',
          stack: entra({ bg1: ENTRA_BREAK_GLASS.bg1 }, { bg1: ga('azuread_user.bg1') }),
          expect: [
            {
              messageId: 'tooFew',
              resource: null,
              data: { provider: 'Entra ID', topRole: 'Global Administrator', min: 2, max: 4, count: 1 },
            },
          ],
        },
        {
          name: 'synced account with a second role',
          provider: 'entra',
          stack: entra(
            { ...ENTRA_BREAK_GLASS, bg2: { ...ENTRA_BREAK_GLASS.bg2, onpremises_immutable_id: 'abc' } },
            {
              ...bgAssignments,
              extra: { role_id: ROLE.helpdeskAdministrator, principal_object_id: '${azuread_user.bg1.object_id}' },
            },
          ),
          expect: [
            {
              messageId: 'notCloudOnly',
              resource: 'azuread_user.bg2',
              data: {
                provider: 'Entra ID',
                topRole: 'Global Administrator',
                min: 2,
                max: 4,
                count: 2,
                account: 'azuread_user.bg2',
                reason: 'is synchronised from on-premises (onpremises_immutable_id is set)',
              },
            },
            {
              messageId: 'extraRoles',
              resource: 'azuread_user.bg1',
              data: {
                provider: 'Entra ID',
                topRole: 'Global Administrator',
                min: 2,
                max: 4,
                count: 2,
                account: 'azuread_user.bg1',
                roles: 'Helpdesk Administrator',
              },
            },
          ],
        },
        {
          name: 'nine Global Administrators',
          provider: 'entra',
          stack: entra(
            { ...ENTRA_BREAK_GLASS, ...many(7) },
            { ...bgAssignments, ...Object.fromEntries(Object.keys(many(7)).map((k) => [k, ga(`azuread_user.${k}`)])) },
          ),
          expect: [
            {
              messageId: 'tooManyTopRole',
              resource: null,
              data: { provider: 'Entra ID', topRole: 'Global Administrator', min: 2, max: 8, count: 9 },
            },
          ],
        },
        {
          name: 'break-glass account in a vendor group, another without the top role',
          provider: 'okta',
          stack: okta(OKTA_BREAK_GLASS, ['${okta_user.bg1.id}'], {
            okta_user_group_memberships: {
              bg1: { user_id: '${okta_user.bg1.id}', groups: ['${okta_group.vendor.id}'] },
            },
          }),
          expect: [
            {
              messageId: 'inOperatorGroup',
              resource: 'okta_user.bg1',
              data: {
                provider: 'Okta',
                topRole: 'SUPER_ADMIN',
                min: 2,
                max: 4,
                count: 2,
                account: 'okta_user.bg1',
                groups: 'okta_group.vendor',
              },
            },
            {
              messageId: 'noTopRole',
              resource: 'okta_user.bg2',
              data: { provider: 'Okta', topRole: 'SUPER_ADMIN', min: 2, max: 4, count: 2, account: 'okta_user.bg2' },
            },
          ],
        },
      ],
      unknown: [
        {
          name: 'UPN from a variable',
          provider: 'entra',
          stack: entra(
            { ...ENTRA_BREAK_GLASS, bg2: { user_principal_name: '${var.bg2_upn}', display_name: 'Break glass 2' } },
            bgAssignments,
          ),
          expect: [
            {
              messageId: 'cannotVerify',
              resource: 'azuread_user.bg2',
              data: { what: 'whether azuread_user.bg2 is cloud-only', why: 'user_principal_name is not known' },
            },
          ],
        },
        {
          name: 'accounts made by for_each over a variable: one account, or many',
          provider: 'entra',
          stack: entra(
            {
              break_glass: {
                for_each: '${var.accounts}',
                user_principal_name: '${each.key}@acme.onmicrosoft.com',
                display_name: 'Break glass ${each.key}',
              },
            },
            {
              break_glass: {
                for_each: '${var.accounts}',
                role_id: ROLE.globalAdministrator,
                principal_object_id: '${azuread_user.break_glass[each.key].object_id}',
              },
            },
          ),
          expect: [
            { messageId: 'cannotVerify', resource: 'azuread_user.break_glass[*]' }, // how many
            { messageId: 'cannotVerify', resource: 'azuread_user.break_glass[*]' }, // whether cloud-only
            { messageId: 'cannotVerify', resource: 'azuread_user.break_glass[*]' }, // how many hold Global Administrator
          ],
        },
        {
          name: 'Global Administrators assigned by for_each over a variable: how many is not known',
          provider: 'entra',
          stack: entra(
            {
              ...ENTRA_BREAK_GLASS,
              admins: {
                for_each: '${var.admins}',
                user_principal_name: '${each.key}@acme.example',
                display_name: 'Admin',
              },
            },
            {
              ...bgAssignments,
              admins: {
                for_each: '${var.admins}',
                role_id: ROLE.globalAdministrator,
                principal_object_id: '${azuread_user.admins[each.key].object_id}',
              },
            },
          ),
          expect: [{ messageId: 'cannotVerify', resource: 'azuread_user.admins[*]' }],
        },
        // Okta accounts carry no cloud-only question; an unknown role type is the unknown that matters.
        {
          name: 'role type from a variable',
          provider: 'okta',
          stack: okta(OKTA_BREAK_GLASS, ['${okta_user.bg1.id}', '${okta_user.bg2.id}'], {
            okta_group_role: { bg: { group_id: '${okta_group.bg.id}', role_type: '${var.role}' } },
          }),
          expect: [
            { messageId: 'cannotVerify', resource: 'okta_user.bg1' },
            { messageId: 'cannotVerify', resource: 'okta_user.bg2' },
          ],
        },
      ],
    },
    ...(['okta', 'entra'] as const).flatMap((p) => [fewest(p), most(p), holders(p)]),
  ),
);
