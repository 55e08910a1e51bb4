/**
 * Tenants split over several roots (RULES.md, "Whole tenants and parts of
 * one"): recovery-gate.json `tenants` names the roots of one tenant, and they
 * are checked as one configuration — absences, attack paths, break-glass
 * counts and who is who over their union — while each finding still points at
 * the file its resource came from.
 */
import * as path from 'node:path';
import type { TenantDeclaration } from '../config/config';
import type { Resource, Stack, StackScope } from '../model/resource';
import { type Value, isObject } from '../model/value';
import { InputError } from '../errors';

/** The stacks with each declared tenant's roots joined into one; stacks no tenant names stay as they are. */
export function joinTenants(
  stacks: readonly Stack[],
  tenants: readonly TenantDeclaration[],
  configFile: string,
): Stack[] {
  const used = new Set<Stack>();
  const joined: Stack[] = [];
  for (const tenant of tenants) {
    const parts = tenant.paths.map((p) => {
      const found = stacks.find((s) => s.name === p || samePath(s.origin, p));
      if (!found)
        throw new InputError(
          configFile,
          `tenant "${tenant.name}" names ${p}, which is none of the inputs checked (${stacks.map((s) => s.origin).join(', ')})`,
        );
      return found;
    });
    for (const s of parts) used.add(s);
    joined.push(joinStacks(tenant.name, parts));
  }
  return [...joined, ...stacks.filter((s) => !used.has(s))];
}

/** One tenant out of several roots: their resources, static limits and declarations together; lines from the root each resource came from. */
export function joinStacks(name: string, parts: readonly Stack[]): Stack {
  const origin = new Map<Resource, Stack>();
  for (const s of parts) for (const r of s.resources) origin.set(r, s);
  const kinds = new Set(parts.map((s) => s.kind));
  const intent = mergedIntent(parts);
  return {
    name,
    kind: kinds.size === 1 ? parts[0].kind : 'hcl',
    origin: parts.map((s) => s.origin).join(', '),
    resources: parts.flatMap((s) => s.resources),
    notEvaluated: parts.flatMap((s) => s.notEvaluated),
    scope: 'tenant' as StackScope,
    ...(intent ? { intent } : {}),
    locateLine: (r) => origin.get(r)?.locateLine?.(r),
  };
}

/** The declarations every root's constructs recorded, together (each kind's lists concatenated). */
function mergedIntent(parts: readonly Stack[]): Value | undefined {
  const declarations: Record<string, Value[]> = {};
  let any = false;
  for (const s of parts) {
    const recorded = isObject(s.intent) ? s.intent.declarations : undefined;
    if (!isObject(recorded)) continue;
    any = true;
    for (const [kind, list] of Object.entries(recorded))
      declarations[kind] = [...(declarations[kind] ?? []), ...(Array.isArray(list) ? list : [])];
  }
  return any ? { declarations } : undefined;
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}
