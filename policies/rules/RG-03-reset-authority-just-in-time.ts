import type { RuleContext } from '../tenant/context';
import type { RoleGrant } from '../tenant/grants';
import { defineRule } from '../engine/rule';
import type { Resource } from '../model/resource';
import { Unknown } from '../model/value';
import { listed } from '../lists';
import { oncePerResource } from '../model/once';
import {
  ROLE_GRANT_TYPES,
  type ResourcePair,
  type WeakeningReport,
  addedElements,
  grantsOf,
  shown,
  valueOn,
} from '../engine/weakening';
import { REFERENCES } from '../facts/references';

export default defineRule({
  meta: {
    id: 'RG-03',
    slug: 'reset-authority-just-in-time',
    title: 'Reset authority is activated when needed, not held standing',
    severity: 'high',
    csf: ['PR.AA-05'],
    rationale:
      'A standing assignment is reset authority an attacker can use the moment they take over the account. Eligible assignments that must be activated add a step the attacker has to pass and a record the security team sees.',
    references: [
      REFERENCES.scubaNoPermanentActive,
      REFERENCES.scubaPamOnly,
      REFERENCES.accountManagement,
      REFERENCES.leastPrivilege,
    ],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages: {
      standingUser:
        '{{role}} is assigned standing to the user {{principal}}: a phished session holds reset authority with no activation step. Make the user eligible (azuread_directory_role_eligibility_schedule_request) or assign the role to a PIM-governed group.',
      standingGroup:
        '{{role}} is assigned standing to the group {{principal}}, and {{reason}}: its members hold the role without activating it. Make the group role-assignable, bring members in through azuread_privileged_access_group_eligibility_schedule, and remove static members.',
      oktaUserRole:
        'Admin role {{role}} is assigned directly to the user {{principal}}: individual assignments escape group review and removal. Assign admin roles to a group (okta_group_role) and manage its membership instead.',
    },
  },
  check(ctx, report) {
    const reported = new Set<string>();
    const shortfallOf = oncePerResource((group) => groupShortfall(ctx, group));
    for (const grant of ctx.grants) {
      const key = `${grant.assignment.address}|${grant.principal?.address ?? ''}`;
      if (reported.has(key) || grant.activation !== 'active') continue;
      const p = grant.principal;
      if (p && (ctx.principals.isBreakGlass(p) || ctx.principals.isNonHuman(p))) continue;
      const outcome = grant.provider === 'okta' ? judgeOkta(grant) : judgeEntra(ctx, grant, shortfallOf);
      if (!outcome) continue;
      reported.add(key);
      const data = { role: grant.role.name, principal: p?.address ?? 'an unknown principal', ...outcome.data };
      report({ resource: grant.assignment, messageId: outcome.messageId, data });
    }
  },
  weakenings: [
    { types: ROLE_GRANT_TYPES, detect: newlyGranted },
    { types: ['azuread_group', 'okta_group_memberships', 'azuread_group_member'], detect: privilegedGroupJoined },
  ],
});

type Outcome =
  | { messageId: 'standingUser' | 'standingGroup' | 'oktaUserRole' | 'cannotVerify'; data?: Record<string, string> }
  | undefined;

function judgeOkta(grant: RoleGrant): Outcome {
  const a = grant.assignment;
  if (a.type === 'okta_group_role') return undefined;
  if (grant.principalUnknown)
    return {
      messageId: 'cannotVerify',
      data: { what: `whether ${a.address} assigns the role to a break-glass account`, why: 'the user is not known' },
    };
  if (a.type === 'okta_user_admin_roles' || grant.principal?.type === 'okta_user') return { messageId: 'oktaUserRole' };
  return undefined;
}

function judgeEntra(
  ctx: RuleContext,
  grant: RoleGrant,
  shortfallOf: (group: Resource) => string | Unknown | undefined,
): Outcome {
  const a = grant.assignment;
  if (!grant.role.known)
    return {
      messageId: 'cannotVerify',
      data: { what: `which role ${a.address} assigns`, why: 'the role is not a literal' },
    };
  if (!grant.role.resetAuthority && !grant.role.privileged) return undefined;
  const p = grant.principal;
  if (!p) {
    const why = grant.principalUnknown
      ? 'the principal is not known'
      : 'the principal is not managed in this configuration';
    return {
      messageId: 'cannotVerify',
      data: { what: `whether ${a.address} assigns ${grant.role.name} to a user or to a PIM-governed group`, why },
    };
  }
  if (ctx.principals.isUser(p)) return { messageId: 'standingUser' };
  if (!ctx.principals.isGroup(p)) return undefined;
  const reason = shortfallOf(p);
  if (reason instanceof Unknown)
    return {
      messageId: 'cannotVerify',
      data: { what: `whether ${p.address} is a PIM-governed group`, why: `${reason.expression} is not known` },
    };
  return reason ? { messageId: 'standingGroup', data: { reason } } : undefined;
}

/** Why a group holding a role is not just-in-time; undefined when it is. */
function groupShortfall(ctx: RuleContext, group: Resource): string | Unknown | undefined {
  const assignable = group.values.assignable_to_role;
  if (assignable instanceof Unknown) return new Unknown('assignable_to_role', []);
  if (assignable !== true) return 'it is not role-assignable (assignable_to_role is not true)';
  const members = ctx.principals.members(group);
  if (members.unknown) return new Unknown('members', []);
  const standing = members.resources.filter((m) => !ctx.principals.isBreakGlass(m));
  if (standing.length > 0) return `it has static members (${listed(standing.map((m) => m.address))})`;
  const schedules = ctx.principals.schedulesFor(group);
  const permanent = schedules.find((s) => s.kind === 'assigned' && s.schedule.values.permanent_assignment === true);
  if (permanent) return `${permanent.schedule.address} assigns membership permanently`;
  if (!schedules.some((s) => s.kind === 'eligible'))
    return 'no azuread_privileged_access_group_eligibility_schedule brings members in';
  return undefined;
}

// ------------------------------------------------------------ weakenings (W-PRIVILEGE)

/** A new role assignment that makes someone privileged or gives reset authority (a vendor's is RG-20's). */
function newlyGranted({ before, after, head }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (before || !after) return;
  for (const g of grantsOf(head, after)) {
    if (g.principal && head.principals.isVendor(g.principal)) continue;
    if (g.role.privileged || g.role.resetAuthority)
      report({
        kind: 'W-PRIVILEGE',
        attribute: 'role',
        before: 'none',
        after: g.role.name,
        message: `${g.principal?.address ?? 'an unknown principal'} is newly granted ${g.role.name}`,
      });
  }
}

/** Members added to a group that holds a privileged role: a new privileged assignment in all but name. */
function privilegedGroupJoined({ before, after, head }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (!after) return;
  const group =
    after.type === 'azuread_group'
      ? after
      : (head.target(after, after.type === 'azuread_group_member' ? 'group_object_id' : 'group_id') ?? undefined);
  if (!group || !head.principals.grantsHeldBy(group).some((g) => g.role.privileged)) return;
  const attribute =
    after.type === 'azuread_group' ? 'members' : after.type === 'azuread_group_member' ? 'member_object_id' : 'users';
  const added = addedElements(valueOn(before, attribute), valueOn(after, attribute));
  if (added.length > 0)
    report({
      kind: 'W-PRIVILEGE',
      attribute,
      before: shown(valueOn(before, attribute)),
      after: shown(valueOn(after, attribute)),
      message: `new members of ${group.address}, which holds a privileged role: ${added.join(', ')}`,
    });
}
