/**
 * Okta sign-on rules (app sign-on policy rules and global session policy
 * rules) read once into what rules ask of them, with the provider's defaults
 * applied to unset attributes.
 */
import type { Resource } from '../model/resource';
import { Unknown, Value, elements } from '../model/value';
import type { RuleContext, Targets } from './context';

export interface OktaSignOnRule {
  readonly resource: Resource;
  readonly kind: 'app' | 'session';
  /** `status` (default ACTIVE) is ACTIVE; undefined when unknown. */
  readonly active: boolean | undefined;
  /** Access is allowed (default ALLOW); undefined when unknown. */
  readonly allows: boolean | undefined;
  /** Requires a second factor: app rules `factor_mode` (default 2FA), session rules `mfa_required` (default false). */
  readonly twoFactor: boolean | undefined;
  /** A `constraints` entry requires a phishing-resistant possession factor (app rules only). */
  readonly phishingResistant: boolean | undefined;
  readonly groupsIncluded: Targets;
  readonly usersIncluded: Targets;
  readonly groupsExcluded: Targets;
  readonly usersExcluded: Targets;
  /** The policy the rule belongs to, when it is in the configuration. */
  readonly policy: Resource | undefined;
}

/** Okta policies and rules that carry `status` (`okta_app_signon_policy` has none; its rules do). */
export const OKTA_STATUS_TYPES = /^okta_(policy_(?!.*_sequence$)|app_signon_policy_rule$)/;

const NONE: Targets = { resources: [], unknown: false, external: [] };

export function readOktaSignOnRules(ctx: RuleContext): OktaSignOnRule[] {
  const app = ctx.resourcesOf('okta_app_signon_policy_rule').map((r): OktaSignOnRule => {
    const v = r.values;
    return {
      resource: r,
      kind: 'app',
      active: is(v.status ?? 'ACTIVE', 'ACTIVE'),
      allows: is(v.access ?? 'ALLOW', 'ALLOW'),
      twoFactor: is(v.factor_mode ?? '2FA', '2FA'),
      phishingResistant: requiresPhishingResistant(v.constraints),
      groupsIncluded: ctx.targets(r, 'groups_included'),
      usersIncluded: ctx.targets(r, 'users_included'),
      groupsExcluded: ctx.targets(r, 'groups_excluded'),
      usersExcluded: ctx.targets(r, 'users_excluded'),
      policy: ctx.target(r, 'policy_id'),
    };
  });
  const session = ctx.resourcesOf('okta_policy_rule_signon').map((r): OktaSignOnRule => {
    const v = r.values;
    const policy = ctx.target(r, 'policy_id');
    return {
      resource: r,
      kind: 'session',
      active: is(v.status ?? 'ACTIVE', 'ACTIVE'),
      allows: is(v.access ?? 'ALLOW', 'ALLOW'),
      twoFactor: is(v.mfa_required ?? false, true),
      phishingResistant: false,
      // A session rule applies to the groups its policy is assigned to.
      groupsIncluded: policy ? ctx.targets(policy, 'groups_included') : NONE,
      usersIncluded: NONE,
      groupsExcluded: NONE,
      usersExcluded: ctx.targets(r, 'users_excluded'),
      policy,
    };
  });
  return [...app, ...session];
}

function is(v: Value, expected: string | boolean): boolean | undefined {
  return v instanceof Unknown ? undefined : v === expected;
}

/** `constraints` holds JSON strings: `{"possession":{"phishingResistant":"REQUIRED"}}`. */
export function requiresPhishingResistant(constraints: Value | undefined): boolean | undefined {
  if (constraints instanceof Unknown) return undefined;
  let unknown = false;
  for (const c of elements(constraints)) {
    if (c instanceof Unknown) {
      unknown = true;
      continue;
    }
    const parsed = typeof c === 'string' ? safeJson(c) : c;
    const possession =
      typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).possession : undefined;
    if (
      typeof possession === 'object' &&
      possession !== null &&
      (possession as Record<string, unknown>).phishingResistant === 'REQUIRED'
    )
      return true;
  }
  return unknown ? undefined : false;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Does the rule apply to this user: named, or through a group it belongs to? */
export function appliesToUser(ctx: RuleContext, rule: OktaSignOnRule, user: Resource): boolean {
  if (rule.usersIncluded.resources.includes(user)) return true;
  const groups = ctx.principals.groupsOf(user);
  return rule.groupsIncluded.resources.some((g) => groups.includes(g));
}
