/**
 * Log alerts and Okta event hooks: what rules about monitoring ask of them
 * (is it on, what does it read, whom does it name, what does it subscribe to).
 */
import type { Resource } from '../model/resource';
import { Unknown, Value, literalStrings, valueAt } from '../model/value';
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
    };
  });
}

/** Does the query name this account: its UPN or object id as text, or a reference to it? */
export function namesAccount(alert: LogAlert, account: Resource): boolean {
  if (alert.referenced.includes(account)) return true;
  const text = alert.query.toLowerCase();
  const names = [...literalStrings(account.values.user_principal_name), ...literalStrings(account.values.object_id), ...literalStrings(account.values.id)];
  return names.some((n) => n !== '' && text.includes(n.toLowerCase()));
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
