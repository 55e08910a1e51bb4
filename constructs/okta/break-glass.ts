/**
 * Break-glass accounts on Okta: two to four accounts holding only Super
 * Admin through their own group, each with an expiry that stops the pipeline
 * until someone re-attests, and an event hook that reports every sign-in
 * (RG-12, RG-13, RG-15). The expiry never disables an account.
 */
import { EventHook } from '@cdktf/provider-okta/lib/event-hook';
import { Group } from '@cdktf/provider-okta/lib/group';
import { GroupMemberships } from '@cdktf/provider-okta/lib/group-memberships';
import { GroupRole } from '@cdktf/provider-okta/lib/group-role';
import { User } from '@cdktf/provider-okta/lib/user';
import { Construct } from 'constructs';
import { BreakGlassExpiry } from '../shared/break-glass-expiry';
import { declarePrincipals } from '../shared/intent';

export interface BreakGlassAccount {
  /** Login and email (`breakglass-1@acme.example`): a mailbox only this account's custodians read. */
  readonly login: string;
}

export interface OktaBreakGlassProps {
  /** Two to four accounts. */
  readonly accounts: readonly BreakGlassAccount[];
  /** When every account must be re-attested: after now, at most 90 days ahead. */
  readonly expires: Date | string;
  /** The review that keeps the accounts (ticket or document). */
  readonly evidence: string;
  /** Who signs off the review. @default 'security-leadership' */
  readonly approver?: string;
  /** Where sign-in events go (your SIEM's event hook endpoint), to raise an alert. */
  readonly alertEndpoint: string;
  /** The clock, for tests. @default now */
  readonly now?: Date;
}

export class OktaBreakGlass extends Construct {
  readonly group: Group;
  readonly users: readonly User[];
  readonly signInAlert: EventHook;

  constructor(scope: Construct, id: string, props: OktaBreakGlassProps) {
    super(scope, id);
    const n = props.accounts.length;
    if (n < 2 || n > 4)
      throw new Error(
        `OktaBreakGlass ${this.node.path}: ${n} account(s). Keep two to four: enough to recover from a lockout, few enough to watch (RG-12).`,
      );
    this.group = new Group(this, 'group', {
      name: 'Break Glass',
      description: 'Emergency access: Super Admin only, monitored, re-attested',
    });
    new GroupRole(this, 'super_admin', { groupId: this.group.id, roleType: 'SUPER_ADMIN' });
    this.users = props.accounts.map((a, i) => {
      const user = new User(this, `account_${i + 1}`, {
        login: a.login,
        email: a.login,
        firstName: 'Break',
        lastName: `Glass ${i + 1}`,
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
    new GroupMemberships(this, 'members', { groupId: this.group.id, users: this.users.map((u) => u.id) });
    this.signInAlert = new EventHook(this, 'sign_in_alert', {
      name: 'Break-glass sign-in',
      status: 'ACTIVE',
      events: ['user.session.start'],
      channel: { type: 'HTTP', version: '1.0.0', uri: props.alertEndpoint },
    });
    declarePrincipals('breakGlass', this.group, ...this.users);
  }
}
