/**
 * Classifies one resource's change (before → after, either may be absent) into
 * the weakening kinds of RULES.md, each naming the attribute, the values on
 * both sides and the rule the change erodes. A weakening is reported even where
 * the head still passes every rule: an exclusion "for just one user" is worth a
 * reviewer's eyes.
 */
import { isPhishingResistant, readPolicy } from '../tenant/conditional-access';
import type { RuleContext } from '../tenant/context';
import { durationHours } from '../model/time';
import { TAP_URL, WEAK_METHOD_URL } from '../tenant/msgraph';
import { OKTA_STATUS_TYPES, requiresPhishingResistant } from '../tenant/okta-signon';
import { parseTime } from '../model/time';
import type { RuleId } from '../engine/rule';
import { graphResetPermissionOf } from '../tenant/applications';
import { OKTA_RESET_SCOPES } from '../facts/okta-roles';
import type { Resource } from '../model/resource';
import { Unknown, Value, describeValue, elements, isObject, literalStrings, valueAt } from '../model/value';
import type { WeakeningKind } from './weakening-kinds';
import { errorMessage } from '../errors';

export interface Weakening {
  readonly kind: WeakeningKind;
  readonly ruleId: RuleId;
  /** The resource that changed (its head address, or its base address when removed). */
  readonly resource: string;
  readonly attribute: string;
  readonly before: string;
  readonly after: string;
  /** One sentence: what changed and why it matters. */
  readonly message: string;
}

/** Both sides of one resource, each with the context it lives in. */
export interface ResourcePair {
  readonly before?: Resource;
  readonly after?: Resource;
  readonly base: RuleContext;
  readonly head: RuleContext;
}

type Detector = (pair: ResourcePair, report: (w: Omit<Weakening, 'resource'>) => void) => void;

const OKTA_ROLE_RANK = new Map(Object.entries({ HELP_DESK_ADMIN: 1, USER_ADMIN: 2, GROUP_MEMBERSHIP_ADMIN: 2, APP_ADMIN: 3, API_ADMIN: 3, API_ACCESS_MANAGEMENT_ADMIN: 3, ORG_ADMIN: 4, SUPER_ADMIN: 5 }));
const IDP_TYPES = /^okta_(idp_|policy_rule_idp_discovery$)/;

/** Elements of a list on the after side that the before side lacks (literals, or reference sources). */
function addedElements(before: Value | undefined, after: Value | undefined): string[] {
  const key = (v: Value) => (v instanceof Unknown ? (v.references.map((r) => r.address).join(',') || String(v)) : JSON.stringify(v));
  const had = new Set(elements(before).map(key));
  return elements(after).filter((v) => !had.has(key(v))).map((v) => (v instanceof Unknown ? (v.references[0]?.address ?? String(v)) : describeValue(v)));
}

const at = (r: Resource | undefined, path: string): Value | undefined => (r ? valueAt(r.values, path) : undefined);
const show = (v: Value | undefined) => describeValue(v);

function grantsOf(ctx: RuleContext, assignment: Resource | undefined) {
  return assignment ? ctx.grantsOf(assignment) : [];
}

// A Map, not an object: a resource type named `__proto__` or `constructor` finds no detector.
const detectors = new Map<string, Detector>();
const on = (types: string[], detector: Detector) => types.forEach((t) => detectors.set(t, detector));

// ------------------------------------------------------------ W-SCOPE, W-PRIVILEGE, W-VENDOR (grants)

function grantChanges(pair: ResourcePair, report: Parameters<Detector>[1], scopeAttribute: string): void {
  const { before, after, head } = pair;
  if (!after) return;
  const grants = grantsOf(head, after);
  if (!before) {
    for (const g of grants) {
      const principal = g.principal?.address ?? 'an unknown principal';
      if (g.principal && head.principals.isVendor(g.principal)) report({ kind: 'W-VENDOR', ruleId: 'RG-20', attribute: 'role', before: 'none', after: g.role.name, message: `vendor ${principal} is given ${g.role.name}` });
      else if (g.role.privileged || g.role.resetAuthority) report({ kind: 'W-PRIVILEGE', ruleId: 'RG-03', attribute: 'role', before: 'none', after: g.role.name, message: `${principal} is newly granted ${g.role.name}` });
    }
    return;
  }
  // A list of targets widens when it gains a target, or when it loses all of them (then it is the whole org).
  if (scopeAttribute !== 'directory_scope_id') {
    const added = addedElements(at(before, scopeAttribute), at(after, scopeAttribute));
    const emptied = elements(at(before, scopeAttribute)).length > 0 && elements(at(after, scopeAttribute)).length === 0;
    if (added.length > 0 || emptied) {
      report({ kind: 'W-SCOPE', ruleId: 'RG-01', attribute: scopeAttribute, before: show(at(before, scopeAttribute)), after: show(at(after, scopeAttribute)), message: emptied ? 'every target is removed: reset authority now reaches the whole org' : `reset authority now also reaches ${added.join(', ')}` });
    }
  }
  const wasScoped = (v: Value | undefined) => (typeof v === 'string' && v.startsWith('/administrativeUnits/')) || v instanceof Unknown;
  if (scopeAttribute === 'directory_scope_id' && wasScoped(at(before, scopeAttribute)) && !wasScoped(at(after, scopeAttribute))) {
    report({ kind: 'W-SCOPE', ruleId: 'RG-01', attribute: scopeAttribute, before: show(at(before, scopeAttribute)), after: show(at(after, scopeAttribute)), message: 'reset authority moved from an administrative unit to the whole tenant' });
  }
  const beforeRoles = grantsOf(pair.base, before).map((g) => g.role);
  for (const g of grants) {
    const was = beforeRoles.find((r) => r.name === g.role.name);
    if (was) continue;
    const upgraded = beforeRoles.some((r) => (OKTA_ROLE_RANK.get(g.role.name) ?? 0) > (OKTA_ROLE_RANK.get(r.name) ?? 0)) || (g.role.privileged && !beforeRoles.some((r) => r.privileged));
    if (upgraded || beforeRoles.length > 0) {
      report({ kind: 'W-SCOPE', ruleId: 'RG-01', attribute: 'role', before: beforeRoles.map((r) => r.name).join(', ') || 'none', after: g.role.name, message: `the role is changed to ${g.role.name}` });
    }
  }
}

on(['okta_group_role'], (pair, report) => {
  grantChanges(pair, report, 'target_group_list');
  if (pair.before && pair.after && at(pair.before, 'resource_set_id') !== undefined && at(pair.after, 'resource_set_id') === undefined && at(pair.after, 'target_group_list') === undefined) {
    report({ kind: 'W-SCOPE', ruleId: 'RG-01', attribute: 'resource_set_id', before: show(at(pair.before, 'resource_set_id')), after: 'unset', message: 'the resource set that limited the role is removed' });
  }
});
on(['okta_user_admin_roles', 'okta_admin_role_custom_assignments', 'azuread_directory_role_member'], (pair, report) => grantChanges(pair, report, 'members'));
on(['azuread_directory_role_assignment', 'azuread_directory_role_eligibility_schedule_request'], (pair, report) => grantChanges(pair, report, 'directory_scope_id'));

on(['okta_admin_role_custom'], ({ before, after }, report) => {
  const added = addedElements(at(before, 'permissions'), at(after, 'permissions'));
  if (before && after && added.length > 0) report({ kind: 'W-SCOPE', ruleId: 'RG-01', attribute: 'permissions', before: show(at(before, 'permissions')), after: show(at(after, 'permissions')), message: `permissions added to a custom admin role: ${added.join(', ')}` });
});
on(['okta_resource_set'], ({ before, after }, report) => {
  for (const attribute of ['resources', 'resources_orn']) {
    const added = addedElements(at(before, attribute), at(after, attribute));
    if (before && after && added.length > 0) report({ kind: 'W-SCOPE', ruleId: 'RG-01', attribute, before: show(at(before, attribute)), after: show(at(after, attribute)), message: `the resource set now also covers ${added.join(', ')}` });
  }
});

// Members added to a group that holds a privileged role: a new privileged assignment in all but name.
on(['azuread_group', 'okta_group_memberships', 'azuread_group_member'], ({ before, after, head }, report) => {
  if (!after) return;
  const group = after.type === 'azuread_group' ? after : (head.target(after, after.type === 'azuread_group_member' ? 'group_object_id' : 'group_id') ?? undefined);
  if (!group || !head.principals.grantsHeldBy(group).some((g) => g.role.privileged)) return;
  const attribute = after.type === 'azuread_group' ? 'members' : after.type === 'azuread_group_member' ? 'member_object_id' : 'users';
  const added = addedElements(at(before, attribute), at(after, attribute));
  if (added.length > 0) report({ kind: 'W-PRIVILEGE', ruleId: 'RG-03', attribute, before: show(at(before, attribute)), after: show(at(after, attribute)), message: `new members of ${group.address}, which holds a privileged role: ${added.join(', ')}` });
});

// Non-human identities gaining reset authority: Graph permissions and Okta API scopes.
on(['azuread_app_role_assignment'], ({ before, after }, report) => {
  if (before || !after) return;
  const power = graphResetPermissionOf(after.values.app_role_id);
  if (power) report({ kind: 'W-PRIVILEGE', ruleId: 'RG-22', attribute: 'app_role_id', before: 'none', after: power, message: `an application is granted ${power}, reset authority without a person` });
});
on(['okta_app_oauth_api_scope'], ({ before, after }, report) => {
  const added = addedElements(at(before, 'scopes'), at(after, 'scopes')).filter((s) => OKTA_RESET_SCOPES.some((scope) => s === JSON.stringify(scope)));
  if (after && added.length > 0) report({ kind: 'W-PRIVILEGE', ruleId: 'RG-22', attribute: 'scopes', before: show(at(before, 'scopes')), after: show(at(after, 'scopes')), message: `an OAuth app is granted ${added.join(', ')}` });
});

// ------------------------------------------------------------ W-APPROVAL

on(['azuread_group_role_management_policy'], ({ before, after, head }, report) => {
  if (before && !after) {
    report({ kind: 'W-APPROVAL', ruleId: 'RG-04', attribute: 'activation_rules', before: 'managed', after: 'removed', message: 'the activation policy is removed: Microsoft\'s defaults need no approval and no ticket' });
    return;
  }
  if (!before || !after) return;
  for (const flag of ['require_approval', 'require_justification', 'require_ticket_info', 'require_multifactor_authentication']) {
    const b = at(before, `activation_rules.${flag}`);
    const a = at(after, `activation_rules.${flag}`);
    if (b === true && a !== true) report({ kind: 'W-APPROVAL', ruleId: 'RG-04', attribute: `activation_rules.${flag}`, before: show(b), after: show(a), message: `${flag.replace(/_/g, ' ')} is no longer required to activate` });
  }
  const path = 'activation_rules.approval_stage.primary_approver.object_id';
  const added = addedElements(at(before, path), at(after, path));
  if (added.length > 0) {
    const group = head.target(after, 'group_id');
    const eligible = group ? head.principals.schedulesFor(group).flatMap((s) => (s.principal ? [s.principal.address, ...head.principals.groupsOf(s.principal).map((g) => g.address)] : [])) : [];
    const toOperators = added.some((a) => a === group?.address || eligible.includes(a));
    report({ kind: 'W-APPROVAL', ruleId: toOperators ? 'RG-05' : 'RG-04', attribute: path, before: show(at(before, path)), after: show(at(after, path)), message: toOperators ? `the approver is now one of the operators (${added.join(', ')})` : `the approver changed to ${added.join(', ')}` });
  }
  const hours = (v: Value | undefined) => (typeof v === 'string' ? durationHours(v) : undefined);
  const b = hours(at(before, 'activation_rules.maximum_duration'));
  const a = hours(at(after, 'activation_rules.maximum_duration'));
  if (b !== undefined && (a === undefined || a > b)) report({ kind: 'W-APPROVAL', ruleId: 'RG-04', attribute: 'activation_rules.maximum_duration', before: show(at(before, 'activation_rules.maximum_duration')), after: show(at(after, 'activation_rules.maximum_duration')), message: 'activations last longer' });
});

on(['azuread_access_package_assignment_policy'], ({ before, after, head }, report) => {
  if (!before || !after) return;
  const b = at(before, 'approval_settings.approval_required');
  const a = at(after, 'approval_settings.approval_required');
  if (b === true && a !== true) report({ kind: 'W-APPROVAL', ruleId: 'RG-05', attribute: 'approval_settings.approval_required', before: show(b), after: show(a), message: 'access is granted without approval' });
  const requestors = head.targets(after, 'requestor_settings.requestor.object_id').resources;
  const forVendors = requestors.some((r) => head.principals.isVendor(r)) || /External|ConnectedOrganization/.test(String(at(after, 'requestor_settings.scope_type') ?? ''));
  const days = (r: Resource) => at(r, 'duration_in_days');
  const longer = (typeof days(before) === 'number' && (typeof days(after) !== 'number' || (days(after) as number) > (days(before) as number))) || (at(before, 'expiration_date') !== undefined && at(after, 'expiration_date') === undefined);
  if (forVendors && longer) report({ kind: 'W-VENDOR', ruleId: 'RG-21', attribute: 'duration_in_days', before: show(days(before)), after: show(days(after)), message: 'vendor access lasts longer' });
});

// ------------------------------------------------------------ W-STRENGTH, W-EXCLUSION, W-ENFORCEMENT

on(['azuread_conditional_access_policy'], ({ before, after, base, head }, report) => {
  const policyOf = (ctx: RuleContext, r: Resource | undefined) => (r ? readPolicy(ctx, r) : undefined);
  const b = policyOf(base, before);
  const a = policyOf(head, after);
  if (b && !a) {
    if (b.state === 'enabled') report({ kind: 'W-ENFORCEMENT', ruleId: 'RG-23', attribute: 'state', before: 'enabled', after: 'removed', message: 'an enforced conditional access policy is removed' });
    return;
  }
  if (!a || !b || !before || !after) return;
  if (b.state === 'enabled' && a.state !== 'enabled') report({ kind: 'W-ENFORCEMENT', ruleId: 'RG-23', attribute: 'state', before: show(at(before, 'state')), after: show(at(after, 'state')), message: 'the policy no longer enforces anything' });
  const rule: RuleId = a.includedRoles.length > 0 ? 'RG-06' : 'RG-07';
  if (b.grant.mfa && !a.grant.mfa && a.grant.strength === undefined) report({ kind: 'W-STRENGTH', ruleId: rule, attribute: 'grant_controls.built_in_controls', before: show(at(before, 'grant_controls.built_in_controls')), after: show(at(after, 'grant_controls.built_in_controls')), message: 'mfa is no longer required' });
  const strengthPath = 'grant_controls.authentication_strength_policy_id';
  if (isPhishingResistant(b.grant.strength) === true && isPhishingResistant(a.grant.strength) !== true) report({ kind: 'W-STRENGTH', ruleId: rule, attribute: strengthPath, before: show(at(before, strengthPath)), after: show(at(after, strengthPath)), message: 'phishing-resistant authentication is no longer required' });
  for (const path of ['excluded_users', 'excluded_groups', 'excluded_roles']) {
    const full = `conditions.users.${path}`;
    const added = addedElements(at(before, full), at(after, full));
    if (added.length > 0) report({ kind: 'W-EXCLUSION', ruleId: 'RG-08', attribute: full, before: show(at(before, full)), after: show(at(after, full)), message: `excluded from the policy: ${added.join(', ')}` });
  }
  // Taking a role, group or user out of an enforcing policy leaves it as uncovered as excluding it would.
  if (b.state !== 'enabled' || !(b.grant.mfa || b.grant.strength !== undefined) || a.allUsers === true) return;
  for (const path of ['included_users', 'included_groups', 'included_roles']) {
    const full = `conditions.users.${path}`;
    const removed = addedElements(at(after, full), at(before, full));
    if (removed.length > 0) report({ kind: 'W-EXCLUSION', ruleId: rule, attribute: full, before: show(at(before, full)), after: show(at(after, full)), message: `no longer covered by the policy: ${removed.join(', ')}` });
  }
});

on(['azuread_authentication_strength_policy'], ({ before, after }, report) => {
  const added = addedElements(at(before, 'allowed_combinations'), at(after, 'allowed_combinations'));
  if (before && after && added.length > 0) report({ kind: 'W-STRENGTH', ruleId: 'RG-06', attribute: 'allowed_combinations', before: show(at(before, 'allowed_combinations')), after: show(at(after, 'allowed_combinations')), message: `weaker methods allowed: ${added.join(', ')}` });
});

on(['okta_app_signon_policy_rule', 'okta_policy_rule_signon'], ({ before, after }, report) => {
  if (!before || !after) return;
  const mode = (r: Resource) => (r.type === 'okta_policy_rule_signon' ? (at(r, 'mfa_required') === true ? '2FA' : '1FA') : (at(r, 'factor_mode') ?? '2FA'));
  if (mode(before) === '2FA' && mode(after) === '1FA') report({ kind: 'W-STRENGTH', ruleId: 'RG-07', attribute: after.type === 'okta_policy_rule_signon' ? 'mfa_required' : 'factor_mode', before: '2FA', after: '1FA', message: 'one factor is enough to sign in' });
  const strong = (r: Resource) => requiresPhishingResistant(at(r, 'constraints')) === true;
  if (strong(before) && !strong(after)) report({ kind: 'W-STRENGTH', ruleId: 'RG-06', attribute: 'constraints', before: show(at(before, 'constraints')), after: show(at(after, 'constraints')), message: 'the phishing-resistant constraint is removed' });
  for (const path of ['users_excluded', 'groups_excluded']) {
    const added = addedElements(at(before, path), at(after, path));
    if (added.length > 0) report({ kind: 'W-EXCLUSION', ruleId: 'RG-08', attribute: path, before: show(at(before, path)), after: show(at(after, path)), message: `excluded from the rule: ${added.join(', ')}` });
  }
  // An emptied list makes the rule apply to everyone: wider, not narrower.
  for (const path of ['users_included', 'groups_included']) {
    const removed = addedElements(at(after, path), at(before, path));
    if (removed.length > 0 && elements(at(after, path)).length > 0) report({ kind: 'W-EXCLUSION', ruleId: strong(before) ? 'RG-06' : 'RG-07', attribute: path, before: show(at(before, path)), after: show(at(after, path)), message: `no longer covered by the rule: ${removed.join(', ')}` });
  }
});

// Status of every Okta policy and rule (added after the type-specific detectors, see below).
const oktaStatus: Detector = ({ before, after }, report) => {
  if (!before) return;
  const wasActive = (at(before, 'status') ?? 'ACTIVE') === 'ACTIVE';
  if (wasActive && after && at(after, 'status') === 'INACTIVE') report({ kind: 'W-ENFORCEMENT', ruleId: 'RG-23', attribute: 'status', before: 'ACTIVE', after: 'INACTIVE', message: 'the policy or rule is switched off' });
  if (wasActive && !after && /^okta_(app_signon_policy_rule|policy_rule_signon)$/.test(before.type)) report({ kind: 'W-ENFORCEMENT', ruleId: 'RG-23', attribute: 'status', before: 'ACTIVE', after: 'removed', message: 'an active sign-on rule is removed' });
};

// ------------------------------------------------------------ W-RECOVERY

on(['okta_policy_password'], ({ before, after }, report) => {
  if (!before || !after) return;
  for (const [attr, fallback] of [['sms_recovery', 'INACTIVE'], ['call_recovery', 'INACTIVE'], ['question_recovery', 'ACTIVE']] as const) {
    const b = at(before, attr) ?? fallback;
    const a = at(after, attr) ?? fallback;
    if (b === 'INACTIVE' && a === 'ACTIVE') report({ kind: 'W-RECOVERY', ruleId: 'RG-11', attribute: attr, before: show(b), after: show(a), message: `${attr.replace('_recovery', '')} recovery is turned on` });
  }
});

on(['msgraph_update_resource'], ({ before, after }, report) => {
  if (!before || !after) return;
  const url = String(at(after, 'url') ?? '');
  const body = (r: Resource) => (isObject(r.values.body) ? r.values.body : typeof r.values.body === 'string' ? safeJson(r.values.body) : {});
  const b = body(before);
  const a = body(after);
  if (TAP_URL.test(url)) {
    if (b.isUsableOnce === true && a.isUsableOnce !== true) report({ kind: 'W-RECOVERY', ruleId: 'RG-10', attribute: 'body.isUsableOnce', before: show(b.isUsableOnce), after: show(a.isUsableOnce), message: 'Temporary Access Passes can be used more than once' });
    if (typeof b.maximumLifetimeInMinutes === 'number' && !(typeof a.maximumLifetimeInMinutes === 'number' && a.maximumLifetimeInMinutes <= b.maximumLifetimeInMinutes)) {
      report({ kind: 'W-RECOVERY', ruleId: 'RG-10', attribute: 'body.maximumLifetimeInMinutes', before: show(b.maximumLifetimeInMinutes), after: show(a.maximumLifetimeInMinutes), message: 'Temporary Access Passes live longer' });
    }
  }
  if (WEAK_METHOD_URL.test(url) && b.state !== 'enabled' && a.state === 'enabled') report({ kind: 'W-RECOVERY', ruleId: 'RG-11', attribute: 'body.state', before: show(b.state), after: show(a.state), message: `${/Sms/i.test(url) ? 'SMS' : 'voice'} is turned on` });
});

function safeJson(text: string): Record<string, Value> {
  try {
    const v = JSON.parse(text) as Value;
    return isObject(v) ? v : {};
  } catch {
    return {};
  }
}

// ------------------------------------------------------------ W-LOGGING, W-BREAKGLASS

on(['okta_log_stream'], ({ before, after }, report) => {
  if (!before) return;
  const wasActive = (at(before, 'status') ?? 'ACTIVE') === 'ACTIVE';
  if (wasActive && (!after || at(after, 'status') === 'INACTIVE')) report({ kind: 'W-LOGGING', ruleId: 'RG-16', attribute: 'status', before: 'ACTIVE', after: after ? 'INACTIVE' : 'removed', message: 'identity logs no longer leave the org' });
});

on(['okta_event_hook'], ({ before, after }, report) => {
  if (!before) return;
  const events = (r: Resource | undefined) => literalStrings(at(r, 'events'));
  const active = (r: Resource | undefined) => r !== undefined && (at(r, 'status') ?? 'ACTIVE') === 'ACTIVE';
  const dropped = active(before) && !active(after) ? events(before) : events(before).filter((e) => !events(after).includes(e));
  if (dropped.length === 0) return;
  const signIns = dropped.includes('user.session.start');
  report({ kind: signIns ? 'W-BREAKGLASS' : 'W-LOGGING', ruleId: signIns ? 'RG-15' : 'RG-17', attribute: 'events', before: show(at(before, 'events')), after: after ? show(at(after, 'events')) : 'removed', message: `no longer alerted: ${dropped.join(', ')}` });
});

on(['azurerm_monitor_aad_diagnostic_setting'], ({ before, after }, report) => {
  if (!before) return;
  const categories = (r: Resource | undefined) => (r ? elements(r.values.enabled_log).flatMap((b) => (isObject(b) && typeof b.category === 'string' ? [b.category] : [])) : []);
  const dropped = categories(before).filter((c) => !categories(after).includes(c));
  if (dropped.length > 0) report({ kind: 'W-LOGGING', ruleId: 'RG-16', attribute: 'enabled_log', before: categories(before).join(', '), after: after ? categories(after).join(', ') : 'removed', message: `log categories no longer exported: ${dropped.join(', ')}` });
});

on(['azurerm_monitor_scheduled_query_rules_alert_v2', 'azurerm_monitor_scheduled_query_rules_alert'], ({ before, after }, report) => {
  if (!before) return;
  const wasOn = (at(before, 'enabled') ?? true) === true;
  if (!wasOn || (after && (at(after, 'enabled') ?? true) === true)) return;
  const query = String(at(before, before.type.endsWith('_v2') ? 'criteria.query' : 'query') ?? '');
  const signIns = /signinlogs/i.test(query);
  report({ kind: signIns ? 'W-BREAKGLASS' : 'W-LOGGING', ruleId: signIns ? 'RG-15' : 'RG-17', attribute: 'enabled', before: 'true', after: after ? 'false' : 'removed', message: signIns ? 'the sign-in alert (break-glass monitoring) is gone' : 'an alert on recovery operations is gone' });
});

on(['okta_user', 'azuread_user'], ({ before, after, head }, report) => {
  if (!before && after && head.principals.isBreakGlass(after)) report({ kind: 'W-BREAKGLASS', ruleId: 'RG-12', attribute: 'account', before: 'none', after: after.address, message: 'a break-glass account is added' });
});

on(['terraform_data'], ({ before, after, head }, report) => {
  const attestation = (r: Resource | undefined) => (r && isObject(r.values.input) && isObject(r.values.input.recovery_gate_attestation) ? r.values.input.recovery_gate_attestation : undefined);
  const a = attestation(after);
  const b = attestation(before);
  if (!a || !b || a.control !== 'RG-13') return;
  const expires = parseTime(a.expires);
  const was = parseTime(b.expires);
  if (!expires || !was || expires <= was) return;
  const limit = head.config.thresholds.breakGlassExpiryDays;
  if (head.daysUntil(expires) > limit) report({ kind: 'W-BREAKGLASS', ruleId: 'RG-13', attribute: 'input.recovery_gate_attestation.expires', before: show(b.expires), after: show(a.expires), message: `the break-glass expiry is pushed beyond ${limit} days` });
});

// ------------------------------------------------------------ W-VENDOR

on(['azuread_privileged_access_group_eligibility_schedule', 'azuread_privileged_access_group_assignment_schedule'], ({ before, after, head }, report) => {
  if (!after) return;
  const principal = head.target(after, 'principal_id');
  if (!principal || !head.principals.isVendor(principal)) return;
  if (!before) {
    report({ kind: 'W-VENDOR', ruleId: 'RG-20', attribute: 'group_id', before: 'none', after: show(at(after, 'group_id')), message: `vendor ${principal.address} gains membership of a role-holding group` });
    return;
  }
  const permanent = at(before, 'permanent_assignment') !== true && at(after, 'permanent_assignment') === true;
  const endRemoved = (at(before, 'expiration_date') !== undefined || at(before, 'duration') !== undefined) && at(after, 'expiration_date') === undefined && at(after, 'duration') === undefined;
  const dur = (r: Resource) => (typeof at(r, 'duration') === 'string' ? durationHours(at(r, 'duration') as string) : undefined);
  const longer = (dur(before) ?? Infinity) < (dur(after) ?? -Infinity) || (typeof at(before, 'expiration_date') === 'string' && typeof at(after, 'expiration_date') === 'string' && String(at(after, 'expiration_date')) > String(at(before, 'expiration_date')));
  if (permanent || endRemoved || longer) {
    const attribute = permanent ? 'permanent_assignment' : at(after, 'duration') !== undefined || at(before, 'duration') !== undefined ? 'duration' : 'expiration_date';
    report({ kind: 'W-VENDOR', ruleId: 'RG-21', attribute, before: show(at(before, attribute)), after: show(at(after, attribute)), message: permanent || endRemoved ? `vendor ${principal.address}'s access no longer ends` : `vendor ${principal.address}'s access lasts longer` });
  }
});

// ------------------------------------------------------------ the classifier

/**
 * Every weakening in one resource's change. A detector that throws is guarded
 * as a rule is: `onError` hears of it (an engine error in the report), and the
 * other changes are still classified.
 */
export function weakeningsOf(pair: ResourcePair, onError: (message: string) => void = () => undefined): Weakening[] {
  const r = pair.after ?? pair.before;
  if (!r) return [];
  const out: Weakening[] = [];
  const report = (w: Omit<Weakening, 'resource'>) => out.push({ ...w, resource: r.address });
  try {
    detectors.get(r.type)?.(pair, report);
    if (OKTA_STATUS_TYPES.test(r.type)) oktaStatus(pair, report);
    if (IDP_TYPES.test(r.type) && !pair.before && pair.after) report({ kind: 'W-FEDERATION', ruleId: 'RG-07', attribute: 'resource', before: 'none', after: r.type, message: 'a new identity provider or routing rule: sign-ins it handles skip the org\'s own MFA' });
  } catch (e) {
    onError(`classifying the change to ${r.address} failed: ${errorMessage(e)}`);
  }
  return out;
}
