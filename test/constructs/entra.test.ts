import { AdministrativeUnit } from '@cdktf/provider-azuread/lib/administrative-unit';
import { Group } from '@cdktf/provider-azuread/lib/group';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { User } from '@cdktf/provider-azuread/lib/user';
import {
  EntraAuthenticationMethods,
  EntraBreakGlass,
  EntraRecoveryOperators,
  EntraTieredAuthentication,
  daysFromNow,
} from '../../constructs';
import { setupRecoveryGuidanceMatchers } from '../../constructs/testing';
import { ACME } from '../../stacks/company';
import { EntraTenantStack } from '../../stacks/entra-tenant';
import { findingsOf, givenStack, resourcesOf, synthesized } from './support';

setupRecoveryGuidanceMatchers();

function entraStack() {
  const { app, stack } = givenStack('entra');
  new AzureadProvider(stack, 'azuread', {});
  const jo = new User(stack, 'jo', { userPrincipalName: 'jo@acme.example', displayName: 'Jo' });
  const admin = new User(stack, 'admin', { userPrincipalName: 'admin@acme.example', displayName: 'Admin' });
  const agent = new User(stack, 'agent', { userPrincipalName: 'agent@acme.example', displayName: 'Agent' });
  const supervisors = new Group(stack, 'supervisors', { displayName: 'Supervisors', securityEnabled: true });
  return { app, stack, jo, admin, agent, supervisors };
}

describe('EntraRecoveryOperators', () => {
  it('GIVEN an administrative unit of staff THEN a role-assignable group holds Authentication Administrator scoped to it, operators are eligible, activation is supervised', () => {
    const { stack, jo, agent, supervisors } = entraStack();
    const unit = new AdministrativeUnit(stack, 'staff', { displayName: 'Staff', members: [jo.objectId] });
    new EntraRecoveryOperators(stack, 'desk', {
      displayName: 'Service Desk',
      scope: unit,
      operators: [agent],
      supervisors,
      notify: ['secops@acme.example'],
    });
    expect(resourcesOf(stack, 'azuread_group').find((g) => g.display_name === 'Service Desk')).toMatchObject({
      assignable_to_role: true,
      security_enabled: true,
    });
    expect(resourcesOf(stack, 'azuread_directory_role_assignment')[0]).toMatchObject({
      role_id: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
      directory_scope_id: '/administrativeUnits/${azuread_administrative_unit.staff.object_id}',
    });
    expect(resourcesOf(stack, 'azuread_privileged_access_group_eligibility_schedule')[0]).toMatchObject({
      principal_id: '${azuread_user.agent.object_id}',
      assignment_type: 'member',
      duration: 'P180D',
    });
    const [policy] = resourcesOf(stack, 'azuread_group_role_management_policy');
    expect(policy).toMatchObject({
      role_id: 'member',
      activation_rules: {
        require_approval: true,
        require_justification: true,
        require_ticket_info: true,
        require_multifactor_authentication: true,
        maximum_duration: 'PT4H',
        approval_stage: {
          primary_approver: [{ object_id: '${azuread_group.supervisors.object_id}', type: 'groupMembers' }],
        },
      },
      notification_rules: {
        eligible_activations: { admin_notifications: { additional_recipients: ['secops@acme.example'] } },
      },
    });
    expect(findingsOf(stack, ['RG-01', 'RG-02', 'RG-03', 'RG-04', 'RG-05'])).toEqual([]);
  });

  it('fails synth when the unit holds an administrator, when activation lasts 12 hours, or when an operator supervises', () => {
    const a = entraStack();
    const unit = new AdministrativeUnit(a.stack, 'staff', {
      displayName: 'Staff',
      members: [a.jo.objectId, a.admin.objectId],
    });
    expect(
      () =>
        new EntraRecoveryOperators(a.stack, 'desk', {
          displayName: 'Desk',
          scope: unit,
          operators: [a.agent],
          supervisors: a.supervisors,
          notify: ['secops@acme.example'],
          privileged: [a.admin],
        }),
    ).toThrow(
      /contains privileged entra\/admin\. Operators must not reach administrators: keep them out of the unit \(RG-02\)/,
    );
    const b = entraStack();
    const unitB = new AdministrativeUnit(b.stack, 'staff', { displayName: 'Staff' });
    expect(
      () =>
        new EntraRecoveryOperators(b.stack, 'desk', {
          displayName: 'Desk',
          scope: unitB,
          operators: [b.agent],
          supervisors: b.supervisors,
          notify: ['s@acme.example'],
          maxActivation: 'PT12H',
        }),
    ).toThrow(/PT12H is longer than eight hours.*Use "PT4H" or at most "PT8H" \(RG-04\)/);
    const c = entraStack();
    const unitC = new AdministrativeUnit(c.stack, 'staff', { displayName: 'Staff' });
    const selfSupervised = new Group(c.stack, 'self', {
      displayName: 'Self',
      securityEnabled: true,
      members: [c.agent.objectId],
    });
    expect(
      () =>
        new EntraRecoveryOperators(c.stack, 'desk', {
          displayName: 'Desk',
          scope: unitC,
          operators: [c.agent],
          supervisors: selfSupervised,
          notify: ['s@acme.example'],
        }),
    ).toThrow(/would approve their own activation.*\(RG-05\)/);
  });
});

describe('EntraBreakGlass', () => {
  const monitoring = ACME.monitoring;
  const upns = ['bg1@acme.onmicrosoft.com', 'bg2@acme.onmicrosoft.com'];

  it('GIVEN two cloud-only accounts THEN Global Administrator each, expiry preconditions, a group, and a severity-0 sign-in alert naming them', () => {
    const { stack } = entraStack();
    new EntraBreakGlass(stack, 'bg', {
      userPrincipalNames: upns,
      expires: daysFromNow(45),
      evidence: 'SEC-1042',
      monitoring,
    });
    expect(resourcesOf(stack, 'azuread_directory_role_assignment').map((a) => a.role_id)).toEqual([
      '62e90394-69f5-4237-9190-012177145e10',
      '62e90394-69f5-4237-9190-012177145e10',
    ]);
    const [alert] = resourcesOf(stack, 'azurerm_monitor_scheduled_query_rules_alert_v2');
    expect(alert.severity).toBe(0);
    // Interactive and non-interactive sign-ins; the UPN in any case, or the object id.
    const query = JSON.stringify(alert.criteria);
    expect(query).toMatch(
      /union SigninLogs, AADNonInteractiveUserSignInLogs \| where UserPrincipalName in~ \(\\"\$\{azuread_user\.bg_account_1_\w+\.user_principal_name\}\\"/,
    );
    expect(query).toMatch(/or UserId in \(\\"\$\{azuread_user\.bg_account_1_\w+\.object_id\}\\"/);
    expect(
      (synthesized(stack).terraform as { required_providers: Record<string, unknown> }).required_providers,
    ).toHaveProperty('azurerm');
    // azuread refuses a user without a password on create: each account's is generated, and only referenced.
    const accounts = resourcesOf(stack, 'azuread_user').filter((u) => upns.includes(u.user_principal_name as string));
    expect(accounts.map((u) => u.password)).toEqual([
      expect.stringMatching(/^\$\{random_password\.bg_account_1_password_\w+\.result\}$/),
      expect.stringMatching(/^\$\{random_password\.bg_account_2_password_\w+\.result\}$/),
    ]);
    expect(resourcesOf(stack, 'random_password').map((p) => p.length)).toEqual([64, 64]);
    expect(
      (synthesized(stack).terraform as { required_providers: Record<string, unknown> }).required_providers,
    ).toHaveProperty('random');
    expect(findingsOf(stack, ['RG-12', 'RG-13', 'RG-15'])).toEqual([]);
  });

  it('fails synth on a custom-domain account or an expiry 200 days ahead', () => {
    expect(
      () =>
        new EntraBreakGlass(entraStack().stack, 'bg', {
          userPrincipalNames: ['bg1@acme.example', upns[1]],
          expires: daysFromNow(30),
          evidence: 'x',
          monitoring,
        }),
    ).toThrow(/not on a \*\.onmicrosoft\.com domain/);
    expect(
      () =>
        new EntraBreakGlass(entraStack().stack, 'bg', {
          userPrincipalNames: upns,
          expires: daysFromNow(200),
          evidence: 'x',
          monitoring,
        }),
    ).toThrow(/more than 90/);
  });
});

describe('EntraAuthenticationMethods and EntraTieredAuthentication', () => {
  it('GIVEN defaults THEN single-use passes of at most four hours, SMS and voice off, report suspicious activity on', () => {
    const { stack } = entraStack();
    new EntraAuthenticationMethods(stack, 'methods');
    const updates = resourcesOf(stack, 'msgraph_update_resource');
    expect(updates.find((u) => String(u.url).endsWith('TemporaryAccessPass'))?.body).toMatchObject({
      isUsableOnce: true,
      maximumLifetimeInMinutes: 240,
    });
    // Graph refuses a default outside minimum…maximum, and knows reportSuspiciousActivitySettings only in beta.
    const tap = updates.find((u) => String(u.url).endsWith('TemporaryAccessPass'))!.body as Record<string, number>;
    expect(tap.minimumLifetimeInMinutes).toBeLessThanOrEqual(tap.defaultLifetimeInMinutes);
    expect(tap.defaultLifetimeInMinutes).toBeLessThanOrEqual(tap.maximumLifetimeInMinutes);
    expect(tap.minimumLifetimeInMinutes).toBeGreaterThanOrEqual(10);
    expect(updates.find((u) => JSON.stringify(u.body).includes('reportSuspiciousActivitySettings'))).toMatchObject({
      api_version: 'beta',
    });
    expect(
      updates.filter((u) => /\/(Sms|Voice)$/.test(String(u.url))).map((u) => (u.body as { state: string }).state),
    ).toEqual(['disabled', 'disabled']);
    expect(
      (synthesized(stack).terraform as { required_providers: Record<string, { source: string }> }).required_providers
        .msgraph.source,
    ).toBe('microsoft/msgraph');
    expect(findingsOf(stack, ['RG-10', 'RG-11', 'RG-18'])).toEqual([]);
  });

  it('every lifetime the construct accepts gives a body Graph accepts: minimum ≤ default ≤ maximum', () => {
    for (const max of [10, 11, 60, 240, 480]) {
      for (const initial of [10, Math.min(60, max), max]) {
        const methods = new EntraAuthenticationMethods(entraStack().stack, 'methods', {
          tapMaxLifetimeMinutes: max,
          tapDefaultLifetimeMinutes: initial,
        });
        const body = (methods.temporaryAccessPass as unknown as { rawOverrides: { body: Record<string, number> } })
          .rawOverrides.body;
        expect([
          body.minimumLifetimeInMinutes <= body.defaultLifetimeInMinutes,
          body.defaultLifetimeInMinutes <= body.maximumLifetimeInMinutes,
          body.minimumLifetimeInMinutes >= 10,
        ]).toEqual([true, true, true]);
      }
    }
    expect(
      () => new EntraAuthenticationMethods(entraStack().stack, 'methods', { tapDefaultLifetimeMinutes: 5 }),
    ).toThrow(/below Graph's minimum of 10 minutes/);
  });

  it('fails synth on a Temporary Access Pass lifetime of a day', () => {
    expect(
      () => new EntraAuthenticationMethods(entraStack().stack, 'methods', { tapMaxLifetimeMinutes: 1440 }),
    ).toThrow(/1440 is outside 10–480.*use at most 480 \(RG-10\)/);
  });

  it('GIVEN tiers THEN every policy excludes break glass, privileged and vendor tiers get the phishing-resistant strength', () => {
    const { stack } = entraStack();
    const group = (id: string) => new Group(stack, id, { displayName: id, securityEnabled: true });
    new EntraTieredAuthentication(stack, 'auth', {
      tiers: { standard: [group('staff')], privileged: [group('admins')], vendor: [group('vendors')] },
      breakGlass: new Group(stack, 'bg', { displayName: 'bg', securityEnabled: true, assignableToRole: true }),
    });
    const policies = resourcesOf(stack, 'azuread_conditional_access_policy');
    expect(policies).toHaveLength(5);
    for (const p of policies.filter((x) => x.display_name !== 'Break glass: phishing-resistant')) {
      expect((p.conditions as { users: { excluded_groups: string[] } }).users.excluded_groups).toEqual([
        '${azuread_group.bg.object_id}',
      ]);
    }
    const strength = (name: string) =>
      (policies.find((p) => p.display_name === name)?.grant_controls as { authentication_strength_policy_id?: string })
        .authentication_strength_policy_id;
    expect(strength('Privileged roles: phishing-resistant')).toMatch(/0004$/);
    expect(strength('Vendors: phishing-resistant, frequent sign-in')).toMatch(/0004$/);
    expect(findingsOf(stack, ['RG-06', 'RG-07', 'RG-08', 'RG-09', 'RG-23'])).toEqual([]);
  });

  it('GIVEN recovery operators scoped to a unit THEN their group, not their role, puts them under the phishing-resistant policy', () => {
    const { stack, jo, agent, supervisors } = entraStack();
    const unit = new AdministrativeUnit(stack, 'staff', { displayName: 'Staff', members: [jo.objectId] });
    const desk = new EntraRecoveryOperators(stack, 'desk', {
      displayName: 'Service Desk',
      scope: unit,
      operators: [agent],
      supervisors,
      notify: ['secops@acme.example'],
    });
    const tiers = {
      standard: [new Group(stack, 'staff_group', { displayName: 'Staff', securityEnabled: true })],
      privileged: [
        new Group(stack, 'admins', { displayName: 'Admins', securityEnabled: true, assignableToRole: true }),
      ],
    };
    const breakGlass = new Group(stack, 'bg', { displayName: 'bg', securityEnabled: true, assignableToRole: true });
    new EntraTieredAuthentication(stack, 'auth', { tiers, operators: [desk.group], breakGlass });
    const privileged = resourcesOf(stack, 'azuread_conditional_access_policy').find(
      (p) => p.display_name === 'Privileged roles: phishing-resistant',
    )!;
    const users = (privileged.conditions as { users: { included_groups: string[]; included_roles: string[] } }).users;
    expect(users.included_groups).toEqual([
      '${azuread_group.admins.object_id}',
      expect.stringMatching(/^\$\{azuread_group\.desk_group_[0-9A-F]+\.object_id\}$/),
    ]);
    expect(users.included_roles).toContain('c4e39bd9-1100-46d3-8c65-fb160da0071f'); // Authentication Administrator, for directory-wide holders
    expect(findingsOf(stack, ['RG-06'])).toEqual([]);
  });

  it('GIVEN recovery operators scoped to a unit but not named to the tiered policies THEN RG-06 says included_roles does not reach them', () => {
    const { stack, jo, agent, supervisors } = entraStack();
    const unit = new AdministrativeUnit(stack, 'staff', { displayName: 'Staff', members: [jo.objectId] });
    new EntraRecoveryOperators(stack, 'desk', {
      displayName: 'Service Desk',
      scope: unit,
      operators: [agent],
      supervisors,
      notify: ['secops@acme.example'],
    });
    const breakGlass = new Group(stack, 'bg', { displayName: 'bg', securityEnabled: true, assignableToRole: true });
    new EntraTieredAuthentication(stack, 'auth', {
      tiers: {
        standard: [],
        privileged: [
          new Group(stack, 'admins', { displayName: 'Admins', securityEnabled: true, assignableToRole: true }),
        ],
      },
      breakGlass,
    });
    expect(findingsOf(stack, ['RG-06'])).toEqual([
      expect.stringMatching(
        /held at an administrative unit's scope: Authentication Administrator \(azuread_directory_role_assignment\.desk_role_[0-9A-F]+\)/,
      ),
    ]);
  });
});

describe('the example Entra tenant', () => {
  it('satisfies the whole catalogue', () => {
    const { app } = givenStack('unused');
    expect(new EntraTenantStack(app, 'acme-entra', ACME)).toSatisfyRecoveryGuidance();
  });
});
