/**
 * Who is who (RULES.md, "Who is who"): users, groups and their members, and
 * the four classes — break-glass, privileged, operator, vendor — declared in
 * recovery-gate.json first, inferred otherwise.
 */
import type { Resource } from '../model/resource';
import { Value, literalStrings } from '../model/value';
import type { RuleContext } from './context';
import type { RoleGrant } from './grants';
import type { Provider } from '../facts/providers';
import { oncePerResource } from '../model/once';
import { addTo, append } from '../lists';

const NO_GRANTS: RoleGrant[] = [];

export const BREAK_GLASS_NAME = /break[-_ .]?glass|emergency[-_ .]?access/i;
export const VENDOR_NAME = /vendor|third[-_ ]?party|contractor|supplier|partner|outsourc|\bmsp\b/i;

export type PrincipalClass = 'breakGlass' | 'privileged' | 'operators' | 'vendors';

const USER_TYPES = new Set(['okta_user', 'azuread_user']);
const USER_TYPE_OF: Record<Provider, string> = { okta: 'okta_user', entra: 'azuread_user' };
const GROUP_TYPES = new Set(['okta_group', 'azuread_group']);
const NON_HUMAN_TYPES = new Set([
  'azuread_service_principal',
  'azuread_application',
  'azuread_application_registration',
  'okta_app_oauth',
]);
/** A guest invited into Entra: a user principal, and a vendor by definition. */
const GUEST_TYPE = 'azuread_invitation';

/** A PIM for Groups schedule: membership (or ownership) that is activated, or assigned for a time. */
export interface GroupSchedule {
  readonly schedule: Resource;
  readonly group: Resource;
  readonly principal: Resource | undefined;
  readonly kind: 'eligible' | 'assigned';
}

export interface Members {
  readonly resources: readonly Resource[];
  /** Some member is unknown (a variable, a data source's list). */
  readonly unknown: boolean;
}

/** A string, or a list with a string, that matches. */
function anyMatches(v: Value | undefined, pattern: RegExp): boolean {
  if (typeof v === 'string') return pattern.test(v);
  return Array.isArray(v) && v.some((e) => typeof e === 'string' && pattern.test(e));
}

export class Principals {
  private readonly staticMembers = new Map<Resource, Set<Resource>>();
  private readonly unknownMembers = new Set<Resource>();
  private readonly schedules = new Map<Resource, GroupSchedule[]>();
  private readonly breakGlassCache = new Map<Resource, boolean>();
  private readonly eligibleFor = new Map<Resource, Set<Resource>>();
  /** member → the groups it is a static member of → the resource that makes it so. */
  private readonly memberOf = new Map<Resource, Map<Resource, Resource>>();
  private readonly units = new Map<Resource, { resources: Resource[]; unknown: boolean }>();
  private heldByPrincipal?: Map<Resource, RoleGrant[]>;
  private accounts?: Resource[];
  // Each question is answered once per resource: many rules ask about the same few.
  private readonly memberList = oncePerResource((group): Members => ({
    resources: [...(this.staticMembers.get(group) ?? [])],
    unknown: this.unknownMembers.has(group),
  }));
  private readonly held = oncePerResource((principal) => this.collectHeld(principal));
  private readonly privileged = oncePerResource((r) => this.decidePrivileged(r));
  private readonly operator = oncePerResource((r) => this.decideOperator(r));
  private readonly vendor = oncePerResource((r) => this.decideVendor(r));

  constructor(private readonly ctx: RuleContext) {
    for (const unit of ctx.resourcesOf('azuread_administrative_unit')) this.addUnitMembers(unit, unit, 'members');
    for (const m of ctx.resourcesOf('azuread_administrative_unit_member')) {
      for (const unit of ctx.targets(m, 'administrative_unit_object_id').resources)
        this.addUnitMembers(unit, m, 'member_object_id');
    }
    for (const g of ctx.resourcesOf('azuread_group')) this.addMembers(g, g, 'members');
    for (const m of ctx.resourcesOf('okta_group_memberships')) {
      for (const g of ctx.targets(m, 'group_id').resources) this.addMembers(g, m, 'users');
    }
    for (const m of ctx.resourcesOf('azuread_group_member')) {
      for (const g of ctx.targets(m, 'group_object_id').resources) this.addMembers(g, m, 'member_object_id');
    }
    for (const m of ctx.resourcesOf('okta_user_group_memberships')) {
      const users = ctx.targets(m, 'user_id').resources;
      for (const g of ctx.targets(m, 'groups').resources) for (const u of users) this.link(g, u, m);
    }
    for (const [type, kind] of [
      ['azuread_privileged_access_group_eligibility_schedule', 'eligible'],
      ['azuread_privileged_access_group_assignment_schedule', 'assigned'],
    ] as const) {
      for (const s of ctx.resourcesOf(type)) {
        const assignmentType = s.values.assignment_type;
        if (typeof assignmentType === 'string' && assignmentType !== 'member') continue;
        for (const group of ctx.targets(s, 'group_id').resources) {
          const principal = ctx.target(s, 'principal_id');
          addTo(this.schedules, group, { schedule: s, group, principal, kind });
          if (principal) {
            let groups = this.eligibleFor.get(principal);
            if (!groups) this.eligibleFor.set(principal, (groups = new Set()));
            groups.add(group);
          }
        }
      }
    }
  }

  private addUnitMembers(unit: Resource, holder: Resource, path: string): void {
    const t = this.ctx.targets(holder, path);
    let entry = this.units.get(unit);
    if (!entry) this.units.set(unit, (entry = { resources: [], unknown: false }));
    append(entry.resources, t.resources);
    // An id managed elsewhere could be anyone: the unit's membership is not fully known.
    entry.unknown ||= t.unknown || t.external.length > 0;
  }

  private addMembers(group: Resource, holder: Resource, path: string): void {
    const t = this.ctx.targets(holder, path);
    if (t.unknown) this.unknownMembers.add(group);
    for (const member of t.resources) this.link(group, member, holder);
  }

  private link(group: Resource, member: Resource, holder: Resource): void {
    let groups = this.memberOf.get(member);
    if (!groups) this.memberOf.set(member, (groups = new Map()));
    groups.set(group, holder);
    let set = this.staticMembers.get(group);
    if (!set) this.staticMembers.set(group, (set = new Set()));
    set.add(member);
  }

  isUser(r: Resource): boolean {
    return USER_TYPES.has(r.type) || r.type === GUEST_TYPE;
  }

  isGroup(r: Resource): boolean {
    return GROUP_TYPES.has(r.type);
  }

  isNonHuman(r: Resource): boolean {
    return NON_HUMAN_TYPES.has(r.type);
  }

  /** A resource's human names: a user's login, UPN and display name; a group's name. Descriptions do not count. */
  namesOf(r: Resource): string[] {
    const v = r.values;
    return [
      r.name,
      ...literalStrings(v.login),
      ...literalStrings(v.user_principal_name),
      ...literalStrings(v.display_name),
      ...literalStrings(v.name),
    ];
  }

  /** Whether one of {@link namesOf} matches, without building the list: asked of every principal. */
  hasNameMatching(r: Resource, pattern: RegExp): boolean {
    const v = r.values;
    return (
      pattern.test(r.name) ||
      anyMatches(v.login, pattern) ||
      anyMatches(v.user_principal_name, pattern) ||
      anyMatches(v.display_name, pattern) ||
      anyMatches(v.name, pattern)
    );
  }

  /** Declared in recovery-gate.json by address or by one of its names. */
  isDeclared(kind: PrincipalClass, r: Resource): boolean {
    const declared = this.ctx.config.declarations[kind];
    if (declared.length === 0) return false;
    const names = new Set([r.address, r.baseAddress, ...this.namesOf(r).slice(1)]);
    return declared.some((d) => names.has(d));
  }

  /** Literal ids (of objects managed elsewhere) not declared break-glass in recovery-gate.json, quoted for messages. */
  undeclaredIds(ids: readonly string[]): string[] {
    const declared = this.ctx.config.declarations.breakGlass;
    return ids.filter((id) => !declared.includes(id)).map((id) => JSON.stringify(id));
  }

  /** Static members (`members`, membership resources); PIM-eligible members are {@link schedulesFor}. */
  members(group: Resource): Members {
    return this.memberList(group);
  }

  /** The resource that makes `member` a static member of `group` (the group's `members`, or a membership resource). */
  membershipOf(member: Resource, group: Resource): Resource | undefined {
    return this.memberOf.get(member)?.get(group);
  }

  /** Members of an administrative unit (`members` and `azuread_administrative_unit_member`). */
  unitMembers(unit: Resource): Members {
    return this.units.get(unit) ?? { resources: [], unknown: false };
  }

  /** Groups a principal is a static member of. */
  groupsOf(principal: Resource): Resource[] {
    return [...(this.memberOf.get(principal)?.keys() ?? [])];
  }

  /** Groups a principal can become a member of through PIM for Groups (eligible or time-bound assigned). */
  scheduledGroupsOf(principal: Resource): Resource[] {
    return [...(this.eligibleFor.get(principal) ?? [])];
  }

  /**
   * Every role grant a principal holds: its own, and those of the groups it
   * belongs to, statically or through PIM for Groups (one level, as Entra
   * role-assignable groups cannot nest; Okta groups do not nest).
   */
  grantsHeldBy(principal: Resource): readonly RoleGrant[] {
    return this.held(principal);
  }

  /** Own grants, then those of each group; most principals hold grants through one source, whose list is shared rather than copied. */
  private collectHeld(principal: Resource): readonly RoleGrant[] {
    if (!this.heldByPrincipal) {
      this.heldByPrincipal = new Map();
      for (const g of this.ctx.grants) if (g.principal) addTo(this.heldByPrincipal, g.principal, g);
    }
    const byPrincipal = this.heldByPrincipal;
    let held = byPrincipal.get(principal) ?? NO_GRANTS;
    let ownCopy = false;
    for (const groups of [this.memberOf.get(principal)?.keys(), this.eligibleFor.get(principal)]) {
      for (const group of groups ?? []) {
        const grants = byPrincipal.get(group);
        if (!grants) continue;
        if (held.length === 0) {
          held = grants;
          continue;
        }
        if (!ownCopy) {
          held = [...held];
          ownCopy = true;
        }
        for (const grant of grants) if (!held.includes(grant)) held.push(grant);
      }
    }
    return held;
  }

  /**
   * Privileged: declared, or holding a privileged role (RULES.md's list) actively
   * or eligibly, directly or through a group. Break-glass accounts hold the top
   * role and so are privileged too; rules that exempt them ask {@link isBreakGlass}.
   */
  isPrivileged(r: Resource): boolean {
    return this.privileged(r);
  }

  private decidePrivileged(r: Resource): boolean {
    if (this.isDeclared('privileged', r)) return true;
    if (!this.isUser(r) && !this.isGroup(r)) return false;
    return this.grantsHeldBy(r).some((g) => g.role.privileged);
  }

  /** Operator: declared, or holding reset authority without being privileged tier. Non-human identities are RG-22's. */
  isOperator(r: Resource): boolean {
    return this.operator(r);
  }

  private decideOperator(r: Resource): boolean {
    if (this.isDeclared('operators', r)) return true;
    if (this.isNonHuman(r) || (!this.isUser(r) && !this.isGroup(r))) return false;
    return !this.isPrivileged(r) && this.grantsHeldBy(r).some((g) => g.role.resetAuthority);
  }

  /** Vendor: declared; an Entra guest; or a user or group named like a third party (or an Okta `user_type` that says so). */
  isVendor(r: Resource): boolean {
    return this.vendor(r);
  }

  private decideVendor(r: Resource): boolean {
    if (this.isDeclared('vendors', r)) return true;
    if (r.type === GUEST_TYPE) return true;
    if (!this.isUser(r) && !this.isGroup(r)) return false;
    return this.hasNameMatching(r, VENDOR_NAME) || anyMatches(r.values.user_type, VENDOR_NAME);
  }

  /** The class a principal falls in for messages, most significant first. */
  classOf(r: Resource): PrincipalClass | undefined {
    if (this.isBreakGlass(r)) return 'breakGlass';
    if (this.isVendor(r)) return 'vendors';
    if (this.isPrivileged(r)) return 'privileged';
    if (this.isOperator(r)) return 'operators';
    return undefined;
  }

  /** PIM for Groups schedules (membership only) that target a group. */
  schedulesFor(group: Resource): GroupSchedule[] {
    return this.schedules.get(group) ?? [];
  }

  isBreakGlass(r: Resource): boolean {
    const cached = this.breakGlassCache.get(r);
    if (cached !== undefined) return cached;
    this.breakGlassCache.set(r, false); // guards cycles of nested groups
    const result = this.decideBreakGlass(r);
    this.breakGlassCache.set(r, result);
    return result;
  }

  private decideBreakGlass(r: Resource): boolean {
    if (this.isDeclared('breakGlass', r)) return true;
    if (!this.isUser(r) && !this.isGroup(r)) return false;
    if (this.hasNameMatching(r, BREAK_GLASS_NAME)) return true;
    if (!this.isGroup(r)) return false;
    const m = this.members(r);
    return !m.unknown && m.resources.length > 0 && m.resources.every((x) => this.isBreakGlass(x));
  }

  /** Break-glass user accounts of the stack, or of one provider. */
  breakGlassAccounts(provider?: Provider): Resource[] {
    const accounts = (this.accounts ??= this.ctx
      .resourcesOf('okta_user', 'azuread_user')
      .filter((u) => this.isBreakGlass(u)));
    return provider === undefined ? accounts : accounts.filter((a) => a.type === USER_TYPE_OF[provider]);
  }
}
