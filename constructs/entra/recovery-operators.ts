/**
 * Least-privilege reset authority on Entra ID: a role-assignable group holding
 * Authentication Administrator (or Helpdesk Administrator) scoped to the tier's
 * administrative unit; help-desk staff made eligible members through PIM for
 * Groups; activation that needs a named supervisor group's approval, a
 * justification, a ticket number, MFA, and ends after a few hours; and the
 * security team told of every activation (RG-01–RG-05, RG-17).
 */
import type { AdministrativeUnit } from '@cdktf/provider-azuread/lib/administrative-unit';
import { DirectoryRoleAssignment } from '@cdktf/provider-azuread/lib/directory-role-assignment';
import { Group } from '@cdktf/provider-azuread/lib/group';
import { GroupRoleManagementPolicy } from '@cdktf/provider-azuread/lib/group-role-management-policy';
import { PrivilegedAccessGroupEligibilitySchedule } from '@cdktf/provider-azuread/lib/privileged-access-group-eligibility-schedule';
import type { DataAzureadUser } from '@cdktf/provider-azuread/lib/data-azuread-user';
import type { User } from '@cdktf/provider-azuread/lib/user';
import { DefaultTokenResolver, StringConcat, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { durationHours } from '../../policies/model/time';
import { entraRoleByName } from '../../policies/facts/entra-roles';
import { declarePrincipals } from '../shared/intent';

/** Operator roles the construct assigns: never a privileged one. */
export type EntraOperatorRole = 'Authentication Administrator' | 'Helpdesk Administrator' | 'Password Administrator';

export interface EntraRecoveryOperatorsProps {
  /** Display name of the operator group. */
  readonly displayName: string;
  /** The administrative unit holding the users the operators support. */
  readonly scope: AdministrativeUnit;
  /** The help-desk staff, made eligible (never standing) members: users this stack creates or reads (`data "azuread_user"`). */
  readonly operators: readonly (User | DataAzureadUser)[];
  /** The supervisors who approve each activation; not the operators. */
  readonly supervisors: Group;
  /** @default 'Authentication Administrator' */
  readonly role?: EntraOperatorRole;
  /** Longest activation, ISO 8601. At most PT8H. @default 'PT4H' */
  readonly maxActivation?: string;
  /** How long an operator stays eligible. @default 'P180D' */
  readonly eligibility?: string;
  /** Who hears of each activation besides the operator (the security team's mailbox). */
  readonly notify: readonly string[];
  /** Privileged users and groups, which the scope must not contain (RG-02). @default none */
  readonly privileged?: readonly (User | DataAzureadUser | Group)[];
}

export class EntraRecoveryOperators extends Construct {
  readonly group: Group;
  readonly assignment: DirectoryRoleAssignment;
  readonly activationPolicy: GroupRoleManagementPolicy;

  constructor(scope: Construct, id: string, props: EntraRecoveryOperatorsProps) {
    super(scope, id);
    const where = `EntraRecoveryOperators ${this.node.path}`;
    const maxActivation = props.maxActivation ?? 'PT4H';
    const hours = durationHours(maxActivation);
    if (hours === undefined || hours > 8)
      throw new Error(
        `${where}: maxActivation ${maxActivation} is longer than eight hours (or not an ISO 8601 duration). Use "PT4H" or at most "PT8H" (RG-04).`,
      );
    if (props.operators.length === 0)
      throw new Error(`${where}: no operators. Name the help-desk staff who may activate reset authority.`);
    if (props.notify.length === 0)
      throw new Error(
        `${where}: notify is empty. Name the security team's mailbox so activations do not go unseen (RG-17).`,
      );
    // Object ids are tokens, a new one per read: compare what they resolve to (`${azuread_user.x.object_id}`).
    const resolver = new DefaultTokenResolver(new StringConcat());
    const resolved = (v: unknown) =>
      JSON.stringify(Tokenization.resolve(v, { scope: this, resolver, preparing: false }));
    const supervisorMembers = (props.supervisors.membersInput ?? []).map(resolved);
    const selfApproving = props.operators.filter((o) => supervisorMembers.includes(resolved(o.objectId)));
    if (selfApproving.length > 0)
      throw new Error(
        `${where}: ${selfApproving.map((o) => o.node.path).join(', ')} would approve their own activation as members of ${props.supervisors.node.path}. Take them out of the supervisor group (RG-05).`,
      );
    const members = (props.scope.membersInput ?? []).map(resolved);
    const exposed = (props.privileged ?? []).filter((p) => members.includes(resolved(p.objectId)));
    if (exposed.length > 0)
      throw new Error(
        `${where}: administrative unit ${props.scope.node.path} contains privileged ${exposed.map((p) => p.node.path).join(', ')}. Operators must not reach administrators: keep them out of the unit (RG-02).`,
      );

    const roleName = props.role ?? 'Authentication Administrator';
    const role = entraRoleByName(roleName)!;
    this.group = new Group(this, 'group', {
      displayName: props.displayName,
      securityEnabled: true,
      assignableToRole: true,
      description: `${roleName} for ${props.scope.displayNameInput ?? 'one administrative unit'}, activated through PIM`,
    });
    this.assignment = new DirectoryRoleAssignment(this, 'role', {
      roleId: role.templateId,
      principalObjectId: this.group.objectId,
      directoryScopeId: `/administrativeUnits/${props.scope.objectId}`,
    });
    props.operators.forEach((operator, i) => {
      new PrivilegedAccessGroupEligibilitySchedule(this, `eligible_${i + 1}`, {
        groupId: this.group.objectId,
        principalId: operator.objectId,
        assignmentType: 'member',
        duration: props.eligibility ?? 'P180D',
        justification: `Recovery operator rota (${props.displayName})`,
      });
    });
    this.activationPolicy = new GroupRoleManagementPolicy(this, 'activation', {
      groupId: this.group.objectId,
      roleId: 'member',
      activationRules: {
        requireApproval: true,
        approvalStage: { primaryApprover: [{ objectId: props.supervisors.objectId, type: 'groupMembers' }] },
        requireJustification: true,
        requireTicketInfo: true,
        requireMultifactorAuthentication: true,
        maximumDuration: maxActivation,
      },
      notificationRules: {
        eligibleActivations: {
          adminNotifications: {
            defaultRecipients: true,
            notificationLevel: 'All',
            additionalRecipients: [...props.notify],
          },
        },
      },
    });
    declarePrincipals('operators', this.group);
  }
}
