/**
 * The weakenings a rule owns. `review` (base against head) and `drift` (code
 * against what is live) ask every rule's detectors about each changed
 * resource; a detector says which changes weaken its control, naming the
 * attribute, the values on both sides and why it matters. A weakening is
 * reported even where the head still passes the rule: an exclusion "for just
 * one user" is worth a reviewer's eyes.
 */
import type { WeakeningKind } from '../facts/weakening-kinds';
import type { Resource } from '../model/resource';
import {
  Unknown,
  type Value,
  type ValueObject,
  describeValue,
  elements,
  isObject,
  literalStrings,
  valueAt,
} from '../model/value';
import { isPhishingResistant, readPolicy } from '../tenant/conditional-access';
import type { RuleContext } from '../tenant/context';
import { graphRequestBody } from '../tenant/msgraph';
import { requiresPhishingResistant } from '../tenant/okta-signon';
import type { RuleId } from './rule';

export interface Weakening {
  readonly kind: WeakeningKind;
  /** The rule whose control the change erodes. */
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

/** What a detector reports; the rule that declares it and the resource are filled in. */
export type WeakeningReport = Omit<Weakening, 'resource' | 'ruleId'>;

export interface WeakeningDetector {
  /** The resource types whose changes it reads: their names, or a pattern. */
  readonly types: readonly string[] | RegExp;
  readonly detect: (pair: ResourcePair, report: (w: WeakeningReport) => void) => void;
}

/** An attribute of one side, when that side exists. */
export const valueOn = (r: Resource | undefined, path: string): Value | undefined =>
  r ? valueAt(r.values, path) : undefined;

/** A value as a change shows it. */
export const shown = (v: Value | undefined): string => describeValue(v);

/** Elements of a list on the after side that the before side lacks (literals, or reference sources). */
export function addedElements(before: Value | undefined, after: Value | undefined): string[] {
  const key = (v: Value) =>
    v instanceof Unknown ? v.references.map((r) => r.address).join(',') || String(v) : JSON.stringify(v);
  const had = new Set(elements(before).map(key));
  return elements(after)
    .filter((v) => !had.has(key(v)))
    .map((v) => (v instanceof Unknown ? (v.references[0]?.address ?? String(v)) : describeValue(v)));
}

/** The role grants an assignment makes, on one side. */
export function grantsOf(ctx: RuleContext, assignment: Resource | undefined) {
  return assignment ? ctx.grantsOf(assignment) : [];
}

/** Resources that grant an admin role: the changes RG-01 (scope), RG-03 (new privilege) and RG-20 (vendors) read. */
export const ROLE_GRANT_TYPES: readonly string[] = [
  'okta_group_role',
  'okta_user_admin_roles',
  'okta_admin_role_custom_assignments',
  'azuread_directory_role_member',
  'azuread_directory_role_assignment',
  'azuread_directory_role_eligibility_schedule_request',
];

/** Who may approve a group's activation, added in a change to its role management policy; and whether they are its operators. */
export function approversAdded({
  before,
  after,
  head,
}: ResourcePair): { path: string; added: string[]; toOperators: boolean } | undefined {
  if (!before || !after) return undefined;
  const path = 'activation_rules.approval_stage.primary_approver.object_id';
  const added = addedElements(valueOn(before, path), valueOn(after, path));
  if (added.length === 0) return undefined;
  const group = head.target(after, 'group_id');
  const eligible = group
    ? head.principals
        .schedulesFor(group)
        .flatMap((s) =>
          s.principal ? [s.principal.address, ...head.principals.groupsOf(s.principal).map((g) => g.address)] : [],
        )
    : [];
  return { path, added, toOperators: added.some((a) => a === group?.address || eligible.includes(a)) };
}

/**
 * A conditional access policy or Okta sign-on rule that asks less of the
 * people it covers, or covers fewer of them: RG-06's when it is about the
 * privileged tier (a policy for roles, a rule that asked for a
 * phishing-resistant factor), RG-07's otherwise.
 */
export function signInWeakened(
  pair: ResourcePair,
  report: (w: WeakeningReport) => void,
  tier: 'privileged' | 'everyone',
): void {
  if (
    pair.before?.type === 'azuread_conditional_access_policy' ||
    pair.after?.type === 'azuread_conditional_access_policy'
  )
    accessPolicyWeakened(pair, report, tier);
  else signOnRuleWeakened(pair, report, tier);
}

function accessPolicyWeakened(
  { before, after, base, head }: ResourcePair,
  report: (w: WeakeningReport) => void,
  tier: 'privileged' | 'everyone',
): void {
  if (!before || !after) return;
  const b = readPolicy(base, before);
  const a = readPolicy(head, after);
  if (!a || !b || a.includedRoles.length > 0 !== (tier === 'privileged')) return;
  if (b.grant.mfa && !a.grant.mfa && a.grant.strength === undefined)
    report({
      kind: 'W-STRENGTH',
      ...sidesOf({ before, after }, 'grant_controls.built_in_controls'),
      message: 'mfa is no longer required',
    });
  const strengthPath = 'grant_controls.authentication_strength_policy_id';
  if (isPhishingResistant(b.grant.strength) === true && isPhishingResistant(a.grant.strength) !== true)
    report({
      kind: 'W-STRENGTH',
      ...sidesOf({ before, after }, strengthPath),
      message: 'phishing-resistant authentication is no longer required',
    });
  // Taking a role, group or user out of an enforcing policy leaves it as uncovered as excluding it would.
  if (b.state !== 'enabled' || !(b.grant.mfa || b.grant.strength !== undefined) || a.allUsers === true) return;
  for (const path of ['included_users', 'included_groups', 'included_roles'])
    reportRemoved(
      { before, after },
      report,
      'W-EXCLUSION',
      `conditions.users.${path}`,
      (removed) => `no longer covered by the policy: ${removed.join(', ')}`,
    );
}

function signOnRuleWeakened(
  { before, after }: ResourcePair,
  report: (w: WeakeningReport) => void,
  tier: 'privileged' | 'everyone',
): void {
  if (!before || !after) return;
  const strong = (r: Resource) => requiresPhishingResistant(valueOn(r, 'constraints')) === true;
  if (tier === 'everyone') {
    const mode = (r: Resource) =>
      r.type === 'okta_policy_rule_signon'
        ? valueOn(r, 'mfa_required') === true
          ? '2FA'
          : '1FA'
        : (valueOn(r, 'factor_mode') ?? '2FA');
    if (mode(before) === '2FA' && mode(after) === '1FA')
      report({
        kind: 'W-STRENGTH',
        attribute: after.type === 'okta_policy_rule_signon' ? 'mfa_required' : 'factor_mode',
        before: '2FA',
        after: '1FA',
        message: 'one factor is enough to sign in',
      });
  } else if (strong(before) && !strong(after)) {
    report({
      kind: 'W-STRENGTH',
      ...sidesOf({ before, after }, 'constraints'),
      message: 'the phishing-resistant constraint is removed',
    });
  }
  if (strong(before) !== (tier === 'privileged')) return;
  // An emptied list makes the rule apply to everyone: wider, not narrower.
  for (const path of ['users_included', 'groups_included'])
    if (elements(valueOn(after, path)).length > 0)
      reportRemoved(
        { before, after },
        report,
        'W-EXCLUSION',
        path,
        (removed) => `no longer covered by the rule: ${removed.join(', ')}`,
      );
}

/** Okta event hooks and Azure Monitor alerts: what RG-15 (sign-ins, break-glass monitoring) and RG-17 (recovery events) watch. */
export const ALERTING_TYPES: readonly string[] = [
  'okta_event_hook',
  'azurerm_monitor_scheduled_query_rules_alert_v2',
  'azurerm_monitor_scheduled_query_rules_alert',
];

/**
 * An event hook that stops sending events, or an alert switched off or
 * removed, when what is lost watches `watched`: sign-ins (break-glass
 * monitoring, RG-15) or recovery operations (RG-17).
 */
export function alertingDropped(
  { before, after }: ResourcePair,
  watched: 'sign-ins' | 'recovery operations',
): WeakeningReport | undefined {
  if (!before) return undefined;
  if (before.type === 'okta_event_hook') {
    const events = (r: Resource | undefined) => literalStrings(valueOn(r, 'events'));
    const active = (r: Resource | undefined) => r !== undefined && (valueOn(r, 'status') ?? 'ACTIVE') === 'ACTIVE';
    const dropped =
      active(before) && !active(after) ? events(before) : events(before).filter((e) => !events(after).includes(e));
    if (dropped.length === 0) return undefined;
    const signIns = dropped.includes('user.session.start');
    if (signIns !== (watched === 'sign-ins')) return undefined;
    return {
      kind: signIns ? 'W-BREAKGLASS' : 'W-LOGGING',
      attribute: 'events',
      before: shown(valueOn(before, 'events')),
      after: after ? shown(valueOn(after, 'events')) : 'removed',
      message: `no longer alerted: ${dropped.join(', ')}`,
    };
  }
  const wasOn = (valueOn(before, 'enabled') ?? true) === true;
  if (!wasOn || (after && (valueOn(after, 'enabled') ?? true) === true)) return undefined;
  const signIns = /signinlogs/i.test(
    String(valueOn(before, before.type.endsWith('_v2') ? 'criteria.query' : 'query') ?? ''),
  );
  if (signIns !== (watched === 'sign-ins')) return undefined;
  return {
    kind: signIns ? 'W-BREAKGLASS' : 'W-LOGGING',
    attribute: 'enabled',
    before: 'true',
    after: after ? 'false' : 'removed',
    message: signIns ? 'the sign-in alert (break-glass monitoring) is gone' : 'an alert on recovery operations is gone',
  };
}

/** The body of an `msgraph_update_resource` request on one side, as an object ({} when it is not one). */
export function requestBodyOn(r: Resource): ValueObject {
  const body = graphRequestBody(r.values.body);
  return isObject(body) ? body : {};
}

/** PIM for Groups schedules: a vendor's way into a role-holding group (RG-20) and how long it lasts (RG-21). */
export const PIM_SCHEDULE_TYPES: readonly string[] = [
  'azuread_privileged_access_group_eligibility_schedule',
  'azuread_privileged_access_group_assignment_schedule',
];

type Sides = Pick<ResourcePair, 'before' | 'after'>;

/** A list attribute that gained elements between two existing sides: one weakening, its message made from what was added. */
export function reportAdded(
  sides: Sides,
  report: (w: WeakeningReport) => void,
  kind: WeakeningKind,
  attribute: string,
  message: (added: readonly string[]) => string,
): void {
  reportListChange(sides, report, kind, attribute, 'added', message);
}

/** A list attribute that lost elements between two existing sides: the mirror of {@link reportAdded}. */
export function reportRemoved(
  sides: Sides,
  report: (w: WeakeningReport) => void,
  kind: WeakeningKind,
  attribute: string,
  message: (removed: readonly string[]) => string,
): void {
  reportListChange(sides, report, kind, attribute, 'removed', message);
}

function reportListChange(
  sides: Sides,
  report: (w: WeakeningReport) => void,
  kind: WeakeningKind,
  attribute: string,
  change: 'added' | 'removed',
  message: (elements: readonly string[]) => string,
): void {
  const { before, after } = sides;
  if (!before || !after) return;
  const [from, to] = change === 'added' ? [before, after] : [after, before];
  const changed = addedElements(valueOn(from, attribute), valueOn(to, attribute));
  if (changed.length > 0) report({ kind, ...sidesOf(sides, attribute), message: message(changed) });
}

/** An attribute and its value on both sides, as a weakening shows them. */
export function sidesOf({ before, after }: Sides, attribute: string) {
  return { attribute, before: shown(valueOn(before, attribute)), after: shown(valueOn(after, attribute)) };
}
