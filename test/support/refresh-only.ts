/**
 * A real `terraform plan -refresh-only` of the attestations in
 * test/fixtures/plan/refresh-only: applied, then read back with a
 * postcondition added after apply, so that one check fails. The plan
 * recorded beside it (plan.json) was made by this function with
 * expiring 2026-12-04, expired 2026-11-28 and later 2027-03-01, on 2026-11-30.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { terraform } from './terraform';

export const REFRESH_ONLY_DIR = 'test/fixtures/plan/refresh-only';

export interface AttestationDates {
  readonly expiring: string;
  readonly expired: string;
  readonly later: string;
}

/** Plans the fixture's configuration for real and returns what `terraform show -json` prints. */
export function refreshOnlyPlan(dates: AttestationDates): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-refresh-only-'));
  try {
    const template = readFileSync(path.join(REFRESH_ONLY_DIR, 'main.tf.template'), 'utf8');
    const vars = Object.entries(dates).map(([k, v]) => `-var=${k}=${v}`);
    const step = (args: string[]) => {
      const r = terraform(args, { cwd: dir });
      if (r.status !== 0) throw new Error(`terraform ${args[0]}: ${r.stderr}`);
      return r.stdout;
    };
    writeFileSync(
      path.join(dir, 'main.tf'),
      template.replace(/ *# BEGIN added-after-apply[\s\S]*?# END added-after-apply\n/, ''),
    );
    step(['init', '-input=false', '-no-color']);
    step(['apply', '-auto-approve', '-input=false', '-no-color', '-lock=false', ...vars]);
    writeFileSync(path.join(dir, 'main.tf'), template);
    step(['plan', '-refresh-only', '-input=false', '-no-color', '-lock=false', '-out=plan.tfplan', ...vars]);
    return step(['show', '-json', 'plan.tfplan']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
