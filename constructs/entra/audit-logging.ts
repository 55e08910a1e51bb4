/**
 * Audit logging and alerting on Entra ID: the identity log categories exported
 * to a Log Analytics workspace (RG-16) and an alert on admin recovery
 * operations (RG-17).
 */
import { Construct } from 'constructs';
import {
  ENTRA_RECOMMENDED_LOG_CATEGORIES,
  ENTRA_RECOMMENDED_OPERATIONS,
  ENTRA_RECOVERY_OPERATIONS,
  ENTRA_REQUIRED_LOG_CATEGORIES,
} from '../../policies/facts/monitoring';
import { AadDiagnosticSetting, ScheduledQueryAlert } from './raw-resources';

/** Every identity log category the catalogue asks for (RG-16). */
export const IDENTITY_LOG_CATEGORIES = [...ENTRA_REQUIRED_LOG_CATEGORIES, ...ENTRA_RECOMMENDED_LOG_CATEGORIES] as const;

export interface EntraAuditLoggingProps {
  readonly workspaceId: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Action groups that page the security team. */
  readonly actionGroupIds: readonly string[];
}

export class EntraAuditLogging extends Construct {
  readonly export: AadDiagnosticSetting;
  readonly recoveryAlert: ScheduledQueryAlert;

  constructor(scope: Construct, id: string, props: EntraAuditLoggingProps) {
    super(scope, id);
    this.export = new AadDiagnosticSetting(this, 'export', {
      name: 'identity-logs',
      workspaceId: props.workspaceId,
      categories: IDENTITY_LOG_CATEGORIES,
    });
    this.recoveryAlert = new ScheduledQueryAlert(this, 'recovery_operations', {
      name: 'admin-recovery-operations',
      workspaceId: props.workspaceId,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      query: `AuditLogs | where OperationName in (${[...ENTRA_RECOVERY_OPERATIONS, ...ENTRA_RECOMMENDED_OPERATIONS].map((o) => JSON.stringify(o)).join(', ')})`,
      severity: 1,
      actionGroupIds: props.actionGroupIds,
    });
  }
}
