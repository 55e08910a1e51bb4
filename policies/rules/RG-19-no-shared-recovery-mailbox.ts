import { defineRule } from '../engine/rule';
import type { Resource } from '../model/resource';
import { Unknown, elements } from '../model/value';
import { addTo, listed } from '../lists';
import { REFERENCES } from '../facts/references';

export const SHARED_MAILBOX =
  /^(shared|team|it|helpdesk|help[-_.]?desk|service[-_.]?desk|support|admins?|administrators|security|secops|soc|noc|ops|infra|identity|iam|recovery)([._+-]|@)/i;

/** Recovery addresses by user type. */
const ADDRESS_ATTRIBUTES: Record<string, readonly string[]> = {
  okta_user: ['email', 'second_email'],
  azuread_user: ['mail', 'other_mails'],
};

export default defineRule({
  meta: {
    id: 'RG-19',
    slug: 'no-shared-recovery-mailbox',
    title: 'Privileged, break-glass and operator accounts each recover to their own address',
    severity: 'medium',
    csf: ['PR.AA-01'],
    rationale:
      'A recovery link sent to a shared mailbox reaches everyone who reads it, and a mailbox shared by several admins recovers all of them at once. Whoever gets into that mailbox can reset the accounts that guard everything else.',
    references: [REFERENCES.nistRecovery, REFERENCES.msEmergencyAccess],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages: {
      sharedAddress:
        '{{account}} ({{kind}}) recovers to {{address}}, {{reason}}: whoever reads that mailbox can take over the account. Give it an address only its owner reads ({{attributes}}).',
    },
  },
  check(ctx, report) {
    const pattern = ctx.config.sharedMailboxPattern ?? SHARED_MAILBOX;
    const p = ctx.principals;
    const accounts = ctx
      .resourcesOf(...Object.keys(ADDRESS_ATTRIBUTES))
      .filter((u) => p.isBreakGlass(u) || p.isPrivileged(u) || p.isOperator(u));
    const users = new Map<string, Resource[]>();
    const addresses = new Map<Resource, { literal: string[]; unknown: boolean }>();
    for (const account of accounts) {
      const values = ADDRESS_ATTRIBUTES[account.type].flatMap((a) => elements(account.values[a]));
      const literal = [
        ...new Set(values.filter((v): v is string => typeof v === 'string' && v !== '').map((v) => v.toLowerCase())),
      ];
      addresses.set(account, { literal, unknown: values.some((v) => v instanceof Unknown) });
      for (const a of literal) addTo(users, a, account);
    }
    for (const account of accounts) {
      const { literal, unknown } = addresses.get(account)!;
      const kind = p.isBreakGlass(account) ? 'break-glass' : p.isPrivileged(account) ? 'privileged' : 'operator';
      const attributes = ADDRESS_ATTRIBUTES[account.type].join(', ');
      const shared = literal.find((a) => (users.get(a)?.length ?? 0) > 1);
      // An address is at most 254 characters (RFC 5321); a longer value is no mailbox, and is never run through the pattern.
      const generic = literal.find((a) => a.length <= 254 && pattern.test(a));
      if (shared) {
        // Named up to the message's limit, counted beyond it: each account of a shared mailbox is one finding.
        const sharers = users.get(shared)!;
        const others: string[] = [];
        for (const o of sharers) {
          if (others.length > 10) break;
          if (o !== account) others.push(o.address);
        }
        report({
          resource: account,
          messageId: 'sharedAddress',
          data: {
            account: account.address,
            kind,
            address: shared,
            reason: `which ${listed(others, 10, sharers.length - 1)} also use${sharers.length === 2 ? 's' : ''}`,
            attributes,
          },
        });
      } else if (generic) {
        report({
          resource: account,
          messageId: 'sharedAddress',
          data: {
            account: account.address,
            kind,
            address: generic,
            reason: 'a shared team mailbox by its name',
            attributes,
          },
        });
      } else if (unknown) {
        report({
          resource: account,
          messageId: 'cannotVerify',
          data: { what: `the recovery addresses of ${account.address}`, why: `${attributes} are not all known` },
        });
      }
    }
  },
});
