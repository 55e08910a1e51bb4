/** The stacks a command works on: inputs loaded, split tenants joined, `stacks` and `scope` applied. */
import type { Config } from '../config/config';
import { InputError } from '../errors';
import { loadInputs } from '../inputs/load';
import { joinTenants } from '../inputs/tenants';
import type { Stack, StackScope } from '../model/resource';

export interface StackOptions {
  /** Only the stacks of these names; a name that matches none is an error naming those there are. */
  readonly stacks?: readonly string[];
  /** Check every stack as a whole tenant or as a child module, whatever the inference says. */
  readonly scope?: StackScope;
  /** `.tfvars` files, as `terraform plan -var-file` takes them. */
  readonly varFiles?: readonly string[];
}

/** The configuration file that was read, for messages about it. */
export function configFileOf(config: Config): string {
  return config.file ?? 'recovery-gate.json';
}

export async function loadStacks(
  inputs: readonly string[],
  config: Config,
  options: StackOptions = {},
): Promise<Stack[]> {
  const loaded = await loadInputs(inputs, { varFiles: options.varFiles });
  const joined = selectStacks(joinTenants(loaded, config.tenants ?? [], configFileOf(config)), options.stacks);
  const { scope } = options;
  return scope === undefined ? joined : joined.map((s) => ({ ...s, scope }));
}

function selectStacks(stacks: Stack[], wanted: readonly string[] | undefined): Stack[] {
  if (!wanted) return stacks;
  const missing = wanted.filter((w) => !stacks.some((s) => s.name === w));
  if (missing.length)
    throw new InputError('', `no stack named ${missing.join(', ')} (stacks: ${stacks.map((s) => s.name).join(', ')})`);
  return stacks.filter((s) => wanted.includes(s.name));
}
