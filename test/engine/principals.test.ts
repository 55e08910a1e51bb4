/** The principal classes of RULES.md ("Who is who"), inferred and declared, on both providers. */
import { DEFAULT_CONFIG, Declarations } from '../../policies/config/config';
import { RuleContext } from '../../policies/tenant/context';
import { configStack, Resources } from '../support/stacks';

const PRIV_AUTH_ADMIN = '7be44c8a-adaf-4e2a-84d6-ab2649e08a13';
const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

function contextOf(resources: Resources, declarations: Partial<Declarations> = {}) {
  const config = { ...DEFAULT_CONFIG, declarations: { ...DEFAULT_CONFIG.declarations, ...declarations } };
  const ctx = new RuleContext(configStack(resources), config, new Date('2026-11-26T12:00:00Z'));
  const classOf = (address: string) => ctx.principals.classOf(ctx.get(address)!) ?? null;
  return { ctx, classOf };
}

const entra: Resources = {
  azuread_user: {
    alice: { user_principal_name: 'alice@acme.example', display_name: 'Alice' },
    hd1: { user_principal_name: 'hd1@acme.example', display_name: 'Help desk 1' },
    bob: { user_principal_name: 'bob@acme.example', display_name: 'Bob' },
    bg1: { user_principal_name: 'breakglass1@acme.onmicrosoft.com', display_name: 'Emergency 1' },
  },
  azuread_group: {
    pam: { display_name: 'Privileged auth admins', security_enabled: true, assignable_to_role: true },
    helpdesk: {
      display_name: 'Service desk',
      security_enabled: true,
      assignable_to_role: true,
      members: ['${azuread_user.hd1.object_id}'],
    },
    contoso: { display_name: 'Contoso contractor support', security_enabled: true },
  },
  azuread_invitation: {
    guest: { user_email_address: 'pat@example.net', redirect_url: 'https://myapps.microsoft.com' },
  },
  azuread_directory_role_assignment: {
    pam: { role_id: PRIV_AUTH_ADMIN, principal_object_id: '${azuread_group.pam.object_id}' },
    helpdesk: {
      role_id: HELPDESK,
      principal_object_id: '${azuread_group.helpdesk.object_id}',
      directory_scope_id: '/administrativeUnits/x',
    },
  },
  azuread_privileged_access_group_eligibility_schedule: {
    alice: {
      group_id: '${azuread_group.pam.object_id}',
      principal_id: '${azuread_user.alice.object_id}',
      assignment_type: 'member',
      duration: 'P90D',
    },
  },
};

describe('principal classes (Entra)', () => {
  it('infers privileged through PIM for Groups, operator through a static group, vendor by guest and by name, break-glass by name', () => {
    const { classOf } = contextOf(entra);
    expect(classOf('azuread_user.alice')).toBe('privileged');
    expect(classOf('azuread_group.pam')).toBe('privileged');
    expect(classOf('azuread_user.hd1')).toBe('operators');
    expect(classOf('azuread_group.helpdesk')).toBe('operators');
    expect(classOf('azuread_invitation.guest')).toBe('vendors');
    expect(classOf('azuread_group.contoso')).toBe('vendors');
    expect(classOf('azuread_user.bg1')).toBe('breakGlass');
    expect(classOf('azuread_user.bob')).toBeNull();
  });

  it('declarations come first, by address or by name', () => {
    const { classOf, ctx } = contextOf(entra, {
      vendors: ['bob@acme.example'],
      privileged: ['azuread_user.hd1'],
      operators: ['Bob'],
    });
    expect(classOf('azuread_user.bob')).toBe('vendors');
    expect(ctx.principals.isOperator(ctx.get('azuread_user.bob')!)).toBe(true);
    expect(classOf('azuread_user.hd1')).toBe('privileged');
  });

  it('grantsHeldBy lists own grants and those of static and eligible groups', () => {
    const { ctx } = contextOf(entra);
    const held = (a: string) => ctx.principals.grantsHeldBy(ctx.get(a)!).map((g) => g.assignment.address);
    expect(held('azuread_user.alice')).toEqual(['azuread_directory_role_assignment.pam']);
    expect(held('azuread_user.hd1')).toEqual(['azuread_directory_role_assignment.helpdesk']);
    expect(held('azuread_user.bob')).toEqual([]);
  });
});

describe('principal classes (Okta)', () => {
  const okta: Resources = {
    okta_user: {
      root: { login: 'root@acme.example', email: 'root@acme.example', first_name: 'R', last_name: 'R' },
      agent: { login: 'agent@acme.example', email: 'agent@acme.example', first_name: 'A', last_name: 'A' },
      ext: {
        login: 'sam@acme.example',
        email: 'sam@acme.example',
        first_name: 'S',
        last_name: 'S',
        user_type: 'Contractor',
      },
    },
    okta_group: {
      admins: { name: 'Admins' },
      support: { name: 'Support' },
      policy_editors: { name: 'Policy editors' },
    },
    okta_group_memberships: {
      admins: { group_id: '${okta_group.admins.id}', users: ['${okta_user.root.id}'] },
      support: { group_id: '${okta_group.support.id}', users: ['${okta_user.agent.id}'] },
    },
    okta_admin_role_custom: {
      policies: { label: 'Policy editor', description: 'x', permissions: ['okta.policies.manage'] },
    },
    okta_resource_set: {
      all: { label: 'x', description: 'x', resources: ['https://acme.okta.com/api/v1/groups/00g1'] },
    },
    okta_group_role: {
      admins: { group_id: '${okta_group.admins.id}', role_type: 'SUPER_ADMIN' },
      support: { group_id: '${okta_group.support.id}', role_type: 'HELP_DESK_ADMIN', target_group_list: ['00g1'] },
      editors: {
        group_id: '${okta_group.policy_editors.id}',
        role_type: 'CUSTOM',
        role_id: '${okta_admin_role_custom.policies.id}',
        resource_set_id: '${okta_resource_set.all.id}',
      },
    },
  };

  it('infers privileged from SUPER_ADMIN and policy permissions, operator from HELP_DESK_ADMIN, vendor from user_type', () => {
    const { classOf } = contextOf(okta);
    expect(classOf('okta_user.root')).toBe('privileged');
    expect(classOf('okta_group.policy_editors')).toBe('privileged');
    expect(classOf('okta_user.agent')).toBe('operators');
    expect(classOf('okta_user.ext')).toBe('vendors');
  });
});
