/**
 * Attestations and break-glass expiry as the examples declare them until the
 * typed constructs arrive: a `terraform_data` attestation that fails the plan
 * once expired, and a plan-time precondition on each break-glass account that
 * references its attestation, so a pipeline run after the date fails.
 */
import { DataResource, TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';

const DAY_MS = 86_400_000;

/** An RFC 3339 date `days` from today at midnight UTC, so the examples never go stale. */
export function daysFromToday(days: number): string {
  const d = new Date(Date.now() + days * DAY_MS);
  return `${d.toISOString().slice(0, 10)}T00:00:00Z`;
}

export interface AttestationProps {
  /** The rule the attestation satisfies (`RG-04`). */
  readonly control: string;
  /** The resource it speaks for; none for the whole tenant. */
  readonly subject?: TerraformResource;
  /** A ticket or document that shows the control. */
  readonly evidence: string;
  readonly expires: string;
}

/** An attestation (RULES.md) that stops the plan once it has expired. */
export function attest(scope: Construct, id: string, props: AttestationProps): DataResource {
  const attestation = new DataResource(scope, id, {
    input: {
      recovery_gate_attestation: {
        control: props.control,
        ...(props.subject ? { subject: `${props.subject.terraformResourceType}.${props.subject.friendlyUniqueId}` } : {}),
        owner: 'identity-platform',
        approver: 'ciso-office',
        evidence: props.evidence,
        expires: props.expires,
      },
    },
  });
  attestation.addOverride('lifecycle.postcondition', [
    {
      condition: '${timecmp(plantimestamp(), self.input.recovery_gate_attestation.expires) < 0}',
      error_message: `The ${props.control} attestation ${id} has expired: re-check the control and renew it.`,
    },
  ]);
  return attestation;
}

export function attestBreakGlass(scope: Construct, id: string, account: TerraformResource, expires: string): DataResource {
  const attestation = attest(scope, id, { control: 'RG-13', subject: account, evidence: 'SEC-1042 quarterly break-glass review', expires });
  account.addOverride('lifecycle.precondition', [
    {
      condition: `\${timecmp(plantimestamp(), terraform_data.${attestation.friendlyUniqueId}.input.recovery_gate_attestation.expires) < 0}`,
      error_message: `${account.friendlyUniqueId} is past its break-glass re-attestation date: review the account and move the expiry in ${id}.`,
    },
  ]);
  return attestation;
}

/** A resource of a provider without prebuilt bindings (azurerm, microsoft/msgraph), attributes as Terraform spells them. */
export function rawResource(scope: Construct, id: string, type: string, attributes: Record<string, unknown>): TerraformResource {
  const resource = new TerraformResource(scope, id, { terraformResourceType: type });
  for (const [name, value] of Object.entries(attributes)) resource.addOverride(name, value);
  return resource;
}
