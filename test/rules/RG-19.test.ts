import rule from '../../policies/rules/RG-19-no-shared-recovery-mailbox';
import { testRule } from '../support/rule-tester';
import { ROLE } from '../support/fixtures';
import { configStack } from '../support/stacks';

const oktaAdmins = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  configStack({
    okta_user: {
      ann: { login: 'ann@acme.example', first_name: 'Ann', last_name: 'A', email: 'ann@acme.example', ...a },
      ben: { login: 'ben@acme.example', first_name: 'Ben', last_name: 'B', email: 'ben@acme.example', ...b },
    },
    okta_group: { admins: { name: 'Admins' } },
    okta_group_memberships: {
      admins: { group_id: '${okta_group.admins.id}', users: ['${okta_user.ann.id}', '${okta_user.ben.id}'] },
    },
    okta_group_role: { admins: { group_id: '${okta_group.admins.id}', role_type: 'ORG_ADMIN' } },
  });
const entraOperator = (user: Record<string, unknown>) =>
  configStack({
    azuread_user: {
      hd: { user_principal_name: 'hd@acme.example', display_name: 'Help desk agent', ...user },
      staff: { user_principal_name: 'staff@acme.example', display_name: 'Staff', mail: 'helpdesk@acme.example' },
    },
    azuread_directory_role_assignment: {
      hd: {
        role_id: ROLE.helpdeskAdministrator,
        principal_object_id: '${azuread_user.hd.object_id}',
        directory_scope_id: '/administrativeUnits/x',
      },
    },
  });

testRule(rule, {
  valid: [
    {
      name: 'each admin recovers to a personal address',
      provider: 'okta',
      stack: oktaAdmins({ second_email: 'ann.private@example.net' }, {}),
    },
    {
      name: 'an operator with a personal address; ordinary users are not judged',
      provider: 'entra',
      stack: entraOperator({ mail: 'hd.agent@acme.example' }),
    },
  ],
  invalid: [
    {
      name: 'two admins share a second email',
      provider: 'okta',
      stack: oktaAdmins({ second_email: 'it-admins@acme.example' }, { second_email: 'IT-Admins@acme.example' }),
      expect: [
        {
          messageId: 'sharedAddress',
          resource: 'okta_user.ann',
          data: {
            account: 'okta_user.ann',
            kind: 'privileged',
            address: 'it-admins@acme.example',
            reason: 'which okta_user.ben also uses',
            attributes: 'email, second_email',
          },
        },
        { messageId: 'sharedAddress', resource: 'okta_user.ben' },
      ],
    },
    {
      name: 'a team pattern from recovery-gate.json',
      provider: 'okta',
      stack: oktaAdmins({ second_email: 'okta-team@acme.example' }, {}),
      sharedMailboxPattern: /^okta-team@/i,
      expect: [{ messageId: 'sharedAddress', resource: 'okta_user.ann' }],
    },
    {
      name: 'an operator recovers to the service-desk mailbox',
      provider: 'entra',
      stack: entraOperator({ other_mails: ['servicedesk@acme.example'] }),
      expect: [{ messageId: 'sharedAddress', resource: 'azuread_user.hd' }],
    },
  ],
  unknown: [
    {
      name: 'second email from a variable',
      provider: 'okta',
      stack: oktaAdmins({ second_email: '${var.recovery}' }, {}),
      expect: [
        {
          messageId: 'cannotVerify',
          resource: 'okta_user.ann',
          data: { what: 'the recovery addresses of okta_user.ann', why: 'email, second_email are not all known' },
        },
      ],
    },
    {
      name: 'mail from a variable',
      provider: 'entra',
      stack: entraOperator({ mail: '${var.mail}' }),
      expect: [{ messageId: 'cannotVerify', resource: 'azuread_user.hd' }],
    },
  ],
});
