/**
 * Log alerts and Okta event hooks: what rules about monitoring ask of them
 * (is it on, what does it read, whom does it name, what does it subscribe to).
 */
import type { Resource } from '../model/resource';
import { Unknown, Value, hasUnknownElement, literalStrings, valueAt } from '../model/value';
import type { RuleContext } from './context';

export interface LogAlert {
  readonly resource: Resource;
  /** `enabled` (default true); undefined when unknown. */
  readonly enabled: boolean | undefined;
  /** The query text, or an expression's source where it is built from references. */
  readonly query: string;
  readonly queryUnknown: boolean;
  /** Resources the query is built from (`${azuread_user.bg1.user_principal_name}`). */
  readonly referenced: readonly Resource[];
  readonly severity: Value | undefined;
  /** The tests the query makes of UserPrincipalName (`contains "emergency-access"`), read once; none where the query is not known. */
  readonly upnTests: readonly UpnTest[];
}

const ALERT_TYPES = ['azurerm_monitor_scheduled_query_rules_alert_v2', 'azurerm_monitor_scheduled_query_rules_alert'];

export function readLogAlerts(ctx: RuleContext): LogAlert[] {
  return ctx.resourcesOf(...ALERT_TYPES).map((r) => {
    const path = r.type.endsWith('_v2') ? 'criteria.query' : 'query';
    const q = valueAt(r.values, path);
    const enabled = r.values.enabled ?? true;
    return {
      resource: r,
      enabled: enabled instanceof Unknown ? undefined : enabled === true,
      query: typeof q === 'string' ? q : q instanceof Unknown ? (q.expression ?? '') : '',
      queryUnknown: q instanceof Unknown,
      referenced: ctx.targets(r, path).resources,
      severity: r.values.severity,
      upnTests: typeof q === 'string' ? upnTests(q.toLowerCase()) : [],
    };
  });
}

/**
 * Does the query name this account: its UPN or object id as text, a
 * reference to it, or a test on the user principal name (`contains`,
 * `startswith`, `has`, KQL's case-insensitive forms) that its literal UPN
 * provably passes? Over-matching is harmless; an account the test misses,
 * or whose UPN is not known, is not named.
 */
export function namesAccount(alert: LogAlert, account: Resource): boolean {
  if (alert.referenced.includes(account)) return true;
  const text = alert.query.toLowerCase();
  const upns = literalStrings(account.values.user_principal_name).map((u) => u.toLowerCase());
  const names = [...upns, ...literalStrings(account.values.object_id), ...literalStrings(account.values.id)];
  if (names.some((n) => n !== '' && text.includes(n.toLowerCase()))) return true;
  return alert.upnTests.some((test) => upns.some((upn) => passes(upn, test)));
}

/** Whether the query tests user principal names and this account's is not known: the test may or may not name it. */
export function mayNameAccount(alert: LogAlert, account: Resource): boolean {
  return alert.upnTests.length > 0 && hasUnknownElement(account.values.user_principal_name);
}

export interface UpnTest {
  readonly operator: 'contains' | 'startswith' | 'has' | 'hasprefix';
  readonly value: string;
}

const UPN_TEST = /userprincipalname\s+(contains|startswith|has|hasprefix)(?:_cs)?\s+(?:"([^"]*)"|'([^']*)')/g;

/** The tests a KQL query makes of UserPrincipalName (lower-cased text in, lower-cased values out). */
function upnTests(query: string): UpnTest[] {
  return [...query.matchAll(UPN_TEST)]
    .map((m) => ({ operator: m[1] as UpnTest['operator'], value: m[2] ?? m[3] }))
    .filter((t) => t.value !== '');
}

function passes(upn: string, test: UpnTest): boolean {
  switch (test.operator) {
    case 'contains':
      return upn.includes(test.value);
    case 'startswith':
      return upn.startsWith(test.value);
    // `has` and `hasprefix` match whole terms (runs of letters and digits) and their starts.
    case 'has':
      return (
        terms(upn).includes(test.value) ||
        (!/^[a-z0-9]+$/.test(test.value) && upn.includes(test.value) && boundaryAt(upn, test.value))
      );
    case 'hasprefix':
      return terms(upn).some((t) => t.startsWith(test.value));
  }
}

function terms(s: string): string[] {
  return s.split(/[^a-z0-9]+/).filter((t) => t !== '');
}

/** A value spanning several terms (`emergency-access`) matches where it begins and ends at term boundaries. */
function boundaryAt(s: string, value: string): boolean {
  for (let i = s.indexOf(value); i >= 0; i = s.indexOf(value, i + 1)) {
    const before = i === 0 || !/[a-z0-9]/.test(s[i - 1]);
    const end = i + value.length;
    const after = end === s.length || !/[a-z0-9]/.test(s[end]);
    if (before && after) return true;
  }
  return false;
}

export interface EventHook {
  readonly resource: Resource;
  readonly active: boolean | undefined;
  readonly events: readonly string[];
  readonly eventsUnknown: boolean;
}

export function readEventHooks(ctx: RuleContext): EventHook[] {
  return ctx.resourcesOf('okta_event_hook').map((r) => {
    const status = r.values.status ?? 'ACTIVE';
    const events = r.values.events;
    return {
      resource: r,
      active: status instanceof Unknown ? undefined : status === 'ACTIVE',
      events: literalStrings(events),
      eventsUnknown: events instanceof Unknown || (Array.isArray(events) && events.some((e) => e instanceof Unknown)),
    };
  });
}
