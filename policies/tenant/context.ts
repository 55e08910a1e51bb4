/**
 * What a rule may ask about one stack. Indexes are built once, lazily, so
 * every rule is linear in the number of resources: no rule scans the whole
 * stack to follow a reference.
 */
import type { Resource, Stack } from '../model/resource';
import { Reference, Unknown, Value, valuesAt } from '../model/value';
import { Attestation, readAttestations } from './attestations';
import { AccessPolicy, readAccessPolicies } from './conditional-access';
import { OktaSignOnRule, readOktaSignOnRules } from './okta-signon';
import { AttackPath, findPaths } from '../graph/paths';
import { buildResetGraph } from './build-reset-graph';
import { ResetGraph } from '../graph/reset-graph';
import type { Config } from '../config/config';
import { RoleGrant, readGrants } from './grants';
import { Principals } from './principals';
import type { Provider } from '../facts/providers';
import { addTo, append } from '../lists';
import { withoutTrailingKey } from '../inputs/plan-modules';

/** What an attribute points at. */
export interface Targets {
  readonly resources: readonly Resource[];
  /** Some element is unknown and names no resource we can see. */
  readonly unknown: boolean;
  /** Literal elements that match no resource in the stack (objects managed elsewhere). */
  readonly external: readonly string[];
}

interface MutableTargets {
  resources: Resource[];
  unknown: boolean;
  external: string[];
}

const NONE: readonly Resource[] = Object.freeze([]);
/** Most attributes name nothing outside the configuration: they share one empty list, never written to (the first literal starts a list of its own). */
const NO_STRINGS = Object.freeze([]) as unknown as string[];

const DAY_MS = 86_400_000;

export class RuleContext {
  private readonly byType = new Map<string, Resource[]>();
  private readonly byAddress = new Map<string, Resource>();
  private readonly byBase = new Map<string, Resource[]>();
  private readonly byId = new Map<string, Resource>();
  /** resolve()'s answers: each address is looked up once however often it is referenced. */
  private readonly resolved = new Map<string, readonly Resource[]>();
  /** Data sources that read an object this configuration manages (a tenant split over roots looks its groups up by name). */
  private readonly aliases: ReadonlyMap<string, Resource>;
  private cachedPrincipals?: Principals;
  private cachedGrants?: readonly RoleGrant[];
  private grantsByAssignment?: Map<Resource, RoleGrant[]>;
  private cachedAttestations?: readonly Attestation[];
  private cachedAccessPolicies?: readonly AccessPolicy[];
  private cachedSignOnRules?: readonly OktaSignOnRule[];
  private cachedGraph?: ResetGraph;
  private cachedPaths?: readonly AttackPath[];
  readonly providers: ReadonlySet<Provider>;

  constructor(
    readonly stack: Stack,
    readonly config: Config,
    readonly now: Date,
  ) {
    const providers = new Set<Provider>();
    this.aliases = dataSourceAliases(stack.resources);
    for (const r of stack.resources) {
      // A data source that reads a managed object is that object, not a principal of its own.
      if (r.mode === 'data' && this.aliases.get(r.address)) continue;
      addTo(this.byType, r.type, r);
      // An exact address always wins in resolve(); only instances need their base: every instance
      // (`module.bg.azuread_user.this`), and those of one module instance (`module.bg["02"].azuread_user.this`).
      if (r.baseAddress !== r.address) {
        addTo(this.byBase, r.baseAddress, r);
        const own = withoutTrailingKey(r.address);
        if (own !== r.address && own !== r.baseAddress) addTo(this.byBase, own, r);
      }
      this.byAddress.set(r.address, r);
      const { id, object_id: objectId } = r.values;
      // A managed resource owns its id; a data source that reads the same object only stands in where none does.
      for (const key of [id, objectId])
        if (typeof key === 'string' && key && (r.mode === 'managed' || !this.byId.has(key))) this.byId.set(key, r);
      // A guest is referred to by the user id its invitation creates; an application by its client id.
      const alias =
        r.type === 'azuread_invitation'
          ? r.values.user_id
          : r.type === 'azuread_application' || r.type === 'azuread_application_registration'
            ? r.values.client_id
            : undefined;
      if (typeof alias === 'string' && alias) this.byId.set(alias, r);
      if (r.type.startsWith('okta_')) providers.add('okta');
      else if (r.type.startsWith('azuread_')) providers.add('entra');
    }
    this.providers = providers;
  }

  /** Resources of the given types, in stack order. */
  resourcesOf(...types: string[]): Resource[] {
    if (types.length === 1) return this.byType.get(types[0]) ?? [];
    return types.flatMap((t) => this.byType.get(t) ?? []);
  }

  get(address: string): Resource | undefined {
    return this.byAddress.get(address);
  }

  /** The resources a reference or address names: one instance, or every instance of a counted resource. */
  resolve(target: string | Reference): readonly Resource[] {
    const address = typeof target === 'string' ? target : target.address;
    let found = this.resolved.get(address);
    if (found === undefined) {
      const alias = this.aliases.get(address);
      const exact = alias ?? this.byAddress.get(address);
      found = exact ? [exact] : (this.byBase.get(address) ?? NONE);
      this.resolved.set(address, found);
    }
    return found;
  }

  /** The resource a literal id (as a plan shows it) belongs to. */
  byLiteralId(id: string): Resource | undefined {
    return this.byId.get(id);
  }

  /** Everything an attribute path points at: references, plan references, and literal ids. */
  targets(resource: Resource, path: string): Targets {
    const out: MutableTargets = { resources: [], unknown: false, external: NO_STRINGS };
    const direct = path.indexOf('.') === -1 ? resource.values[path] : undefined;
    if (direct !== undefined) this.collectTargets(direct, out);
    else for (const x of valuesAt(resource.values, path)) this.collectTargets(x, out);
    // Only a plan's configuration adds references its values do not carry, and only where
    // the values leave something unexplained: a literal id of no resource here, or nothing at all.
    const unexplained = out.external.length > 0 || (out.resources.length === 0 && !out.unknown);
    const planned = this.stack.kind === 'plan' && unexplained ? resource.references.get(path) : undefined;
    if (planned) {
      for (const address of planned) append(out.resources, this.resolve(address));
      // A literal that a plan's configuration explains is not external.
      if (out.resources.length > 0) out.external = NO_STRINGS;
    }
    if (out.resources.length > 1) out.resources = unique(out.resources);
    return out;
  }

  private collectTargets(x: Value, out: MutableTargets): void {
    if (Array.isArray(x)) for (const v of x) this.collectTarget(v, out);
    else if (x !== null) this.collectTarget(x, out);
  }

  private collectTarget(v: Value, out: MutableTargets): void {
    if (v instanceof Unknown) {
      let resolved = 0;
      for (const ref of v.references) {
        const rs = this.resolve(ref);
        for (const r of rs) out.resources.push(r);
        resolved += rs.length;
      }
      if (resolved === 0) out.unknown = true;
    } else if (typeof v === 'string' && v !== '') {
      // An empty id (an empty lookup, say) names no object: not an exclusion, not a member.
      const r = this.byId.get(v) ?? this.byAddress.get(v);
      if (r) out.resources.push(r);
      else if (out.external === NO_STRINGS) out.external = [v];
      else out.external.push(v);
    }
  }

  /** The first target of a single-valued attribute, if it resolves to one resource. */
  target(resource: Resource, path: string): Resource | undefined {
    const t = this.targets(resource, path);
    return t.resources.length === 1 ? t.resources[0] : undefined;
  }

  get principals(): Principals {
    return (this.cachedPrincipals ??= new Principals(this));
  }

  /** Every admin-role grant in the stack (Okta and Entra), resolved. */
  get grants(): readonly RoleGrant[] {
    return (this.cachedGrants ??= readGrants(this));
  }

  /** Entra conditional access policies, read once for every rule that asks. */
  get accessPolicies(): readonly AccessPolicy[] {
    return (this.cachedAccessPolicies ??= readAccessPolicies(this));
  }

  /** Okta sign-on rules (app and session), with provider defaults applied. */
  get oktaSignOnRules(): readonly OktaSignOnRule[] {
    return (this.cachedSignOnRules ??= readOktaSignOnRules(this));
  }

  /** Who can end up changing whose authentication (see policies/graph). */
  get resetGraph(): ResetGraph {
    return (this.cachedGraph ??= buildResetGraph(this));
  }

  /** The shortest path from each principal outside the privileged tier to a privileged identity, break-glass account or policy. */
  get attackPaths(): readonly AttackPath[] {
    return (this.cachedPaths ??= findPaths(this.resetGraph));
  }

  /** The grants one assignment resource creates (several for `okta_user_admin_roles` and custom assignments). */
  grantsOf(assignment: Resource): readonly RoleGrant[] {
    if (!this.grantsByAssignment) {
      this.grantsByAssignment = new Map();
      for (const g of this.grants) addTo(this.grantsByAssignment, g.assignment, g);
    }
    return this.grantsByAssignment.get(assignment) ?? [];
  }

  get attestations(): readonly Attestation[] {
    return (this.cachedAttestations ??= readAttestations(this));
  }

  /**
   * Attestations for a control. With subjects, only those that speak for one of
   * them or for nothing in particular (an attestation without `subject` covers
   * the whole tenant); without, every attestation for the control.
   */
  attestationsFor(control: string, subjects?: readonly Resource[]): Attestation[] {
    return this.attestations.filter(
      (a) =>
        a.control === control &&
        (!subjects || !a.hasSubject || (a.subject !== undefined && subjects.includes(a.subject))),
    );
  }

  /**
   * Whether an attestation for the control is present: `unknown` when none is
   * but one whose control is not known could be it.
   */
  attested(control: string, subjects?: readonly Resource[]): 'yes' | 'no' | 'unknown' {
    if (this.attestationsFor(control, subjects).length > 0) return 'yes';
    const maybe = this.attestations.some(
      (a) =>
        a.controlUnknown && (!subjects || !a.hasSubject || (a.subject !== undefined && subjects.includes(a.subject))),
    );
    return maybe ? 'unknown' : 'no';
  }

  /** Whole days from now until `date` (negative when past). */
  daysUntil(date: Date): number {
    return (date.getTime() - this.now.getTime()) / DAY_MS;
  }

  /** A literal value, or the literal a direct reference points at (`terraform_data.x.input.y`). */
  literal(v: Value | undefined): Value | undefined {
    for (let hops = 0; v instanceof Unknown && v.direct && hops < 5; hops++) {
      const ref = v.references[0];
      const target = this.resolve(ref);
      if (target.length !== 1 || !ref.attribute) return v;
      const next = valuesAt(target[0].values, ref.attribute);
      if (next.length !== 1) return v;
      v = next[0];
    }
    return v;
  }
}

/** The argument a data source finds its object by, per type: Terraform's provider finds exactly one object with it. */
const LOOKUP_BY: ReadonlyMap<string, string> = new Map([
  ['azuread_group', 'display_name'],
  ['azuread_user', 'user_principal_name'],
  ['azuread_administrative_unit', 'display_name'],
  ['azuread_application', 'display_name'],
  ['azuread_service_principal', 'display_name'],
  ['okta_group', 'name'],
]);

/**
 * Each data source that looks up, by its one identifying argument, an object
 * exactly one managed resource of the same type declares: the managed one is
 * what it reads. Where none or several match, the data source stays what it is.
 */
function dataSourceAliases(resources: readonly Resource[]): Map<string, Resource> {
  const aliases = new Map<string, Resource>();
  const wanted = resources.filter((r) => r.mode === 'data' && LOOKUP_BY.has(r.type));
  if (wanted.length === 0) return aliases;
  const managed = new Map<string, Resource[]>();
  for (const r of resources) {
    const by = r.mode === 'managed' ? LOOKUP_BY.get(r.type) : undefined;
    const key = by ? r.values[by] : undefined;
    if (typeof key === 'string' && key !== '') addTo(managed, `${r.type}|${key.toLowerCase()}`, r);
  }
  for (const d of wanted) {
    const key = d.values[LOOKUP_BY.get(d.type)!];
    const found = typeof key === 'string' ? managed.get(`${d.type}|${key.toLowerCase()}`) : undefined;
    if (found?.length === 1) {
      aliases.set(d.address, found[0]);
      if (d.baseAddress !== d.address) aliases.set(d.baseAddress, found[0]);
    }
  }
  return aliases;
}

/** In first-seen order; most attributes name one or two resources, so small lists skip the set. */
function unique(list: Resource[]): Resource[] {
  if (list.length <= 8) return list.filter((r, i) => list.indexOf(r) === i);
  return [...new Set(list)];
}
