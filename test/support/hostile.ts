/** The tenant the hostile-input tests feed every command and format, named and valued by the caller. */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * A help desk granted over the whole org (its group referenced, so plainly
 * named: Terraform references cannot hold such names), a group and an
 * administrator whose resource names are `name`, and `value` wherever a value goes.
 */
export function hostileResources(name: string, value: unknown) {
  return {
    okta_group: { desk: { name: value }, [name]: { name, description: value } },
    okta_group_role: { desk: { group_id: '${okta_group.desk.id}', role_type: 'HELP_DESK_ADMIN' } },
    okta_user: { [name]: { login: 'admin@acme.example', email: value, first_name: name, last_name: 'x' } },
  };
}

/** recovery-gate.json in `dir` declaring that administrator privileged by login, so the help desk reaches it. */
export function declaredAdminConfig(dir: string): string {
  const file = path.join(dir, 'declared.json');
  writeFileSync(file, JSON.stringify({ declarations: { privileged: ['admin@acme.example'] } }));
  return file;
}
