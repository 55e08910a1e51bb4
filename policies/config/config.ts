/**
 * `recovery-gate.json`: declarations and thresholds. The JSON Schema in
 * `schema/recovery-gate.schema.json` is the single definition; defaults and
 * validation are read from it, so the two cannot drift.
 */
import type { Suppression } from '../model/suppression';
import { catastrophicRegex } from './glob';
import schema from '../../schema/recovery-gate.schema.json';
import { InputError } from '../errors';
import { parseTime } from '../model/time';

export interface Declarations {
  readonly breakGlass: readonly string[];
  readonly privileged: readonly string[];
  readonly operators: readonly string[];
  readonly vendors: readonly string[];
}

export type ThresholdName = keyof typeof schema.properties.thresholds.properties;
export type Thresholds = Readonly<Record<ThresholdName, number>>;

/** Roots that make one tenant (recovery-gate.json `tenants`). */
export interface TenantDeclaration {
  readonly name: string;
  /** Directories, plans or files as given on the command line, or stack names. */
  readonly paths: readonly string[];
}

export interface Config {
  readonly declarations: Declarations;
  readonly thresholds: Thresholds;
  readonly sharedMailboxPattern?: RegExp;
  readonly suppressions?: readonly Suppression[];
  readonly tenants?: readonly TenantDeclaration[];
  /** Rule selection: "off", or the severity a rule's findings take. */
  readonly rules?: Readonly<Record<string, 'off' | 'critical' | 'high' | 'medium' | 'low'>>;
  /** The file it was read from, as the user would name it; unset for the defaults. */
  readonly file?: string;
}

export const DEFAULT_THRESHOLDS: Thresholds = Object.fromEntries(
  Object.entries(schema.properties.thresholds.properties).map(([k, v]) => [k, v.default]),
) as Thresholds;

export const DEFAULT_CONFIG: Config = {
  declarations: { breakGlass: [], privileged: [], operators: [], vendors: [] },
  thresholds: DEFAULT_THRESHOLDS,
};

/** Validates a parsed config document; `file` names it in errors. */
export function parseConfig(doc: unknown, file: string): Config {
  const problem = validate(doc, schema as unknown as SchemaNode, '');
  if (problem) throw new InputError(file, problem);
  const d = doc as {
    declarations?: Partial<Declarations>;
    thresholds?: Partial<Thresholds>;
    sharedMailboxPattern?: string;
    suppressions?: Suppression[];
    tenants?: TenantDeclaration[];
    rules?: Config['rules'];
  };
  const thresholds = { ...DEFAULT_THRESHOLDS, ...d.thresholds };
  if (thresholds.breakGlassMinAccounts > thresholds.breakGlassMaxAccounts) {
    throw new InputError(
      file,
      `thresholds.breakGlassMinAccounts (${thresholds.breakGlassMinAccounts}) is more than thresholds.breakGlassMaxAccounts (${thresholds.breakGlassMaxAccounts}): no number of accounts could pass`,
    );
  }
  return {
    declarations: { ...DEFAULT_CONFIG.declarations, ...d.declarations },
    thresholds,
    ...(d.sharedMailboxPattern ? { sharedMailboxPattern: new RegExp(d.sharedMailboxPattern, 'i') } : {}),
    ...(d.suppressions ? { suppressions: d.suppressions } : {}),
    ...(d.tenants ? { tenants: d.tenants } : {}),
    ...(d.rules ? { rules: d.rules } : {}),
  };
}

/** Text as a reader sees it: without surrounding blanks and invisible characters (zero-width spaces, joiners, soft hyphens). */
export function visible(text: string): string {
  return text.replace(/[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g, '').trim();
}

// A validator for the subset of JSON Schema the config schema uses.
interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean;
  items?: SchemaNode;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  format?: string;
  pattern?: string;
  required?: string[];
  $ref?: string;
}

function resolveRef(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const name = node.$ref.replace('#/$defs/', '');
  return (schema.$defs as unknown as Record<string, SchemaNode>)[name];
}

function validate(value: unknown, raw: SchemaNode, at: string): string | undefined {
  const node = resolveRef(raw);
  const where = at ? `"${at}"` : 'the configuration';
  switch (node.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${where} must be an object`;
      const missing = node.required?.find((k) => !(k in value));
      if (missing) return `${where} needs "${missing}"`;
      for (const [key, child] of Object.entries(value)) {
        // Own properties only: a key such as `constructor` must not find the prototype's.
        const sub = node.properties && Object.hasOwn(node.properties, key) ? node.properties[key] : undefined;
        const path = at ? `${at}.${key}` : key;
        if (!sub) {
          if (node.additionalProperties === false) {
            const known = Object.keys(node.properties ?? {}).filter((k) => k !== '$schema');
            return `unknown key "${path}" (expected one of: ${known.join(', ')})`;
          }
          continue;
        }
        const problem = validate(child, sub, path);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'array': {
      if (!Array.isArray(value)) return `${where} must be an array`;
      if (node.minItems !== undefined && value.length < node.minItems) return `${where} must not be empty`;
      for (let i = 0; i < value.length; i++) {
        const problem = node.items && validate(value[i], node.items, `${at}[${i}]`);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'string': {
      if (typeof value !== 'string') return `${where} must be a string`;
      if (node.minLength !== undefined && visible(value).length < node.minLength)
        return node.minLength > 1
          ? `${where} must be at least ${node.minLength} characters`
          : `${where} must not be empty`;
      if (node.pattern !== undefined && !new RegExp(node.pattern).test(value))
        return `${where} must match ${node.pattern}`;
      if (node.format === 'date-time' && !parseTime(value))
        return `${where} must be an RFC 3339 time such as 2027-01-31T00:00:00Z`;
      if (node.format === 'regex') {
        try {
          new RegExp(value);
        } catch {
          return `${where} is not a valid regular expression`;
        }
        const slow = catastrophicRegex(value);
        if (slow)
          return `${where} could take exponential time on hostile input (${slow}): write it without nested repetition`;
      }
      return undefined;
    }
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${where} must be a number`;
      if (node.type === 'integer' && !Number.isInteger(value)) return `${where} must be a whole number`;
      if (node.minimum !== undefined && value < node.minimum) return `${where} must be at least ${node.minimum}`;
      if (node.maximum !== undefined && value > node.maximum) return `${where} must be at most ${node.maximum}`;
      return undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${where} must be true or false`;
    default:
      return undefined;
  }
}
