/**
 * Audit logging and alerting on Okta: a log stream to the SIEM (RG-16) and an
 * event hook on factor resets, password resets and privilege grants (RG-17).
 */
import { EventHook } from '@cdktf/provider-okta/lib/event-hook';
import { LogStream, LogStreamSettings } from '@cdktf/provider-okta/lib/log-stream';
import { Construct } from 'constructs';
import { OKTA_RECOVERY_EVENTS } from '../../policies/facts/monitoring';

export interface OktaAuditLoggingProps {
  /** The log stream's type (`splunk_cloud_logstreaming`, `aws_eventbridge`). */
  readonly streamType: string;
  readonly streamSettings: LogStreamSettings;
  /** Where recovery events go to raise alerts. */
  readonly alertEndpoint: string;
}

export class OktaAuditLogging extends Construct {
  readonly stream: LogStream;
  readonly recoveryAlerts: EventHook;

  constructor(scope: Construct, id: string, props: OktaAuditLoggingProps) {
    super(scope, id);
    this.stream = new LogStream(this, 'stream', {
      name: 'Identity logs to SIEM',
      type: props.streamType,
      status: 'ACTIVE',
      settings: props.streamSettings,
    });
    this.recoveryAlerts = new EventHook(this, 'recovery_alerts', {
      name: 'Recovery and privilege events',
      status: 'ACTIVE',
      events: [...OKTA_RECOVERY_EVENTS],
      channel: { type: 'HTTP', version: '1.0.0', uri: props.alertEndpoint },
    });
  }
}
