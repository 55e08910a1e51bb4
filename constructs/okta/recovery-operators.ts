/**
 * Least-privilege reset authority on Okta: a custom admin role with only the
 * credential permissions a help desk needs, over a resource set of the tier's
 * groups, assigned to the operator group. Never Super Admin, never over
 * privileged groups (RG-01, RG-02, RG-05); the approval process for changing
 * the operators is attested (RG-04).
 */
import { AdminRoleCustom } from '@cdktf/provider-okta/lib/admin-role-custom';
import { AdminRoleCustomAssignments } from '@cdktf/provider-okta/lib/admin-role-custom-assignments';
import type { Group } from '@cdktf/provider-okta/lib/group';
import { ResourceSet } from '@cdktf/provider-okta/lib/resource-set';
import { Construct } from 'constructs';
import {
  OKTA_CREDENTIAL_PERMISSIONS,
  OKTA_SELF_GRANT_PERMISSIONS,
  isOktaPolicyPermission,
} from '../../policies/facts/okta-roles';
import { Attestation } from '../shared/attestation';
import { declarePrincipals } from '../shared/intent';
import type { ApprovalEvidence } from '../shared/tiers';

export interface OktaRecoveryOperatorsProps {
  /** The org's URL (`https://acme.okta.com`), for resource-set entries. */
  readonly orgUrl: string;
  /** The operator group (the help desk) that receives reset authority. */
  readonly operators: Group;
  /** The groups whose users the operators may reset: a tier's standard groups. */
  readonly scope: readonly Group[];
  /** Privileged groups, which the scope must not contain (RG-02). @default none */
  readonly privileged?: readonly Group[];
  /**
   * Permissions of the custom role: read plus credential permissions only.
   * @default ['okta.users.read', 'okta.users.credentials.resetFactors', 'okta.users.credentials.resetPassword']
   */
  readonly permissions?: readonly string[];
  /** The supervisor approval for changes to the operators and their role, attested (RG-04). */
  readonly approval: ApprovalEvidence;
  /** Label of the custom role. @default 'Recovery operators' */
  readonly label?: string;
}

const DEFAULT_PERMISSIONS = [
  'okta.users.read',
  'okta.users.credentials.resetFactors',
  'okta.users.credentials.resetPassword',
];

export class OktaRecoveryOperators extends Construct {
  readonly role: AdminRoleCustom;
  readonly resourceSet: ResourceSet;
  readonly assignment: AdminRoleCustomAssignments;
  readonly approval: Attestation;

  constructor(scope: Construct, id: string, props: OktaRecoveryOperatorsProps) {
    super(scope, id);
    const where = `OktaRecoveryOperators ${this.node.path}`;
    const permissions = props.permissions ?? DEFAULT_PERMISSIONS;
    const forbidden = permissions.filter(
      (p) => (OKTA_SELF_GRANT_PERMISSIONS as readonly string[]).includes(p) || isOktaPolicyPermission(p),
    );
    if (forbidden.length > 0)
      throw new Error(
        `${where}: permissions ${forbidden.join(', ')} let operators grant themselves more or change how everyone authenticates. Keep only okta.users.read and okta.users.credentials.* permissions.`,
      );
    if (!permissions.some((p) => OKTA_CREDENTIAL_PERMISSIONS.has(p)))
      throw new Error(
        `${where}: no credential permission; recovery operators need at least okta.users.credentials.resetFactors.`,
      );
    if (props.scope.length === 0)
      throw new Error(`${where}: scope is empty. Name the groups whose users the operators support.`);
    const privileged = props.scope.filter((g) => props.privileged?.includes(g));
    if (privileged.length > 0)
      throw new Error(
        `${where}: scope contains the privileged group(s) ${privileged.map((g) => g.node.path).join(', ')}. Operators must not reach administrators: remove them from scope (RG-02).`,
      );
    if (props.scope.includes(props.operators))
      throw new Error(
        `${where}: scope contains the operator group itself. Operators must not reset each other: remove it from scope.`,
      );

    const org = props.orgUrl.replace(/\/+$/, '');
    this.role = new AdminRoleCustom(this, 'role', {
      label: props.label ?? 'Recovery operators',
      description: 'Reset factors and passwords for the supported groups; nothing else',
      permissions: [...permissions],
    });
    this.resourceSet = new ResourceSet(this, 'scope', {
      label: `${props.label ?? 'Recovery operators'} scope`,
      description: 'The groups the operators support',
      resources: props.scope.map((g) => `${org}/api/v1/groups/${g.id}/users`),
    }); // the users of each group: the group object alone reaches nobody
    this.assignment = new AdminRoleCustomAssignments(this, 'assignment', {
      customRoleId: this.role.id,
      resourceSetId: this.resourceSet.id,
      members: [`${org}/api/v1/groups/${props.operators.id}`],
    });
    this.approval = new Attestation(this, 'approval', {
      control: 'RG-04',
      subject: this.assignment,
      ...props.approval,
      owner: props.approval.owner ?? 'identity-platform',
    });
    declarePrincipals('operators', props.operators);
  }
}
