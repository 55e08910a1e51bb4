/**
 * Linearity under awkward shapes: tenants of one shape each, the kind that once
 * made a rule or a report quadratic, checked at 10k and 40k users.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { GLOBAL_ADMINISTRATOR, HELPDESK_ADMINISTRATOR } from '../policies/facts/entra-roles';
import { runRules } from '../policies/engine/run';
import { loadInputs } from '../policies/inputs/load';
import { RULES } from '../policies/rules';
import type { Body, SyntheticStack } from './tenant';
import { elapsedMs } from './timing';

/**
 * Tenants of one awkward shape each, the kind that once made a rule or a
 * report quadratic: everything in one group, one unit, one scope or one
 * exclusion list, many grants over it, one shared mailbox.
 */
const SHAPES: Record<string, (n: number) => SyntheticStack['resource']> = {
  'one group of everyone, holding help desk over itself, one shared mailbox': (n) => {
    const users = range(n, (i) => [`u${i}`, { login: `u${i}@acme.example`, email: 'desk@acme.example' }]);
    return {
      okta_user: users,
      okta_group: { desk: { name: 'Desk' } },
      okta_group_memberships: {
        desk: { group_id: '${okta_group.desk.id}', users: Object.keys(users).map((u) => `\${okta_user.${u}.id}`) },
      },
      okta_group_role: {
        desk: {
          group_id: '${okta_group.desk.id}',
          role_type: 'HELP_DESK_ADMIN',
          target_group_list: ['${okta_group.desk.id}'],
        },
      },
    };
  },
  '2,000 help-desk grants scoped to one group of everyone': (n) => {
    const users = range(n, (i) => [`u${i}`, { login: `u${i}@acme.example`, email: `u${i}@acme.example` }]);
    return {
      okta_user: users,
      okta_group: { staff: { name: 'Staff' }, ...range(2000, (i) => [`desk${i}`, { name: `Desk ${i}` }]) },
      okta_group_memberships: {
        staff: { group_id: '${okta_group.staff.id}', users: Object.keys(users).map((u) => `\${okta_user.${u}.id}`) },
      },
      okta_group_role: range(2000, (i) => [
        `desk${i}`,
        {
          group_id: `\${okta_group.desk${i}.id}`,
          role_type: 'HELP_DESK_ADMIN',
          target_group_list: ['${okta_group.staff.id}'],
        },
      ]),
    };
  },
  'one unit of everyone, a tenth of them Global Administrators, one shared mailbox': (n) => ({
    azuread_user: range(n, (i) => [
      `u${i}`,
      { user_principal_name: `u${i}@acme.example`, display_name: 'U', mail: 'team@acme.example' },
    ]),
    azuread_administrative_unit: {
      all: { display_name: 'All', members: Array.from({ length: n }, (_, i) => `\${azuread_user.u${i}.object_id}`) },
    },
    azuread_group: { desk: { display_name: 'Desk', security_enabled: true, assignable_to_role: true } },
    azuread_directory_role_assignment: {
      desk: {
        role_id: HELPDESK_ADMINISTRATOR,
        principal_object_id: '${azuread_group.desk.object_id}',
        directory_scope_id: '/administrativeUnits/${azuread_administrative_unit.all.object_id}',
      },
      ...range(n / 10, (i) => [
        `ga${i}`,
        { role_id: GLOBAL_ADMINISTRATOR, principal_object_id: `\${azuread_user.u${i * 10}.object_id}` },
      ]),
    },
  }),
  '2,000 role assignments to one group with everyone as a static member': (n) => ({
    azuread_user: range(n, (i) => [`u${i}`, { user_principal_name: `u${i}@acme.example`, display_name: 'U' }]),
    azuread_group: {
      g: {
        display_name: 'G',
        security_enabled: true,
        assignable_to_role: true,
        members: Array.from({ length: n }, (_, i) => `\${azuread_user.u${i}.object_id}`),
      },
    },
    azuread_directory_role_assignment: range(2000, (i) => [
      `a${i}`,
      { role_id: HELPDESK_ADMINISTRATOR, principal_object_id: '${azuread_group.g.object_id}', directory_scope_id: '/' },
    ]),
  }),
  'one conditional access policy excluding everyone': (n) => ({
    azuread_user: range(n, (i) => [`u${i}`, { user_principal_name: `u${i}@acme.example`, display_name: 'U' }]),
    azuread_conditional_access_policy: {
      mfa: {
        display_name: 'MFA',
        state: 'enabled',
        conditions: {
          client_app_types: ['all'],
          applications: { included_applications: ['All'] },
          users: {
            included_users: ['All'],
            excluded_users: Array.from({ length: n }, (_, i) => `\${azuread_user.u${i}.object_id}`),
          },
        },
        grant_controls: { operator: 'OR', built_in_controls: ['mfa'] },
      },
    },
  }),
};

function range(n: number, entry: (i: number) => [string, Body]): Record<string, Body> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => entry(i)));
}

/** Load + check of each shape at 10k and 40k users: linear work grows about 4×, quadratic about 16×. */
export async function shapes(dir: string, now: Date): Promise<string[]> {
  const out = ['| shape | 10k | 40k | growth (linear ≈ 4×) |', '|---|---:|---:|---:|'];
  for (const [name, resources] of Object.entries(SHAPES)) {
    const times: number[] = [];
    for (const n of [10_000, 40_000]) {
      const file = path.join(dir, 'shapes', `${times.length}.tf.json`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ resource: resources(n) }));
      global.gc?.();
      const t = process.hrtime.bigint();
      runRules(await loadInputs([file]), RULES, { now });
      times.push(elapsedMs(t));
    }
    out.push(
      `| ${name} | ${times[0].toFixed(0)} ms | ${times[1].toFixed(0)} ms | ${(times[1] / times[0]).toFixed(1)}× |`,
    );
  }
  return out;
}
