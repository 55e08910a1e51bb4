/**
 * Attribute values as every input is normalised to them.
 *
 * A value is a JSON literal, an {@link Unknown} (not known until apply: a
 * reference, an unevaluated expression, a plan's "known after apply") or a
 * {@link Secret} (known to Terraform, never to us). Rules never see raw
 * `${...}` strings: the loaders evaluate them.
 */

/** A pointer from an expression to another object in the configuration. */
export interface Reference {
  /** Resource address (`okta_group.helpdesk`, `data.azuread_user.x`, `module.m.okta_user.u`). */
  readonly address: string;
  /** Attribute path after the address (`id`, `input.recovery_gate_attestation.expires`), or undefined. */
  readonly attribute?: string;
}

/** A value that cannot be known before apply, with what it depends on. */
export class Unknown {
  /**
   * @param expression the source text, when there is one (`${okta_group.a.id}`)
   * @param references the resources the expression reads
   * @param direct true when the expression is exactly one reference, so it *is* that object's attribute
   */
  constructor(
    readonly expression: string | undefined,
    readonly references: readonly Reference[],
    readonly direct = false,
  ) {}

  toString(): string {
    return this.expression ?? '(known after apply)';
  }
}

/** A value Terraform marks sensitive, or that is named like a credential. Never printed. */
export class Secret {
  static readonly instance = new Secret();
  private constructor() {}
  toString(): string {
    return '(sensitive)';
  }
  toJSON(): string {
    return '(sensitive)';
  }
}

export type Literal = string | number | boolean | null;
export type Value = Literal | Unknown | Secret | Value[] | ValueObject;
export interface ValueObject {
  [key: string]: Value;
}

export const isSecret = (v: unknown): v is Secret => v instanceof Secret;
export const isObject = (v: unknown): v is ValueObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof Secret);

/**
 * Blocks under `key`: Terraform JSON writes a nested block as an object or an
 * array of objects, HCL and plans as arrays. Always an array here.
 */
export function blocks(v: Value | undefined): ValueObject[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.filter(isObject);
  return isObject(v) ? [v] : [];
}

/** Follows a dotted path through objects and single- or multi-element block lists. */
export function valuesAt(root: ValueObject, path: string): Value[] {
  let current: Value[] = [root];
  for (const key of path.split('.')) {
    const next: Value[] = [];
    for (const item of current) {
      if (isObject(item)) {
        const child = item[key];
        if (child !== undefined) next.push(child);
      } else if (Array.isArray(item)) {
        for (const element of item) {
          if (isObject(element) && element[key] !== undefined) next.push(element[key]);
          else if (element instanceof Unknown) next.push(element); // a dynamic block over an unknown collection
        }
      } else if (item instanceof Unknown) {
        next.push(item); // an unknown block makes everything under it unknown
      }
    }
    current = next;
  }
  return current;
}

/** The single value at a path: undefined when absent, the Unknown when any step is unknown. */
export function valueAt(root: ValueObject, path: string): Value | undefined {
  const found = valuesAt(root, path);
  return found.find((v) => v instanceof Unknown) ?? found[0];
}

/** Elements of a list or set attribute; an unknown list is one unknown element. */
export function elements(v: Value | undefined): Value[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** Whether a value is unknown or a list holding an unknown element. */
export function hasUnknownElement(v: Value | undefined): boolean {
  return v instanceof Unknown || elements(v).some((e) => e instanceof Unknown);
}

/** The literal strings in a value (used for name matching); unknowns and secrets are skipped. */
export function literalStrings(v: Value | undefined): string[] {
  return elements(v).filter((e): e is string => typeof e === 'string');
}

/** Every reference a value carries, wherever it sits inside it. */
export function referencesIn(v: Value, out: Reference[] = []): Reference[] {
  if (v instanceof Unknown) out.push(...v.references);
  else if (Array.isArray(v)) for (const e of v) referencesIn(e, out);
  else if (isObject(v)) for (const e of Object.values(v)) referencesIn(e, out);
  return out;
}

/** A short, safe rendering for messages: never a secret, never a whole structure. */
export function describeValue(v: Value | undefined): string {
  if (v === undefined) return 'unset';
  if (v instanceof Unknown || v instanceof Secret) return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > MAX_DESCRIBED ? `${v.slice(0, MAX_DESCRIBED - 1)}…` : v);
  if (Array.isArray(v))
    return `[${v.slice(0, MAX_ELEMENTS).map(describeValue).join(', ')}${v.length > MAX_ELEMENTS ? `, … ${v.length - MAX_ELEMENTS} more` : ''}]`;
  if (isObject(v)) return '{…}';
  return String(v);
}

/** A value in a change (before → after) quotes at most this much of a string, and this many elements of a list. */
export const MAX_DESCRIBED = 200;
const MAX_ELEMENTS = 20;
