/**
 * What the provider bindings say a resource or data source accepts: every
 * argument and nested block (from the generated `index.js`), and which are
 * required (from the `…Config` interfaces of `index.d.ts`, where a required
 * argument has no `?`). Used to hold what the constructs synthesize to the
 * providers' schemas.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ATTRIBUTE, NESTED, bindings, hclFunctions, mainAttributes } from './attribute-types';

export interface BindingSchema {
  /** Argument name → its nested block's schema, or null for a plain argument. */
  readonly attributes: ReadonlyMap<string, BindingSchema | null>;
  readonly required: ReadonlySet<string>;
}

const PACKAGES = ['@cdktf/provider-okta', '@cdktf/provider-azuread'];

/** `okta_group` or `data.okta_policy` → the binding's directory. */
let index: Map<string, string> | undefined;
function directoryOf(key: string): string | undefined {
  if (!index) {
    index = new Map();
    for (const { dir, type } of bindings(PACKAGES))
      index.set(`${path.basename(dir).startsWith('data-') ? 'data.' : ''}${type}`, dir);
  }
  return index.get(key);
}

/** The schema of a resource type (`okta_group`) or data source (`data.okta_policy`), or undefined without a binding. */
export function bindingSchema(key: string): BindingSchema | undefined {
  const dir = directoryOf(key);
  if (!dir) return undefined;
  const js = readFileSync(path.join(dir, 'index.js'), 'utf8');
  const dts = readFileSync(path.join(dir, 'index.d.ts'), 'utf8');
  const functions = hclFunctions(js);
  const interfaces = new Map<string, string>();
  for (const m of dts.matchAll(/export interface (\w+)(?: extends [\w.]+)? \{([\s\S]*?)\n\}/g))
    interfaces.set(m[1], m[2]);
  const requiredIn = (name: string) =>
    new Set([...(interfaces.get(name) ?? '').matchAll(/^\s+readonly (\w+): /gm)].map((m) => m[1]));
  const parse = (body: string, required: Set<string>, depth: number): BindingSchema => {
    const attributes = new Map<string, BindingSchema | null>();
    const requiredSnake = new Set<string>();
    for (const m of body.matchAll(ATTRIBUTE)) {
      const [, name, value] = m;
      const camel = /(?:this\._|struct\.)(\w+)/.exec(value)?.[1];
      if (camel && required.has(camel)) requiredSnake.add(name);
      const nested = NESTED.exec(value)?.[1];
      const inner = nested && depth < 8 ? functions.get(nested) : undefined;
      attributes.set(
        name,
        inner && nested ? parse(inner, requiredIn(nested[0].toUpperCase() + nested.slice(1)), depth + 1) : null,
      );
    }
    return { attributes, required: requiredSnake };
  };
  const config = /export interface (\w+Config) extends cdktf\.TerraformMetaArguments/.exec(dts)?.[1] ?? '';
  return parse(mainAttributes(js), requiredIn(config), 0);
}

/** Terraform's meta-arguments and cdktf's metadata, which no provider schema lists. */
const META = new Set(['//', 'count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'connection', 'provisioner']);

/** What the schema refuses in a body: unknown arguments and missing required ones, with their paths. */
export function schemaErrors(body: Record<string, unknown>, schema: BindingSchema, where: string): string[] {
  const errors: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (META.has(key)) continue;
    if (!schema.attributes.has(key)) {
      errors.push(`${where}.${key}: not an argument of the provider's schema`);
      continue;
    }
    const nested = schema.attributes.get(key);
    if (!nested) continue;
    const blocks = Array.isArray(value) ? value : [value];
    blocks.forEach((b, i) => {
      if (typeof b === 'object' && b !== null)
        errors.push(
          ...schemaErrors(
            b as Record<string, unknown>,
            nested,
            `${where}.${key}${Array.isArray(value) ? `[${i}]` : ''}`,
          ),
        );
    });
  }
  for (const r of schema.required)
    if (!(r in body)) errors.push(`${where}.${r}: required by the provider's schema, missing`);
  return errors;
}
