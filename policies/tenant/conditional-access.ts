/**
 * Entra conditional access policies and authentication strengths, read once
 * into the questions rules ask: whom a policy covers, whom it leaves out, and
 * what it demands. Unknown parts stay unknown (`undefined`), never "no".
 */
import { entraRoleById, entraRoleByName } from '../facts/entra-roles';
import type { Resource } from '../model/resource';
import { Unknown, Value, elements, hasUnknownElement, isObject, literalStrings, valueAt } from '../model/value';
import type { RuleContext } from './context';

/** The built-in phishing-resistant strength (RULES.md, RG-06). */
export const PHISHING_RESISTANT_STRENGTH = '00000000-0000-0000-0000-000000000004';
export const PHISHING_RESISTANT_COMBINATIONS: ReadonlySet<string> = new Set([
  'fido2',
  'windowsHelloForBusiness',
  'x509CertificateMultiFactor',
]);
export const REGISTER_SECURITY_INFO = 'urn:user:registersecurityinfo';

export type PolicyState = 'enabled' | 'report-only' | 'disabled' | 'unknown';

export interface AccessPolicy {
  readonly resource: Resource;
  readonly state: PolicyState;
  /** `included_users` contains "All"; undefined when the list is not known. */
  readonly allUsers: boolean | undefined;
  /** `included_applications` contains "All"; undefined when not known. */
  readonly allApplications: boolean | undefined;
  readonly userActions: readonly string[];
  /** `included_user_actions` (or one of its entries) is not known: it may name any action. */
  readonly userActionsUnknown: boolean;
  /** Resources (and external ids) each user-scoping list names. */
  readonly includedUsers: readonly Resource[];
  readonly includedGroups: readonly Resource[];
  readonly includedRoles: readonly string[];
  readonly excludedUsers: readonly Resource[];
  readonly excludedGroups: readonly Resource[];
  readonly excludedRoles: readonly string[];
  /** Excluded entries that match nothing in the configuration (ids managed elsewhere, "GuestsOrExternalUsers"). */
  readonly excludedExternal: readonly string[];
  /** Some scoping list holds an unknown entry. */
  readonly scopeUnknown: boolean;
  /**
   * Conditions that narrow which sign-ins the policy applies to (client app
   * types other than all, locations, risk levels, a device filter,
   * platforms); empty when it applies to every sign-in of whom it covers,
   * undefined when a condition is not known.
   */
  readonly narrowing: readonly string[] | undefined;
  readonly grant: Grant;
}

export interface Grant {
  readonly block: boolean;
  readonly mfa: boolean;
  readonly compliantDevice: boolean;
  /** The strength's resource, or its id where it is built-in or external. */
  readonly strength: Resource | string | Unknown | undefined;
  /** Some control is not known. */
  readonly unknown: boolean;
}

const USERS = 'conditions.users';

export function readAccessPolicies(ctx: RuleContext): AccessPolicy[] {
  return ctx.resourcesOf('azuread_conditional_access_policy').map((policy) => readPolicy(ctx, policy));
}

/** One policy, read in a context (which may not hold it: review and drift read both sides of a change). */
export function readPolicy(ctx: RuleContext, policy: Resource): AccessPolicy {
  const v = policy.values;
  const state = v.state;
  const list = (path: string) => ctx.targets(policy, `${USERS}.${path}`);
  const included = { users: list('included_users'), groups: list('included_groups') };
  const excluded = { users: list('excluded_users'), groups: list('excluded_groups') };
  const includedRoles = valueAt(v, `${USERS}.included_roles`);
  const excludedRoles = valueAt(v, `${USERS}.excluded_roles`);
  return {
    resource: policy,
    state:
      state === 'enabled'
        ? 'enabled'
        : state === 'enabledForReportingButNotEnforced'
          ? 'report-only'
          : state === 'disabled'
            ? 'disabled'
            : 'unknown',
    allUsers: containsAll(valueAt(v, `${USERS}.included_users`)),
    allApplications: containsAll(valueAt(v, 'conditions.applications.included_applications')),
    userActions: literalStrings(valueAt(v, 'conditions.applications.included_user_actions')),
    userActionsUnknown: hasUnknownElement(valueAt(v, 'conditions.applications.included_user_actions')),
    includedUsers: included.users.resources,
    includedGroups: included.groups.resources,
    includedRoles: roleTemplateIds(ctx, policy, `${USERS}.included_roles`),
    excludedUsers: excluded.users.resources,
    excludedGroups: excluded.groups.resources,
    excludedRoles: roleTemplateIds(ctx, policy, `${USERS}.excluded_roles`),
    excludedExternal: [...excluded.users.external, ...excluded.groups.external].filter((e) => e !== 'None'),
    scopeUnknown:
      [included.users, included.groups, excluded.users, excluded.groups].some((t) => t.unknown) ||
      includedRoles instanceof Unknown ||
      excludedRoles instanceof Unknown,
    grant: readGrant(ctx, policy),
    narrowing: narrowingOf(v as Value),
  };
}

/** What narrows a policy to some sign-ins only (RULES.md RG-06). */
function narrowingOf(v: Value | undefined): string[] | undefined {
  if (!isObject(v)) return undefined;
  const at = (path: string) => valueAt(v, `conditions.${path}`);
  const parts = [
    at('client_app_types'),
    at('locations.included_locations'),
    at('locations.excluded_locations'),
    at('sign_in_risk_levels'),
    at('user_risk_levels'),
    at('devices.filter.rule'),
    at('platforms.included_platforms'),
    at('platforms.excluded_platforms'),
  ];
  if (parts.some(hasUnknownElement)) return undefined;
  const out: string[] = [];
  const apps = literalStrings(parts[0]);
  if (apps.length > 0 && !apps.includes('all')) out.push(`client apps ${apps.join(', ')}`);
  const included = literalStrings(parts[1]);
  if (included.length > 0 && !included.includes('All')) out.push(`locations ${included.join(', ')}`);
  if (literalStrings(parts[2]).length > 0) out.push(`locations other than ${literalStrings(parts[2]).join(', ')}`);
  if (literalStrings(parts[3]).length > 0) out.push(`sign-in risk ${literalStrings(parts[3]).join(', ')}`);
  if (literalStrings(parts[4]).length > 0) out.push(`user risk ${literalStrings(parts[4]).join(', ')}`);
  if (literalStrings(parts[5]).length > 0) out.push('devices matching a filter');
  const platforms = literalStrings(parts[6]);
  if ((platforms.length > 0 && !platforms.includes('all')) || literalStrings(parts[7]).length > 0)
    out.push('some platforms');
  return out;
}

/** Role template ids: literal, or read from the `azuread_directory_role` a reference names. */
function roleTemplateIds(ctx: RuleContext, policy: Resource, path: string): string[] {
  const ids = literalStrings(valueAt(policy.values, path)).map((id) => entraRoleById(id)?.templateId ?? id);
  for (const role of ctx.targets(policy, path).resources) {
    const { template_id: templateId, display_name: displayName } = role.values;
    const known =
      (typeof templateId === 'string' && entraRoleById(templateId)) ||
      (typeof displayName === 'string' && entraRoleByName(displayName));
    if (known) ids.push(known.templateId);
  }
  return [...new Set(ids)];
}

function containsAll(v: Value | undefined): boolean | undefined {
  if (v instanceof Unknown) return undefined;
  const list = elements(v);
  if (list.some((e) => e === 'All')) return true;
  return list.some((e) => e instanceof Unknown && !namesPrincipals(e)) ? undefined : false;
}

const PRINCIPAL =
  /^(module\.[^.]+(\[[^\]]*\])?\.)*(data\.)?(azuread_user|azuread_group|azuread_service_principal|okta_user|okta_group)\./;

/** An element read from users or groups (`[for u in azuread_user.bg : u.object_id]`) is an id, never the keyword "All". */
function namesPrincipals(e: Unknown): boolean {
  return e.references.length > 0 && e.references.every((r) => PRINCIPAL.test(r.address));
}

function readGrant(ctx: RuleContext, policy: Resource): Grant {
  const controls = valueAt(policy.values, 'grant_controls.built_in_controls');
  const strengthId = valueAt(policy.values, 'grant_controls.authentication_strength_policy_id');
  const list = elements(controls);
  let strength: Grant['strength'];
  if (typeof strengthId === 'string' && strengthId !== '')
    strength = ctx.target(policy, 'grant_controls.authentication_strength_policy_id') ?? strengthId;
  else if (strengthId instanceof Unknown)
    strength = ctx.target(policy, 'grant_controls.authentication_strength_policy_id') ?? strengthId;
  return {
    block: list.includes('block'),
    mfa: list.includes('mfa'),
    compliantDevice: list.includes('compliantDevice'),
    strength,
    unknown: controls instanceof Unknown || list.some((c) => c instanceof Unknown),
  };
}

/** Requires a second factor: `mfa` or any strength. Undefined when that is not known. */
export function requiresMfa(p: AccessPolicy): boolean | undefined {
  // A strength id that names no resource and is not known may yet be null: not a second factor until known.
  if (p.grant.mfa || (p.grant.strength !== undefined && !(p.grant.strength instanceof Unknown))) return true;
  return p.grant.unknown || p.grant.strength instanceof Unknown ? undefined : false;
}

/**
 * Whether a strength allows only phishing-resistant combinations: the built-in
 * strength by id (bare or as `/policies/authenticationStrengthPolicies/<id>`),
 * or an `azuread_authentication_strength_policy` whose combinations are all
 * phishing-resistant. Undefined when not known.
 */
export function isPhishingResistant(strength: Grant['strength']): boolean | undefined {
  if (strength === undefined) return false;
  if (strength instanceof Unknown) return undefined;
  if (typeof strength === 'string') {
    if (strength.endsWith(PHISHING_RESISTANT_STRENGTH)) return true;
    // Other built-in strengths (…001 MFA, …002 passwordless, …003) allow weaker methods; an external custom id cannot be seen.
    return /0{8}-0{4}-0{4}-0{4}-0{11}[0-9]$/.test(strength) ? false : undefined;
  }
  if (strength.type !== 'azuread_authentication_strength_policy') return undefined;
  const combinations = strength.values.allowed_combinations;
  if (combinations instanceof Unknown || elements(combinations).some((c) => c instanceof Unknown)) return undefined;
  const list = literalStrings(combinations);
  return list.length > 0 && list.every((c) => PHISHING_RESISTANT_COMBINATIONS.has(c));
}

/** The combinations a strength allows, where it is a resource of this configuration. */
export function strengthCombinations(strength: Grant['strength']): string[] {
  return typeof strength === 'object' && !(strength instanceof Unknown)
    ? literalStrings(strength.values.allowed_combinations)
    : [];
}

/** Does the policy exclude this principal, directly or through an excluded group it belongs to? */
export function excludes(ctx: RuleContext, p: AccessPolicy, principal: Resource): boolean {
  if (p.excludedUsers.includes(principal) || p.excludedGroups.includes(principal)) return true;
  return ctx.principals.groupsOf(principal).some((g) => p.excludedGroups.includes(g));
}

/** Does the policy include this user: all users, by name, or through an included group? */
export function includes(ctx: RuleContext, p: AccessPolicy, user: Resource): boolean {
  if (p.allUsers) return true;
  if (p.includedUsers.includes(user)) return true;
  return ctx.principals.groupsOf(user).some((g) => p.includedGroups.includes(g));
}

/** Excluded users and groups that are not break-glass: each one is a standing bypass. */
export function nonBreakGlassExclusions(ctx: RuleContext, p: AccessPolicy): string[] {
  const principals = [...p.excludedUsers, ...p.excludedGroups]
    .filter((r) => !ctx.principals.isBreakGlass(r))
    .map((r) => r.address);
  return [
    ...principals,
    ...ctx.principals.undeclaredIds(p.excludedExternal),
    ...p.excludedRoles.map((r) => `role ${entraRoleById(r)?.displayName ?? r}`),
  ];
}
