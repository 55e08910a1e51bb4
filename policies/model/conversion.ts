/**
 * Values as Terraform reads them: each argument takes its schema's type, and
 * Terraform converts what the configuration writes (`mfa_required = "true"`
 * is the boolean true, `priority = "1"` the number 1). Done once, where
 * values are read, so that no rule judges the spelling.
 */
import { ATTRIBUTE_TYPES, type Schema } from '../facts/attribute-types';
import { Value, ValueObject, isObject } from './value';

/** Converts the arguments of a resource of `type` to their schema's types, in place. */
export function convertToSchema(type: string, values: ValueObject): void {
  const schema = ATTRIBUTE_TYPES.get(type);
  if (schema) convertObject(values, schema);
}

function convertObject(values: ValueObject, schema: Schema): void {
  for (const attribute in schema) {
    if (!Object.hasOwn(values, attribute)) continue;
    const v = values[attribute];
    const t = schema[attribute];
    if (t === 'b' || t === 'n') values[attribute] = convert(v, t);
    else if (Array.isArray(t)) values[attribute] = Array.isArray(v) ? v.map((e) => convert(e, t[0])) : v;
    else if (Array.isArray(v)) {
      for (const block of v) if (isObject(block)) convertObject(block, t as Schema);
    } else if (isObject(v)) convertObject(v, t as Schema);
  }
}

/** Terraform's string conversions; anything it would reject stays as written. */
function convert(v: Value, to: 'b' | 'n'): Value {
  if (typeof v !== 'string') return v;
  if (to === 'b') return v === 'true' ? true : v === 'false' ? false : v;
  const n = v.trim() === '' ? NaN : Number(v);
  return Number.isFinite(n) && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v) ? n : v;
}
