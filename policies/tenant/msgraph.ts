/**
 * Settings azuread cannot express, managed through the `microsoft/msgraph`
 * provider's `msgraph_update_resource` (RULES.md: TAP, SMS and voice, report
 * suspicious activity, PIM rules of directory roles).
 */
import type { Resource } from '../model/resource';
import { Unknown, Value, isObject } from '../model/value';
import type { RuleContext } from './context';

/** The Temporary Access Pass configuration (RG-10). */
export const TAP_URL = /authenticationMethodConfigurations\/TemporaryAccessPass\/?$/i;
/** The SMS and voice configurations (RG-11); the group names the method. */
export const WEAK_METHOD_URL = /authenticationMethodConfigurations\/(Sms|Voice)\/?$/i;

export interface GraphUpdate {
  readonly resource: Resource;
  readonly url: string;
  /** The request body as an object; Unknown when it is not known; undefined when absent or not an object. */
  readonly body: Record<string, Value> | Unknown | undefined;
}

/** `msgraph_update_resource` resources whose `url` matches, in stack order. */
export function graphUpdates(ctx: RuleContext, url: RegExp): GraphUpdate[] {
  const out: GraphUpdate[] = [];
  for (const r of ctx.resourcesOf('msgraph_update_resource')) {
    const u = r.values.url;
    const text = typeof u === 'string' ? u : u instanceof Unknown ? (u.expression ?? '') : '';
    if (!url.test(text)) continue;
    out.push({ resource: r, url: text, body: graphRequestBody(r.values.body) });
  }
  return out;
}

/** A request body as an object (JSON text is parsed); Unknown when it is not known; undefined when absent or not an object. */
export function graphRequestBody(v: Value | undefined): GraphUpdate['body'] {
  if (v instanceof Unknown) return v;
  if (isObject(v)) return v;
  if (typeof v === 'string') {
    try {
      const parsed = JSON.parse(v) as Value;
      return isObject(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
