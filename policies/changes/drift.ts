/**
 * Drift: what changed outside code, and what has expired. Read from a plan
 * (`terraform plan -refresh-only`, or a normal plan) by its content — never by
 * terraform's exit code, which is unreliable for refresh-only plans.
 */
import { contextsOf, type RunOptions } from '../engine/run';
import { readPlanSide, type PlanDocument } from '../inputs/plan';
import { type Stack, isIdentityType } from '../model/resource';
import type { Weakening } from '../engine/weakening';
import { weakeningsOf } from './weakenings';
import { byText } from '../lists';
import { type Expiry, expiries } from '../tenant/expiries';

export interface DriftEntry {
  readonly resource: string;
  readonly type: string;
  /** Top-level attributes whose value differs between code and the live object. */
  readonly attributes: readonly string[];
  /** Where the drift weakens a control; empty for harmless drift. */
  readonly weakenings: readonly Weakening[];
  readonly deleted: boolean;
}

export interface FailedCheck {
  readonly address: string;
  readonly status: string;
  readonly problems: readonly string[];
}

export interface DriftResult {
  readonly stack: string;
  /** The plan it was read from, for locations. */
  readonly file: string;
  readonly drift: readonly DriftEntry[];
  readonly failedChecks: readonly FailedCheck[];
  readonly expiries: readonly Expiry[];
}

export interface DriftOptions extends RunOptions {
  /** Report what expires within this many days. @default 14 */
  readonly warnDays?: number;
}

export function drift(plan: PlanDocument, stack: Stack, file: string, options: DriftOptions = {}): DriftResult {
  const [ctx] = contextsOf([stack], options);
  const before = new Map(readPlanSide(plan, file, 'before', 'resource_drift').map((r) => [r.address, r]));
  const after = new Map(readPlanSide(plan, file, 'after', 'resource_drift').map((r) => [r.address, r]));
  const entries: DriftEntry[] = [];
  for (const rc of plan.resource_drift ?? []) {
    if (!isIdentityType(rc.type)) continue;
    const b = before.get(rc.address);
    const a = after.get(rc.address);
    const keys = [...new Set([...Object.keys(b?.values ?? {}), ...Object.keys(a?.values ?? {})])].sort();
    const attributes = keys.filter(
      (k) => JSON.stringify(b?.values[k] ?? null) !== JSON.stringify(a?.values[k] ?? null),
    );
    if (attributes.length === 0 && a) continue;
    entries.push({
      resource: rc.address,
      type: rc.type,
      attributes,
      weakenings: weakeningsOf({ before: b, after: a, base: ctx, head: ctx }, (message) => {
        throw new Error(message);
      }),
      deleted: !a,
    });
  }
  entries.sort(byText((e) => e.resource));
  return {
    stack: stack.name,
    file,
    drift: entries,
    failedChecks: failedChecks(plan),
    expiries: expiries(ctx, options.warnDays ?? 14),
  };
}

/** Check results as `terraform show -json` writes them; read defensively, as every field may be missing. */
function failedChecks(plan: PlanDocument): FailedCheck[] {
  const checks = (plan as unknown as { checks?: unknown }).checks;
  if (!Array.isArray(checks)) return [];
  const obj = (v: unknown): Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const display = (v: unknown) => (typeof obj(v).to_display === 'string' ? (obj(v).to_display as string) : undefined);
  const out: FailedCheck[] = [];
  for (const raw of checks) {
    const c = obj(raw);
    const instances =
      Array.isArray(c.instances) && c.instances.length > 0
        ? c.instances.map(obj)
        : [{ address: c.address, status: c.status, problems: [] }];
    for (const i of instances) {
      if (i.status !== 'fail' && i.status !== 'error') continue;
      const problems = Array.isArray(i.problems)
        ? i.problems.map((p) => obj(p).message).filter((m): m is string => typeof m === 'string' && m !== '')
        : [];
      out.push({ address: display(i.address) ?? display(c.address) ?? '(unknown)', status: i.status, problems });
    }
  }
  return out.sort(byText((c) => c.address));
}
