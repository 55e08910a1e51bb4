/** Builds stacks from inline Terraform JSON or plans, as the loaders would. */
import { readConfiguration } from '../../policies/inputs/configuration';
import { loadFile } from '../../policies/inputs/load';
import { createLocator } from '../../policies/inputs/locate';
import { readPlan, validatePlan } from '../../policies/inputs/plan';
import type { Stack } from '../../policies/model/resource';

export type Resources = Record<string, Record<string, unknown>>;

/**
 * A cdktf-style stack (`resource` only, plus optional locals) from `{ type: { name: body } }`.
 * Its text is the document indented as cdktf writes it, so findings have lines (`text`, for tests that read them).
 */
export function configStack(
  resources: Resources,
  extra: Record<string, unknown> = {},
  name = 'test',
): Stack & { readonly text: string } {
  const file = `${name}.tf.json`;
  const body = { resource: resources, ...extra };
  const text = JSON.stringify(body, null, 2);
  const { resources: list, notEvaluated } = readConfiguration([{ file, body }], { useDefaults: false });
  return {
    name,
    kind: 'cdktf',
    origin: file,
    resources: list,
    notEvaluated,
    locateLine: createLocator('json', () => text),
    text,
  };
}

/** A plan's stack, its text as `terraform show -json` prints it, so findings have lines. */
export function planStack(plan: Record<string, unknown>, name = 'plan'): Stack & { readonly text: string } {
  const file = `${name}.json`;
  const text = JSON.stringify(plan);
  return {
    name,
    kind: 'plan',
    origin: file,
    resources: readPlan(validatePlan(plan, file), file),
    notEvaluated: [],
    locateLine: createLocator('plan', () => text),
    text,
  };
}

/** A minimal plan from `address → { values, unknown?, expressions? }` (all created). */
export function simplePlan(
  resources: Record<
    string,
    {
      values: Record<string, unknown>;
      unknown?: Record<string, unknown>;
      expressions?: Record<string, unknown>;
      sensitive?: Record<string, unknown>;
    }
  >,
): Record<string, unknown> {
  const entries = Object.entries(resources);
  const typeName = (address: string) => {
    const [type, name] = address.split('.');
    return { type, name: name.replace(/\[.*$/, '') };
  };
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: {
      root_module: {
        resources: entries.map(([address, r]) => ({
          address,
          mode: 'managed',
          ...typeName(address),
          values: r.values,
          sensitive_values: r.sensitive ?? {},
        })),
      },
    },
    resource_changes: entries.map(([address, r]) => ({
      address,
      mode: 'managed',
      ...typeName(address),
      change: {
        actions: ['create'],
        before: null,
        after: r.values,
        after_unknown: r.unknown ?? {},
        before_sensitive: false,
        after_sensitive: r.sensitive ?? {},
      },
    })),
    configuration: {
      root_module: {
        resources: entries.map(([address, r]) => ({
          address: address.replace(/\[.*$/, ''),
          mode: 'managed',
          ...typeName(address),
          expressions: r.expressions ?? {},
        })),
      },
    },
  };
}

/** The stack of one HCL file, read as `recovery-gate check main.tf` reads it (nothing is written to disk). */
export async function hclStack(tf: string, file = 'main.tf'): Promise<Stack> {
  const [stack] = await loadFile(file, tf);
  return stack;
}

/** Writes `files` (relative path → text) into a new temporary directory, hands it to `use`, and removes it afterwards. */
export async function inDirectory<T>(files: Record<string, string>, use: (dir: string) => Promise<T>): Promise<T> {
  const { mkdtempSync, mkdirSync, rmSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-hcl-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
