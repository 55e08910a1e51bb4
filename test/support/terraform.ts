/** The real `terraform` binary, for the tests that prove something with it; they skip where it is not on PATH. */
import { SpawnSyncReturns, spawnSync } from 'node:child_process';

/** No update check, no prompts, no user configuration: nothing reaches the network. */
const ENV = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' };

export function terraform(
  args: readonly string[],
  options: { cwd?: string; input?: string } = {},
): SpawnSyncReturns<string> {
  return spawnSync('terraform', [...args], { ...options, encoding: 'utf8', env: ENV });
}

export const hasTerraform = terraform(['version']).status === 0;

/** `describe` where terraform is on PATH, `describe.skip` where it is not. */
export const describeWithTerraform = hasTerraform ? describe : describe.skip;
