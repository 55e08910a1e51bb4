/**
 * Authentication methods on Entra ID, through `msgraph_update_resource`
 * (azuread cannot manage them): single-use Temporary Access Passes with a
 * short lifetime (RG-10), SMS and voice off (RG-11), and users able to report
 * suspicious activity (RG-18).
 */
import { Construct } from 'constructs';
import { MsgraphUpdateResource } from './raw-resources';

const METHODS = 'policies/authenticationMethodsPolicy';

export interface EntraAuthenticationMethodsProps {
  /** Longest Temporary Access Pass, in minutes: 10 to 480. @default 240 */
  readonly tapMaxLifetimeMinutes?: number;
  /** Default pass lifetime, in minutes: from 10 up to the maximum. @default 60 (or the maximum, if lower) */
  readonly tapDefaultLifetimeMinutes?: number;
}

/** Graph's shortest Temporary Access Pass lifetime: the minimum the construct sets, so that minimum ≤ default ≤ maximum. */
const TAP_MINIMUM_MINUTES = 10;

export class EntraAuthenticationMethods extends Construct {
  readonly temporaryAccessPass: MsgraphUpdateResource;

  constructor(scope: Construct, id: string, props: EntraAuthenticationMethodsProps = {}) {
    super(scope, id);
    const max = props.tapMaxLifetimeMinutes ?? 240;
    const initial = props.tapDefaultLifetimeMinutes ?? Math.min(60, max);
    if (max > 480 || max < 10)
      throw new Error(
        `EntraAuthenticationMethods ${this.node.path}: tapMaxLifetimeMinutes ${max} is outside 10–480. A pass that outlives a working day is a standing bypass: use at most 480 (RG-10).`,
      );
    if (initial > max)
      throw new Error(
        `EntraAuthenticationMethods ${this.node.path}: the default pass lifetime (${initial}) exceeds the maximum (${max}).`,
      );
    if (initial < TAP_MINIMUM_MINUTES)
      throw new Error(
        `EntraAuthenticationMethods ${this.node.path}: the default pass lifetime (${initial}) is below Graph's minimum of ${TAP_MINIMUM_MINUTES} minutes. Use ${TAP_MINIMUM_MINUTES} or more.`,
      );
    this.temporaryAccessPass = new MsgraphUpdateResource(this, 'temporary_access_pass', {
      url: `${METHODS}/authenticationMethodConfigurations/TemporaryAccessPass`,
      body: {
        '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration',
        state: 'enabled',
        isUsableOnce: true,
        minimumLifetimeInMinutes: TAP_MINIMUM_MINUTES,
        maximumLifetimeInMinutes: max,
        defaultLifetimeInMinutes: initial,
      },
    });
    for (const method of ['Sms', 'Voice']) {
      new MsgraphUpdateResource(this, `${method.toLowerCase()}_off`, {
        url: `${METHODS}/authenticationMethodConfigurations/${method}`,
        body: {
          '@odata.type': `#microsoft.graph.${method.toLowerCase()}AuthenticationMethodConfiguration`,
          state: 'disabled',
        },
      });
    }
    // reportSuspiciousActivitySettings exists only in Graph beta.
    new MsgraphUpdateResource(this, 'report_suspicious_activity', {
      url: METHODS,
      apiVersion: 'beta',
      body: {
        reportSuspiciousActivitySettings: {
          state: 'enabled',
          includeTarget: { targetType: 'group', id: 'all_users' },
          voiceReportingCode: 0,
        },
      },
    });
  }
}
