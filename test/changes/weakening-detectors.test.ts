/** Each rule declares the weakenings it owns; the classifier runs them all, each under a guard. */
import { DEFAULT_CONFIG } from '../../policies/config/config';
import {
  GLOBAL_ADMINISTRATOR,
  HELPDESK_ADMINISTRATOR,
  PRIVILEGED_ROLE_ADMINISTRATOR,
} from '../../policies/facts/entra-roles';
import { weakeningsOf } from '../../policies/changes/weakenings';
import { type AnyRule, defineRule } from '../../policies/engine/rule';
import { RULES } from '../../policies/rules';
import { RuleContext } from '../../policies/tenant/context';
import { configStack } from '../support/stacks';

const NOW = new Date('2026-11-26T12:00:00Z');
type Resources = Parameters<typeof configStack>[0];
const contextOf = (resources: Resources) => new RuleContext(configStack(resources), DEFAULT_CONFIG, NOW);

/**
 * What `ruleId` reports when one resource changes, one line per weakening:
 * the resource of `type` on each side (the last resource when no type is named),
 * absent where that side is `undefined`.
 */
function weakeningLines(ruleId: string, before: Resources | undefined, after: Resources | undefined, type?: string) {
  const base = contextOf(before ?? {});
  const head = contextOf(after ?? {});
  const of = (c: RuleContext) =>
    type === undefined ? c.stack.resources.at(-1) : c.stack.resources.find((r) => r.type === type);
  return weakeningsOf({ before: of(base), after: of(head), base, head })
    .filter((w) => w.ruleId === ruleId)
    .map((w) => `${w.attribute}: ${w.before} → ${w.after} (${w.message})`);
}

function ruleWith(id: 'RG-98' | 'RG-99', detect: NonNullable<AnyRule['weakenings']>[number]['detect']): AnyRule {
  return defineRule({
    meta: {
      id,
      slug: 'test',
      title: 'test',
      severity: 'low',
      csf: [],
      rationale: '',
      references: [],
      providers: { okta: 'n/a', entra: 'n/a' },
      messages: {},
    },
    check: () => undefined,
    weakenings: [{ types: ['okta_group'], detect }],
  });
}

it('a detector that throws is an error naming the resource and the rule, and the other detectors still run', () => {
  const base = contextOf({ okta_group: { g: { name: 'G' } } });
  const head = contextOf({ okta_group: { g: { name: 'G2' } } });
  const [before] = base.stack.resources;
  const [after] = head.stack.resources;
  const errors: string[] = [];
  const rules = [
    ruleWith('RG-98', () => {
      throw new Error('boom');
    }),
    ruleWith('RG-99', (_pair, report) =>
      report({ kind: 'W-SCOPE', attribute: 'name', before: 'G', after: 'G2', message: 'renamed' }),
    ),
  ];
  const found = weakeningsOf({ before, after, base, head }, (m) => errors.push(m), rules);
  expect(errors).toEqual(['classifying the change to okta_group.g failed (RG-98): boom']);
  expect(found).toEqual([
    {
      kind: 'W-SCOPE',
      ruleId: 'RG-99',
      attribute: 'name',
      before: 'G',
      after: 'G2',
      message: 'renamed',
      resource: 'okta_group.g',
    },
  ]);
});

it('every weakening is reported under the rule that declares its detector', () => {
  // A change that weakens three controls at once: an exclusion (RG-08), MFA dropped for everyone (RG-07), and the policy switched off (RG-23).
  const policy = (state: string, builtIn: string[], excluded: string[]) => ({
    display_name: 'All users MFA',
    state,
    conditions: [
      {
        client_app_types: ['all'],
        applications: [{ included_applications: ['All'] }],
        users: [{ included_users: ['All'], excluded_groups: excluded }],
      },
    ],
    grant_controls: [{ operator: 'OR', built_in_controls: builtIn }],
  });
  const base = contextOf({ azuread_conditional_access_policy: { p: policy('enabled', ['mfa'], []) } });
  const head = contextOf({
    azuread_conditional_access_policy: { p: policy('disabled', ['block'], ['${azuread_group.x.object_id}']) },
  });
  const found = weakeningsOf({ before: base.stack.resources[0], after: head.stack.resources[0], base, head });
  expect(found.map((w) => `${w.ruleId} ${w.kind} ${w.attribute}`).sort()).toEqual([
    'RG-07 W-STRENGTH grant_controls.built_in_controls',
    'RG-08 W-EXCLUSION conditions.users.excluded_groups',
    'RG-23 W-ENFORCEMENT state',
  ]);
  const owners = new Set(RULES.filter((r) => r.weakenings?.length).map((r) => r.meta.id));
  for (const w of found) expect(owners.has(w.ruleId)).toBe(true);
});

describe('RG-10 owns Temporary Access Passes made reusable or longer-lived', () => {
  const TAP = 'policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass';
  const SMS = 'policies/authenticationMethodsPolicy/authenticationMethodConfigurations/Sms';
  const change = (url: string, before: Record<string, unknown>, after: Record<string, unknown>) => {
    const base = contextOf({ msgraph_update_resource: { tap: { url, body: before } } });
    const head = contextOf({ msgraph_update_resource: { tap: { url, body: after } } });
    return weakeningsOf({ before: base.stack.resources[0], after: head.stack.resources[0], base, head })
      .filter((w) => w.ruleId === 'RG-10')
      .map((w) => `${w.attribute}: ${w.before} → ${w.after}`);
  };
  const once = (isUsableOnce: unknown, minutes: unknown) => ({ isUsableOnce, maximumLifetimeInMinutes: minutes });

  it.each([
    ['nothing changes', once(true, 240), once(true, 240), []],
    ['shorter', once(true, 240), once(true, 120), []],
    ['one minute longer', once(true, 240), once(true, 241), ['body.maximumLifetimeInMinutes: 240 → 241']],
    ['no longer limited', once(true, 240), { isUsableOnce: true }, ['body.maximumLifetimeInMinutes: 240 → unset']],
    ['reusable', once(true, 240), once(false, 240), ['body.isUsableOnce: true → false']],
    ['already reusable', once(false, 240), once(false, 240), []],
    ['no lifetime before to compare with', once(true, 'x'), once(true, 600), []],
  ])('%s', (_name, before, after, expected) => {
    expect(change(TAP, before, after)).toEqual(expected);
  });

  it('the same body change on another method is not a pass', () => {
    expect(change(SMS, once(true, 240), once(false, 600))).toEqual([]);
  });

  it('a pass configuration added or removed is no change to compare', () => {
    const tap = contextOf({ msgraph_update_resource: { tap: { url: TAP, body: once(false, 600) } } });
    const none = contextOf({ okta_group: {} });
    const [resource] = tap.stack.resources;
    const errors: string[] = [];
    const rg10 = (pair: Parameters<typeof weakeningsOf>[0]) =>
      weakeningsOf(pair, (e) => errors.push(e)).filter((w) => w.ruleId === 'RG-10');
    expect(rg10({ before: undefined, after: resource, base: none, head: tap })).toEqual([]);
    expect(rg10({ before: resource, after: undefined, base: tap, head: none })).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('RG-13 owns a break-glass expiry pushed beyond its limit', () => {
  const attestation = (control: string, expires: unknown) => ({
    terraform_data: { bg: { input: { recovery_gate_attestation: { control, subject: 'okta_user.bg', expires } } } },
  });
  const change = (before: Resources, after: Resources) => {
    const base = contextOf(before);
    const head = contextOf(after);
    return weakeningsOf({ before: base.stack.resources[0], after: head.stack.resources[0], base, head })
      .filter((w) => w.ruleId === 'RG-13')
      .map((w) => `${w.kind} ${w.attribute}: ${w.before} → ${w.after} (${w.message})`);
  };

  it.each([
    [
      'pushed beyond 90 days',
      attestation('RG-13', '2026-12-01T00:00:00Z'),
      attestation('RG-13', '2027-06-01T00:00:00Z'),
      [
        'W-BREAKGLASS input.recovery_gate_attestation.expires: "2026-12-01T00:00:00Z" → "2027-06-01T00:00:00Z" (the break-glass expiry is pushed beyond 90 days)',
      ],
    ],
    [
      'pushed out, still within 90 days',
      attestation('RG-13', '2026-12-01T00:00:00Z'),
      attestation('RG-13', '2027-01-01T00:00:00Z'),
      [],
    ],
    ['brought forward', attestation('RG-13', '2027-06-01T00:00:00Z'), attestation('RG-13', '2027-05-01T00:00:00Z'), []],
    [
      'unchanged beyond the limit',
      attestation('RG-13', '2027-06-01T00:00:00Z'),
      attestation('RG-13', '2027-06-01T00:00:00Z'),
      [],
    ],
    ['another control', attestation('RG-24', '2026-12-01T00:00:00Z'), attestation('RG-24', '2027-06-01T00:00:00Z'), []],
    ['no expiry before', attestation('RG-13', 'soon'), attestation('RG-13', '2027-06-01T00:00:00Z'), []],
    [
      'no attestation before',
      { terraform_data: { bg: { input: {} } } },
      attestation('RG-13', '2027-06-01T00:00:00Z'),
      [],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(change(before, after)).toEqual(expected);
  });
});

describe('RG-01 owns reset authority that reaches further', () => {
  const change = (before: Resources, after: Resources) => weakeningLines('RG-01', before, after);
  const groups = { okta_group: { a: { name: 'A' }, b: { name: 'B' }, desk: { name: 'Desk' } } };
  const oktaRole = (role: string, targets?: string[], set?: string) => ({
    ...groups,
    okta_group_role: {
      r: {
        group_id: '${okta_group.desk.id}',
        role_type: role,
        ...(targets ? { target_group_list: targets } : {}),
        ...(set ? { resource_set_id: set } : {}),
      },
    },
  });
  const A = '${okta_group.a.id}';
  const B = '${okta_group.b.id}';

  it.each([
    [
      'a target added',
      oktaRole('HELP_DESK_ADMIN', [A]),
      oktaRole('HELP_DESK_ADMIN', [A, B]),
      [`target_group_list: [${A}] → [${A}, ${B}] (reset authority now also reaches okta_group.b)`],
    ],
    [
      'every target removed',
      oktaRole('HELP_DESK_ADMIN', [A]),
      oktaRole('HELP_DESK_ADMIN', []),
      [`target_group_list: [${A}] → [] (every target is removed: reset authority now reaches the whole org)`],
    ],
    ['a target removed, one left', oktaRole('HELP_DESK_ADMIN', [A, B]), oktaRole('HELP_DESK_ADMIN', [A]), []],
    ['nothing changes', oktaRole('HELP_DESK_ADMIN', [A]), oktaRole('HELP_DESK_ADMIN', [A]), []],
    [
      'a stronger role',
      oktaRole('HELP_DESK_ADMIN', [A]),
      oktaRole('USER_ADMIN', [A]),
      ['role: HELP_DESK_ADMIN → USER_ADMIN (the role is changed to USER_ADMIN)'],
    ],
    [
      'the top role',
      oktaRole('HELP_DESK_ADMIN', [A]),
      oktaRole('SUPER_ADMIN', [A]),
      ['role: HELP_DESK_ADMIN → SUPER_ADMIN (the role is changed to SUPER_ADMIN)'],
    ],
    ['a weaker role', oktaRole('ORG_ADMIN', [A]), oktaRole('HELP_DESK_ADMIN', [A]), []],
    [
      'the resource set removed',
      oktaRole('HELP_DESK_ADMIN', undefined, 'rs-1'),
      oktaRole('HELP_DESK_ADMIN'),
      ['resource_set_id: "rs-1" → unset (the resource set that limited the role is removed)'],
    ],
    [
      // The set's members are not known here: a move to named groups is shown for the reviewer to judge.
      'the resource set replaced by targets',
      oktaRole('HELP_DESK_ADMIN', undefined, 'rs-1'),
      oktaRole('HELP_DESK_ADMIN', [A]),
      [`target_group_list: unset → [${A}] (reset authority now also reaches okta_group.a)`],
    ],
  ])('Okta group role: %s', (_name, before, after, expected) => {
    expect(change(before, after)).toEqual(expected);
  });

  const entraGrant = (scope: string, role = HELPDESK_ADMINISTRATOR) => ({
    azuread_directory_role_assignment: {
      r: { role_id: role, principal_object_id: '${azuread_group.desk.object_id}', directory_scope_id: scope },
    },
  });
  const UNIT = '/administrativeUnits/${azuread_administrative_unit.staff.object_id}';
  it.each([
    [
      'a unit scope moved to the tenant',
      entraGrant(UNIT),
      entraGrant('/'),
      [`directory_scope_id: ${UNIT} → "/" (reset authority moved from an administrative unit to the whole tenant)`],
    ],
    ['the tenant narrowed to a unit', entraGrant('/'), entraGrant(UNIT), []],
    [
      'a stronger role',
      entraGrant(UNIT),
      entraGrant(UNIT, PRIVILEGED_ROLE_ADMINISTRATOR),
      [
        'role: Helpdesk Administrator → Privileged Role Administrator (the role is changed to Privileged Role Administrator)',
      ],
    ],
  ])('Entra role assignment: %s', (_name, before, after, expected) => {
    expect(change(before, after)).toEqual(expected);
  });

  it.each([
    [
      'permissions added to a custom role',
      { okta_admin_role_custom: { c: { label: 'C', permissions: ['okta.users.read'] } } },
      {
        okta_admin_role_custom: {
          c: { label: 'C', permissions: ['okta.users.read', 'okta.users.credentials.resetFactors'] },
        },
      },
      [
        'permissions: ["okta.users.read"] → ["okta.users.read", "okta.users.credentials.resetFactors"] (permissions added to a custom admin role: "okta.users.credentials.resetFactors")',
      ],
    ],
    [
      'permissions removed',
      {
        okta_admin_role_custom: {
          c: { label: 'C', permissions: ['okta.users.read', 'okta.users.credentials.resetFactors'] },
        },
      },
      { okta_admin_role_custom: { c: { label: 'C', permissions: ['okta.users.read'] } } },
      [],
    ],
    [
      'a resource set covering more',
      { okta_resource_set: { s: { label: 'S', resources: ['https://acme.okta.com/api/v1/groups/a'] } } },
      {
        okta_resource_set: {
          s: { label: 'S', resources: ['https://acme.okta.com/api/v1/groups/a', 'https://acme.okta.com/api/v1/users'] },
        },
      },
      [
        'resources: ["https://acme.okta.com/api/v1/groups/a"] → ["https://acme.okta.com/api/v1/groups/a", "https://acme.okta.com/api/v1/users"] (the resource set now also covers "https://acme.okta.com/api/v1/users")',
      ],
    ],
    [
      'an admin role given to more people',
      { okta_admin_role_custom_assignments: { m: { custom_role_id: 'r', resource_set_id: 's', members: ['u1'] } } },
      {
        okta_admin_role_custom_assignments: { m: { custom_role_id: 'r', resource_set_id: 's', members: ['u1', 'u2'] } },
      },
      ['members: ["u1"] → ["u1", "u2"] (reset authority now also reaches "u2")'],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(change(before, after)).toEqual(expected);
  });
});

describe('RG-04 owns activation made easier', () => {
  type Rules = Record<string, unknown>;
  const policy = (rules: Rules | undefined) => ({
    azuread_group: { pim: { display_name: 'PIM', security_enabled: true }, boss: { display_name: 'Boss' } },
    azuread_group_role_management_policy: {
      p: { group_id: '${azuread_group.pim.id}', role_id: 'member', ...(rules ? { activation_rules: rules } : {}) },
    },
  });
  const strict: Rules = {
    require_approval: true,
    require_justification: true,
    require_ticket_info: true,
    require_multifactor_authentication: true,
    maximum_duration: 'PT2H',
    approval_stage: { primary_approver: [{ object_id: '${azuread_group.boss.object_id}', type: 'groupMembers' }] },
  };
  const without = (rules: Rules, key: string): Rules =>
    Object.fromEntries(Object.entries(rules).filter(([k]) => k !== key));
  const change = (before: Resources | undefined, after: Resources | undefined) =>
    weakeningLines('RG-04', before, after, 'azuread_group_role_management_policy');

  it.each([
    ['nothing changes', policy(strict), policy(strict), []],
    [
      'the policy removed',
      policy(strict),
      undefined,
      [
        "activation_rules: managed → removed (the activation policy is removed: Microsoft's defaults need no approval and no ticket)",
      ],
    ],
    [
      'approval and a ticket no longer required',
      policy(strict),
      policy({ ...without(strict, 'require_ticket_info'), require_approval: false }),
      [
        'activation_rules.require_approval: true → false (require approval is no longer required to activate)',
        'activation_rules.require_ticket_info: true → unset (require ticket info is no longer required to activate)',
      ],
    ],
    [
      'multi-factor authentication no longer required',
      policy(strict),
      policy({ ...strict, require_multifactor_authentication: false }),
      [
        'activation_rules.require_multifactor_authentication: true → false (require multifactor authentication is no longer required to activate)',
      ],
    ],
    ['a requirement added', policy({ ...strict, require_ticket_info: false }), policy(strict), []],
    [
      'activations last longer',
      policy(strict),
      policy({ ...strict, maximum_duration: 'PT8H' }),
      ['activation_rules.maximum_duration: "PT2H" → "PT8H" (activations last longer)'],
    ],
    [
      'no longer limited',
      policy(strict),
      policy(without(strict, 'maximum_duration')),
      ['activation_rules.maximum_duration: "PT2H" → unset (activations last longer)'],
    ],
    ['activations shorter', policy(strict), policy({ ...strict, maximum_duration: 'PT1H' }), []],
  ])('%s', (_name, before, after, expected) => {
    expect(change(before, after)).toEqual(expected);
  });
});

describe('RG-03 owns new standing privilege', () => {
  const change = (before: Resources, after: Resources, type: string) => weakeningLines('RG-03', before, after, type);
  const users = {
    azuread_user: {
      jo: { user_principal_name: 'jo@acme.example', display_name: 'Jo' },
      al: { user_principal_name: 'al@acme.example', display_name: 'Al' },
    },
  };
  const JO = '${azuread_user.jo.object_id}';
  const AL = '${azuread_user.al.object_id}';
  const admins = (members: string[], role = GLOBAL_ADMINISTRATOR) => ({
    ...users,
    azuread_group: { admins: { display_name: 'Admins', security_enabled: true, assignable_to_role: true, members } },
    azuread_directory_role_assignment: {
      a: { role_id: role, principal_object_id: '${azuread_group.admins.object_id}' },
    },
  });

  it.each([
    [
      'a member joins a group holding Global Administrator',
      admins([JO]),
      admins([JO, AL]),
      [
        `members: [${JO}] → [${JO}, ${AL}] (new members of azuread_group.admins, which holds a privileged role: azuread_user.al)`,
      ],
    ],
    ['a member leaves', admins([JO, AL]), admins([JO]), []],
    [
      'a member joins a group holding no privileged role',
      admins([JO], HELPDESK_ADMINISTRATOR),
      admins([JO, AL], HELPDESK_ADMINISTRATOR),
      [],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(change(before, after, 'azuread_group')).toEqual(expected);
  });

  it('a role newly assigned to a person', () => {
    const grant = {
      azuread_directory_role_assignment: { a: { role_id: GLOBAL_ADMINISTRATOR, principal_object_id: JO } },
    };
    expect(change(users, { ...users, ...grant }, 'azuread_directory_role_assignment')).toEqual([
      'role: none → Global Administrator (azuread_user.jo is newly granted Global Administrator)',
    ]);
    expect(change({ ...users, ...grant }, { ...users, ...grant }, 'azuread_directory_role_assignment')).toEqual([]);
  });
});
