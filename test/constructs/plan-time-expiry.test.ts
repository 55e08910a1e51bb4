/**
 * The plan-time expiry is valid Terraform, proven with the real binary:
 * a stack of only `terraform_data` (built in, so `terraform init` downloads
 * nothing) holding attestations and a break-glass expiry condition. It plans
 * before the expiry and fails with the construct's message after it.
 * Skips where no `terraform` is on PATH.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataResource, Testing, TerraformStack } from 'cdktf';
import { Attestation } from '../../constructs/shared/attestation';
import { BreakGlassExpiry } from '../../constructs/shared/break-glass-expiry';
import { daysFromNow } from '../../constructs/shared/time';
import { describeWithTerraform, terraform } from '../support/terraform';

function planOf(build: (stack: TerraformStack) => void): { status: number | null; output: string } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'expiry');
  build(stack);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-plan-'));
  try {
    writeFileSync(path.join(dir, 'main.tf.json'), Testing.synth(stack));
    const init = terraform(['init', '-input=false', '-no-color'], { cwd: dir });
    if (init.status !== 0) return { status: init.status, output: init.stdout + init.stderr };
    const plan = terraform(['plan', '-input=false', '-no-color', '-lock=false'], { cwd: dir });
    return { status: plan.status, output: plan.stdout + plan.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const people = { owner: 'identity-platform', approver: 'ciso-office', evidence: 'SEC-1042' };

describeWithTerraform('plan-time expiry with the real terraform binary', () => {
  jest.setTimeout(60_000);

  it('plans while the break-glass account and the attestation are current', () => {
    const result = planOf((stack) => {
      const account = new DataResource(stack, 'break_glass_1', { input: { login: 'breakglass-1@acme.example' } });
      new BreakGlassExpiry(stack, 'break_glass_1_expiry', { account, expires: daysFromNow(60), evidence: 'SEC-1042' });
      new Attestation(stack, 'tap', { control: 'RG-10', ...people, expires: daysFromNow(180) });
    });
    expect(result.output).toMatch(/Plan: \d+ to add/);
    expect(result.status).toBe(0);
  });

  it("fails with the construct's message once the break-glass expiry has passed", () => {
    const then = new Date('2020-01-01T00:00:00Z'); // synthesized back then, planned today
    const result = planOf((stack) => {
      const account = new DataResource(stack, 'break_glass_1', { input: { login: 'breakglass-1@acme.example' } });
      new BreakGlassExpiry(stack, 'break_glass_1_expiry', {
        account,
        expires: '2020-02-01T00:00:00Z',
        evidence: 'SEC-1042',
        now: then,
      });
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/was due for re-attestation on\s+2020-02-01T00:00:00Z/);
  });

  it("fails with the attestation's message once an attestation has expired", () => {
    const result = planOf((stack) => {
      new Attestation(stack, 'tap', {
        control: 'RG-10',
        ...people,
        expires: '2020-02-01T00:00:00Z',
        now: new Date('2020-01-01T00:00:00Z'),
      });
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/RG-10 attestation expiry\/tap expired on\s+2020-02-01T00:00:00Z/);
  });
});
