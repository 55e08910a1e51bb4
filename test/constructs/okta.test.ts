import { Group } from '@cdktf/provider-okta/lib/group';
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import {
  OktaBreakGlass,
  OktaRecoveryOperators,
  OktaShortLivedRecovery,
  OktaTieredAuthentication,
  daysFromNow,
} from '../../constructs';
import { PHISHING_RESISTANT_CONSTRAINT } from '../../constructs/okta/tiered-authentication';
import { setupRecoveryGuidanceMatchers } from '../../constructs/testing';
import { OktaOrgStack } from '../../stacks/okta-org';
import { ACME } from '../../stacks/company';
import { findingsOf, givenStack, resourcesOf, synthesized } from './support';

setupRecoveryGuidanceMatchers();

const approval = { approver: 'ciso-office', evidence: 'SEC-1107', expires: daysFromNow(120) };

function oktaStack() {
  const { app, stack } = givenStack('okta');
  new OktaProvider(stack, 'okta', { orgName: 'acme', baseUrl: 'okta.com' });
  const staff = new Group(stack, 'staff', { name: 'Staff' });
  const admins = new Group(stack, 'admins', { name: 'Admins' });
  const helpdesk = new Group(stack, 'helpdesk', { name: 'Help desk' });
  return { app, stack, staff, admins, helpdesk };
}

describe('OktaRecoveryOperators', () => {
  it('GIVEN a help desk WHEN scoped to staff THEN a credential-only custom role over a resource set of the staff group, assigned to the help desk, with attested approval', () => {
    const { stack, staff, admins, helpdesk } = oktaStack();
    new OktaRecoveryOperators(stack, 'reset', {
      orgUrl: 'https://acme.okta.com/',
      operators: helpdesk,
      scope: [staff],
      privileged: [admins],
      approval,
    });
    const [role] = resourcesOf(stack, 'okta_admin_role_custom');
    expect(role.permissions).toEqual([
      'okta.users.read',
      'okta.users.credentials.resetFactors',
      'okta.users.credentials.resetPassword',
    ]);
    expect(resourcesOf(stack, 'okta_resource_set')[0].resources).toEqual([
      'https://acme.okta.com/api/v1/groups/${okta_group.staff.id}/users',
    ]);
    expect(resourcesOf(stack, 'okta_admin_role_custom_assignments')[0].members).toEqual([
      'https://acme.okta.com/api/v1/groups/${okta_group.helpdesk.id}',
    ]);
    expect(JSON.stringify(resourcesOf(stack, 'terraform_data'))).toMatch(/"control":"RG-04"/);
    expect(resourcesOf(stack, 'okta_group_role')).toEqual([]); // never a standard role, never Super Admin
    expect(findingsOf(stack, ['RG-01', 'RG-02', 'RG-03', 'RG-04', 'RG-05'])).toEqual([]);
  });

  it('fails synth when the scope contains administrators, saying how to fix it', () => {
    const { stack, staff, admins, helpdesk } = oktaStack();
    expect(
      () =>
        new OktaRecoveryOperators(stack, 'reset', {
          orgUrl: 'https://acme.okta.com',
          operators: helpdesk,
          scope: [staff, admins],
          privileged: [admins],
          approval,
        }),
    ).toThrow(
      /scope contains the privileged group\(s\) okta\/admins\. Operators must not reach administrators: remove them from scope \(RG-02\)/,
    );
  });

  it('fails synth on permissions that let operators grant themselves more', () => {
    const { stack, staff, helpdesk } = oktaStack();
    expect(
      () =>
        new OktaRecoveryOperators(stack, 'reset', {
          orgUrl: 'https://acme.okta.com',
          operators: helpdesk,
          scope: [staff],
          permissions: ['okta.users.credentials.resetFactors', 'okta.groups.members.manage'],
          approval,
        }),
    ).toThrow(/okta\.groups\.members\.manage let operators grant themselves more/);
  });
});

describe('OktaBreakGlass', () => {
  const props = {
    accounts: [{ login: 'breakglass-1@acme.example' }, { login: 'breakglass-2@acme.example' }],
    evidence: 'SEC-1042',
    alertEndpoint: 'https://siem.acme.example/okta',
  };

  it('GIVEN two accounts THEN Super Admin through their group, a plan-time expiry on each, and a sign-in hook', () => {
    const { stack } = oktaStack();
    new OktaBreakGlass(stack, 'bg', { ...props, expires: daysFromNow(60) });
    expect(resourcesOf(stack, 'okta_group_role').map((r) => r.role_type)).toEqual(['SUPER_ADMIN']);
    const users = resourcesOf(stack, 'okta_user');
    expect(users).toHaveLength(2);
    for (const user of users) {
      expect(user.lifecycle).toEqual({
        precondition: [
          expect.objectContaining({
            condition: expect.stringMatching(
              /^\$\{timecmp\(plantimestamp\(\), terraform_data\.\w+\.input\.recovery_gate_attestation\.expires\) < 0\}$/,
            ),
          }),
        ],
      });
    }
    expect(resourcesOf(stack, 'okta_event_hook')[0].events).toEqual(['user.session.start']);
    // Who is who travels with the stack, so `recovery-gate check cdktf.out` needs no config file.
    expect(stack.toTerraform()['//']['recovery-gate'].declarations.breakGlass).toHaveLength(3);
    expect(findingsOf(stack, ['RG-12', 'RG-13', 'RG-15'])).toEqual([]);
  });

  it('fails synth on an expiry 200 days ahead, in the past, or with one account', () => {
    expect(() => new OktaBreakGlass(oktaStack().stack, 'bg', { ...props, expires: daysFromNow(200) })).toThrow(
      /days ahead, more than 90\. Set a date within 90 days/,
    );
    expect(() => new OktaBreakGlass(oktaStack().stack, 'bg', { ...props, expires: '2020-01-01T00:00:00Z' })).toThrow(
      /is in the past/,
    );
    expect(
      () =>
        new OktaBreakGlass(oktaStack().stack, 'bg', {
          ...props,
          accounts: props.accounts.slice(0, 1),
          expires: daysFromNow(30),
        }),
    ).toThrow(/1 account\(s\)\. Keep two to four/);
  });
});

describe('OktaTieredAuthentication and OktaShortLivedRecovery', () => {
  it('GIVEN tiers THEN MFA for everyone, phishing-resistant admins, operators and vendors, email-only recovery, notifications on', () => {
    const { stack, staff, admins, helpdesk } = oktaStack();
    const vendors = new Group(stack, 'vendors', { name: 'Contoso vendor support' });
    new OktaRecoveryOperators(stack, 'desk', {
      orgUrl: 'https://acme.okta.com',
      operators: helpdesk,
      scope: [staff],
      privileged: [admins],
      approval,
    });
    new OktaTieredAuthentication(stack, 'auth', {
      tiers: { standard: [staff], privileged: [admins], vendor: [vendors] },
      operators: [helpdesk],
      vendorApps: ['0oa1vendorportal'],
      enrollment: approval,
    });
    expect(resourcesOf(stack, 'okta_policy_rule_signon')[0]).toMatchObject({ mfa_required: true, status: 'ACTIVE' });
    const rule = (name: string) => resourcesOf(stack, 'okta_app_signon_policy_rule').find((r) => r.name === name)!;
    const [admin, vendor, others] = [
      rule('Phishing-resistant for administrators'),
      rule('Phishing-resistant for vendors'),
      rule('Everyone else: denied'),
    ];
    expect([admin.constraints, vendor.constraints]).toEqual([
      [PHISHING_RESISTANT_CONSTRAINT],
      [PHISHING_RESISTANT_CONSTRAINT],
    ]);
    expect(admin.groups_included).toEqual(['${okta_group.admins.id}', '${okta_group.helpdesk.id}']);
    expect(others).toMatchObject({ access: 'DENY', priority: 2 });
    expect(resourcesOf(stack, 'okta_policy_password')[0]).toMatchObject({
      sms_recovery: 'INACTIVE',
      call_recovery: 'INACTIVE',
      question_recovery: 'INACTIVE',
    });
    expect(resourcesOf(stack, 'okta_security_notification_emails')[0]).toMatchObject({
      send_email_for_factor_reset_enabled: true,
      report_suspicious_activity_enabled: true,
    });
    expect(findingsOf(stack, ['RG-06', 'RG-07', 'RG-08', 'RG-09', 'RG-11', 'RG-18', 'RG-23'])).toEqual([]);
  });

  it("puts the administrators' rule on the org's existing Admin Console policy, and assigns the vendor policy to the vendor applications", () => {
    const { stack, staff, admins } = oktaStack();
    const vendors = new Group(stack, 'vendors', { name: 'Contoso vendor support' });
    new OktaTieredAuthentication(stack, 'auth', {
      tiers: { standard: [staff], privileged: [admins], vendor: [vendors] },
      vendorApps: ['0oa1portal', '0oa2tickets'],
      enrollment: approval,
    });
    const doc = synthesized(stack) as { data: Record<string, Record<string, Record<string, unknown>>> };
    expect(Object.values(doc.data.okta_policy)).toEqual([
      expect.objectContaining({ name: 'Okta Admin Console', type: 'ACCESS_POLICY' }),
    ]);
    expect(resourcesOf(stack, 'okta_app_signon_policy')).toHaveLength(1); // the vendors' own; the Admin Console's exists already
    expect(resourcesOf(stack, 'okta_app_signon_policy_rule')[0].policy_id).toMatch(
      /^\$\{data\.okta_policy\.[a-z_0-9A-Z]+\.id\}$/,
    );
    expect(resourcesOf(stack, 'okta_app_access_policy_assignment').map((a) => a.app_id)).toEqual([
      '0oa1portal',
      '0oa2tickets',
    ]);
    expect(
      resourcesOf(stack, 'okta_app_access_policy_assignment').every((a) =>
        /okta_app_signon_policy\.[^.]+\.id/.test(String(a.policy_id)),
      ),
    ).toBe(true);
  });

  it('fails synth on a vendor tier with no application to assign its policy to', () => {
    const { stack, staff, admins } = oktaStack();
    const vendors = new Group(stack, 'vendors', { name: 'Contoso vendor support' });
    expect(
      () =>
        new OktaTieredAuthentication(stack, 'auth', {
          tiers: { standard: [staff], privileged: [admins], vendor: [vendors] },
          enrollment: approval,
        }),
    ).toThrow(/tiers\.vendor names groups but vendorApps is empty\. Name the applications vendors sign in to/);
  });

  it('fails synth on temporary access codes longer than eight hours', () => {
    expect(
      () => new OktaShortLivedRecovery(oktaStack().stack, 'codes', { maxLifetimeMinutes: 1440, attestation: approval }),
    ).toThrow(/longer than eight hours\. Set temporary access codes to at most 480 minutes/);
  });
});

describe('the example Okta org', () => {
  it('satisfies the whole catalogue', () => {
    const { app } = givenStack('unused');
    expect(new OktaOrgStack(app, 'acme-okta', ACME)).toSatisfyRecoveryGuidance();
  });
});
