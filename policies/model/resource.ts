import type { Suppression } from './suppression';
import type { Reference, Value, ValueObject } from './value';

/** What kind of input a stack came from; it decides what "unknown" means for it. */
export type InputKind = 'cdktf' | 'terraform-json' | 'hcl' | 'plan';

/** Where a resource is written, so a finding can point at the code to change. */
export interface SourceLocation {
  /** The file, relative to the working directory where possible. */
  readonly file: string;
  /** 1-based line, when the input has lines and it was found. */
  readonly line?: number;
  /** cdktf construct path (`okta/helpdesk/role`), for synthesized stacks. */
  readonly constructPath?: string;
  /** The TypeScript (or JavaScript) line that created the construct, where cdktf recorded it. */
  readonly code?: { readonly file: string; readonly line: number };
}

/** A `lifecycle` condition, kept with its source text for rules that read expiries. */
export interface Condition {
  readonly kind: 'precondition' | 'postcondition';
  /** The condition as written, `${...}` stripped (`timecmp(plantimestamp(), local.x) < 0`). */
  readonly expression: string;
  readonly errorMessage?: string;
  /**
   * For the plan-time expiry idiom `timecmp(plantimestamp(), X) < 0`: X, evaluated
   * (a literal RFC 3339 time, or an Unknown that references where it comes from).
   */
  readonly deadline?: Value;
}

export interface Resource {
  /** Full address: `okta_group.helpdesk`, `module.idp.azuread_user.bg["a"]`, `data.okta_group.everyone`. */
  readonly address: string;
  /** The address without instance keys, used to resolve references (`module.idp.azuread_user.bg`). */
  readonly baseAddress: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  /** The resource name in configuration (`helpdesk`). */
  readonly name: string;
  /** Attribute values in snake_case, meta-arguments (count, lifecycle, depends_on…) removed. */
  readonly values: ValueObject;
  /**
   * Addresses each attribute path refers to (`target_group_list` → [`okta_group.support`]),
   * from expressions or, for plans, the configuration's `references`. Unresolved targets are kept
   * as written so rules can tell "points at something outside this configuration". For
   * configuration inputs this repeats what the values' unknowns already say (and is derived on
   * first use); rules read it only for plans, whose values are literal.
   */
  readonly references: ReadonlyMap<string, readonly string[]>;
  readonly conditions: readonly Condition[];
  readonly source: SourceLocation;
}

/** Types the catalogue is about: Okta and Entra ID objects, Graph settings, and the log exports and alerts that watch them. */
export function isIdentityType(type: string): boolean {
  return IDENTITY_TYPE.test(type);
}
const IDENTITY_TYPE = /^(okta_|azuread_|msgraph_|azurerm_monitor_)/;

/** For resources without `lifecycle` conditions: one shared empty list. */
export const NO_CONDITIONS: readonly Condition[] = Object.freeze([]);

/**
 * A resource as a loader reads it. Most rules never ask for the references
 * by attribute path, so each loader says how to collect them and they are
 * collected on first use, not for every resource of a large stack.
 */
export abstract class LoadedResource implements Resource {
  private referencesByPath?: Map<string, string[]>;

  constructor(
    readonly address: string,
    readonly baseAddress: string,
    readonly mode: 'managed' | 'data',
    readonly type: string,
    readonly name: string,
    readonly values: ValueObject,
    readonly conditions: readonly Condition[],
    readonly source: SourceLocation,
  ) {}

  get references(): ReadonlyMap<string, readonly string[]> {
    if (!this.referencesByPath) this.collectReferences((this.referencesByPath = new Map()));
    return this.referencesByPath;
  }

  /** Fills `out` with the addresses each attribute path refers to (see {@link recordReferences}). */
  protected abstract collectReferences(out: Map<string, string[]>): void;
}

/** Adds the addresses of `references` to those recorded for `path`, each once. */
export function recordReferences(out: Map<string, string[]>, path: string, references: readonly Reference[]): void {
  if (references.length === 0) return;
  let list = out.get(path);
  if (!list) out.set(path, (list = []));
  for (const r of references) if (!list.includes(r.address)) list.push(r.address);
}

/** The instance key of the resource that stands for every instance of a `count` or `for_each` the reader could not expand. */
export const ANY_INSTANCE_KEY = '[*]';

/** Whether a resource stands for an unknown number of instances, itself or through its module's (see {@link ANY_INSTANCE_KEY}). */
export function isAnyInstance(r: Resource): boolean {
  return r.address.includes(ANY_INSTANCE_KEY);
}

/** A lazily computed line lookup: inputs only pay for line numbers of resources with findings. */
export type LineLocator = (resource: Resource) => number | undefined;

/** One Terraform root (a cdktf stack, a module directory, a plan): rules run per stack. */
export interface Stack {
  readonly name: string;
  readonly kind: InputKind;
  /** The file or directory the stack was read from. */
  readonly origin: string;
  readonly resources: readonly Resource[];
  /** Declarations recorded by recovery-gate constructs at synth, if any. */
  readonly intent?: Value;
  /** Resources the static HCL reader could not evaluate (for_each over unknowns, remote modules…). */
  readonly notEvaluated: readonly string[];
  readonly locateLine?: LineLocator;
  /**
   * A whole tenant (a root: a cdktf stack, a plan, configuration that
   * configures a provider or a backend) or a child module meant to be called
   * by one. Only a tenant can lack something: a module's absences are its
   * caller's to supply. Unset means a tenant.
   */
  readonly scope?: StackScope;
  /** `# recovery-gate:ignore` comments of the root module's HCL files. */
  readonly inlineSuppressions?: readonly Suppression[];
  /** Entries of an input directory that were not read: not regular files (a pipe, a device, a socket). */
  readonly skipped?: readonly string[];
}

export type StackScope = 'tenant' | 'module';
