/** Dates and addresses the constructs write into configuration. */
import type { TerraformResource } from 'cdktf';
import { parseTime } from '../../policies/model/time';

const DAY_MS = 86_400_000;

export interface TimeCheck {
  /** For the error message: what the date is (`Break-glass expiry of …`). */
  readonly what: string;
  /** The furthest ahead the date may be, in days. */
  readonly maxDays: number;
  readonly now?: Date;
}

/**
 * An RFC 3339 time (`2027-02-01T00:00:00Z`) that lies after now and at most
 * `maxDays` ahead; otherwise an error that says what to write instead.
 */
export function toRfc3339(value: Date | string, check: TimeCheck): string {
  const date = typeof value === 'string' ? parseTime(value) : Number.isNaN(value.getTime()) ? undefined : value;
  if (!date) {
    throw new Error(`${check.what} is not an RFC 3339 time (${String(value)}). Write it like "2027-02-01T00:00:00Z".`);
  }
  const now = check.now ?? new Date();
  const days = (date.getTime() - now.getTime()) / DAY_MS;
  const iso = date.toISOString().replace(/\.000Z$/, 'Z');
  if (days <= 0)
    throw new Error(
      `${check.what} (${iso}) is in the past. Review the control, then set a date within ${check.maxDays} days.`,
    );
  if (days > check.maxDays)
    throw new Error(
      `${check.what} (${iso}) is ${Math.ceil(days)} days ahead, more than ${check.maxDays}. Set a date within ${check.maxDays} days so someone re-attests in time.`,
    );
  return iso;
}

/** `days` from now, at midnight UTC: a date that never goes stale in examples and tests. */
export function daysFromNow(days: number, now: Date = new Date()): string {
  const d = new Date(now.getTime() + days * DAY_MS);
  return `${d.toISOString().slice(0, 10)}T00:00:00Z`;
}

/** The Terraform address of a resource (`okta_user.break_glass_1`). */
export function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}
