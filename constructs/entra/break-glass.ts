/**
 * Break-glass accounts on Entra ID: two to four cloud-only accounts holding
 * only Global Administrator, in a group every conditional access policy
 * excludes, each with an expiry that stops the pipeline until someone
 * re-attests, and an alert on any sign-in (RG-12–RG-15). The expiry never
 * disables an account.
 */
import { DirectoryRoleAssignment } from '@cdktf/provider-azuread/lib/directory-role-assignment';
import { Group } from '@cdktf/provider-azuread/lib/group';
import { User } from '@cdktf/provider-azuread/lib/user';
import { Construct } from 'constructs';
import { GLOBAL_ADMINISTRATOR } from '../../policies/facts/entra-roles';
import { BreakGlassExpiry } from '../shared/break-glass-expiry';
import { declarePrincipals } from '../shared/intent';
import { RandomPassword, ScheduledQueryAlert } from './raw-resources';

export interface EntraBreakGlassProps {
  /** User principal names on the tenant's initial domain (`breakglass1@acme.onmicrosoft.com`): two to four. */
  readonly userPrincipalNames: readonly string[];
  /** When every account must be re-attested: after now, at most 90 days ahead. */
  readonly expires: Date | string;
  /** The review that keeps the accounts (ticket or document). */
  readonly evidence: string;
  /** Who signs off the review. @default 'security-leadership' */
  readonly approver?: string;
  /** Where the sign-in alert runs. */
  readonly monitoring: {
    readonly workspaceId: string;
    readonly resourceGroupName: string;
    readonly location: string;
    readonly actionGroupIds: readonly string[];
  };
  /** The clock, for tests. @default now */
  readonly now?: Date;
}

export class EntraBreakGlass extends Construct {
  readonly users: readonly User[];
  readonly group: Group;
  readonly signInAlert: ScheduledQueryAlert;

  constructor(scope: Construct, id: string, props: EntraBreakGlassProps) {
    super(scope, id);
    const where = `EntraBreakGlass ${this.node.path}`;
    const n = props.userPrincipalNames.length;
    if (n < 2 || n > 4)
      throw new Error(
        `${where}: ${n} account(s). Keep two to four: enough to recover from a lockout, few enough to watch (RG-12).`,
      );
    const synced = props.userPrincipalNames.filter((upn) => !/\.onmicrosoft\.com$/i.test(upn));
    if (synced.length > 0)
      throw new Error(
        `${where}: ${synced.join(', ')} is not on a *.onmicrosoft.com domain. Break-glass accounts must be cloud-only, so they work when federation fails.`,
      );
    this.users = props.userPrincipalNames.map((upn, i) => {
      // azuread 3.7 refuses a user without a password on create: a long random one, which leaves Terraform only through state
      // (to a vault, until the account's FIDO2 keys are registered and the password is no longer how it signs in).
      const password = new RandomPassword(this, `account_${i + 1}_password`, { length: 64 });
      const user = new User(this, `account_${i + 1}`, {
        userPrincipalName: upn,
        displayName: `Break glass ${i + 1}`,
        password: password.result,
      });
      new DirectoryRoleAssignment(this, `account_${i + 1}_global_admin`, {
        roleId: GLOBAL_ADMINISTRATOR,
        principalObjectId: user.objectId,
      });
      new BreakGlassExpiry(this, `account_${i + 1}_expiry`, {
        account: user,
        expires: props.expires,
        evidence: props.evidence,
        approver: props.approver,
        now: props.now,
      });
      return user;
    });
    // Role-assignable: only Privileged Role Administrators can change its members, so nobody joins it to escape MFA (RG-08).
    this.group = new Group(this, 'group', {
      displayName: 'Break Glass',
      securityEnabled: true,
      assignableToRole: true,
      members: this.users.map((u) => u.objectId),
      description: 'Emergency access accounts: excluded from conditional access, covered by their own policy',
    });
    // Interactive and non-interactive sign-ins, by user principal name in any case (in~) or by object id.
    const names = this.users.map((u) => `"${u.userPrincipalName}"`).join(', ');
    const ids = this.users.map((u) => `"${u.objectId}"`).join(', ');
    this.signInAlert = new ScheduledQueryAlert(this, 'sign_in_alert', {
      name: 'break-glass-sign-in',
      workspaceId: props.monitoring.workspaceId,
      resourceGroupName: props.monitoring.resourceGroupName,
      location: props.monitoring.location,
      query: `union SigninLogs, AADNonInteractiveUserSignInLogs | where UserPrincipalName in~ (${names}) or UserId in (${ids})`,
      severity: 0,
      actionGroupIds: props.monitoring.actionGroupIds,
    });
    declarePrincipals('breakGlass', this.group, ...this.users);
  }
}
