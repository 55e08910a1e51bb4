/**
 * Break-glass expiry as the examples declare it until the typed constructs
 * arrive: an RG-13 attestation, and a plan-time precondition on the account
 * that references it, so a pipeline run after the date fails.
 */
import { DataResource, TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';

const DAY_MS = 86_400_000;

/** An RFC 3339 date `days` from today at midnight UTC, so the examples never go stale. */
export function daysFromToday(days: number): string {
  const d = new Date(Date.now() + days * DAY_MS);
  return `${d.toISOString().slice(0, 10)}T00:00:00Z`;
}

export function attestBreakGlass(scope: Construct, id: string, account: TerraformResource, expires: string): DataResource {
  const attestation = new DataResource(scope, id, {
    input: {
      recovery_gate_attestation: {
        control: 'RG-13',
        subject: `${account.terraformResourceType}.${account.friendlyUniqueId}`,
        owner: 'identity-platform',
        approver: 'ciso-office',
        evidence: 'SEC-1042 quarterly break-glass review',
        expires,
      },
    },
  });
  account.addOverride('lifecycle.precondition', [
    {
      condition: `\${timecmp(plantimestamp(), terraform_data.${attestation.friendlyUniqueId}.input.recovery_gate_attestation.expires) < 0}`,
      error_message: `${account.friendlyUniqueId} is past its break-glass re-attestation date: review the account and move the expiry in ${id}.`,
    },
  ]);
  return attestation;
}
