import type { RuleContext } from '../tenant/context';
import { PRIVILEGED_ROLE_ADMINISTRATOR } from '../facts/entra-roles';
import { ReportFn, defineRule } from '../engine/rule';
import { OKTA_CREDENTIAL_PERMISSIONS, OKTA_SELF_GRANT_PERMISSIONS } from '../facts/okta-roles';
import { shortestChain } from '../graph/paths';
import type { EdgeKind, GraphEdge } from '../graph/reset-graph';
import type { Resource } from '../model/resource';
import { Unknown, literalStrings, valueAt } from '../model/value';
import { addTo } from '../lists';
import { type ResourcePair, type WeakeningReport, approversAdded, shown, valueOn } from '../engine/weakening';
import { REFERENCES } from '../facts/references';

const messages = {
  approverReachable:
    'Group role management policy {{policy}} is approved by {{approver}}, and {{member}}, who is eligible for {{group}}, can make themselves an approver in {{count}} steps: they approve their own activation. Break the chain (see the path) or choose approvers no eligible member can join.',
  selfApproval:
    'Group role management policy {{policy}} lets {{approver}} approve activations of {{group}}, and {{why}}: a requester can approve their own request. Name an approver group the eligible members are not in (a supervisor group).',
  packageNoApproval:
    'Access package policy {{policy}} grants {{grant}} without approval: anyone in its requestor scope gives themselves reset authority. Set approval_settings.approval_required = true with a supervisor group as primary_approver.',
  packageSelfApproval:
    'Access package policy {{policy}} grants {{grant}} and its approver {{approver}} is also a requestor: people can approve their own access. Name approvers outside requestor_settings.',
  oktaSelfGrant:
    'Custom role {{role}} can reset credentials and also holds {{permissions}}: the operator can edit the profile that receives recovery links, or add users (themselves included) to groups they can then reset. Split these permissions into separate roles held by different people.',
  separationOfDuties:
    '{{principal}} holds reset authority ({{reset}}) and Privileged Role Administrator through {{assignment}}: it can grant itself any role and reset whoever holds it. Give role administration and reset authority to different principals.',
};

export default defineRule({
  meta: {
    id: 'RG-05',
    slug: 'no-self-approval',
    title: 'Nobody approves or grants their own access',
    severity: 'critical',
    csf: ['PR.AA-05'],
    rationale:
      'Supervisory approval protects only when the supervisor is someone else. An approver who is also a requester, or an operator who can grant itself membership, turns the approval step into a formality an attacker passes alone.',
    references: [REFERENCES.separationOfDuties, REFERENCES.scubaApproval, REFERENCES.msPimApproval],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages,
  },
  check(ctx, report) {
    checkActivationApprovers(ctx, report);
    checkAccessPackages(ctx, report);
    checkOktaRoles(ctx, report);
    checkSeparationOfDuties(ctx, report);
  },
  weakenings: [
    { types: ['azuread_group_role_management_policy'], detect: approverIsOperator },
    { types: ['azuread_access_package_assignment_policy'], detect: approvalDropped },
  ],
});

type Reporter = ReportFn<keyof typeof messages>;

function checkActivationApprovers(ctx: RuleContext, report: Reporter): void {
  for (const policy of ctx.resourcesOf('azuread_group_role_management_policy')) {
    const group = ctx.target(policy, 'group_id');
    if (!group) continue;
    const approvers = ctx.targets(policy, 'activation_rules.approval_stage.primary_approver.object_id');
    const eligible = ctx.principals.schedulesFor(group).flatMap((s) => (s.principal ? [s.principal] : []));
    const theirGroups = new Set(eligible.flatMap((p) => ctx.principals.groupsOf(p)));
    let flagged = false;
    for (const approver of approvers.resources) {
      const why =
        approver === group
          ? 'it is the group being activated'
          : eligible.includes(approver)
            ? 'it is one of the eligible members'
            : theirGroups.has(approver)
              ? 'eligible members belong to it'
              : undefined;
      if (why) {
        report({
          resource: policy,
          messageId: 'selfApproval',
          data: { policy: policy.address, approver: approver.address, group: group.address, why },
        });
        flagged = true;
        break;
      }
    }
    if (!flagged && approvers.unknown)
      report({
        resource: policy,
        messageId: 'cannotVerify',
        data: { what: `who approves activations in ${policy.address}`, why: 'the approver is not known' },
      });
    if (flagged) continue;
    // Transitive: an eligible member who can make themselves an approver (own the approver group, add members to it…).
    // A chain through an activation these approvers approve is no self-approval: they consent before its first step.
    const guarded = guardedGroups(ctx, approvers.resources);
    guarded.add(group.address);
    const acting = (edge: GraphEdge) =>
      ACTING.has(edge.kind) && !(edge.kind === 'eligible for' && guarded.has(edge.to));
    for (const e of eligible) {
      const chain = approvers.resources
        .map((a) => shortestChain(ctx.resetGraph, e.address, a.address, acting))
        .find((c) => c !== undefined);
      if (!chain) continue;
      report({
        resource: policy,
        messageId: 'approverReachable',
        data: {
          policy: policy.address,
          group: group.address,
          member: e.address,
          approver: chain[chain.length - 1].to,
          count: chain.length,
        },
        path: chain,
      });
      break;
    }
  }
}

/** Edges by which a principal comes to act as another: the steps that make an eligible member an approver. */
const ACTING: ReadonlySet<EdgeKind> = new Set(['member of', 'can add members to', 'owns', 'acts as', 'eligible for']);

/**
 * Groups whose activation only these approvers approve: every approver of
 * their role management policy is one of `approvers`. Activating one of
 * them needs these approvers' consent first.
 */
function guardedGroups(ctx: RuleContext, approvers: readonly Resource[]): Set<string> {
  const out = new Set<string>();
  const byApprover = approvedGroups(ctx);
  // Only policies that name one of these approvers can be guarded by them: no scan of every policy per policy.
  for (const a of approvers) {
    for (const { group, approvers: theirs } of byApprover.get(a) ?? [])
      if (theirs.every((x) => approvers.includes(x))) out.add(group.address);
  }
  return out;
}

const approvedCache = new WeakMap<RuleContext, Map<Resource, { group: Resource; approvers: readonly Resource[] }[]>>();

/** Each activation policy with known approvers, indexed by each of its approvers; built once per stack. */
function approvedGroups(ctx: RuleContext): Map<Resource, { group: Resource; approvers: readonly Resource[] }[]> {
  let out = approvedCache.get(ctx);
  if (!out) {
    approvedCache.set(ctx, (out = new Map()));
    for (const policy of ctx.resourcesOf('azuread_group_role_management_policy')) {
      const group = ctx.target(policy, 'group_id');
      const theirs = ctx.targets(policy, 'activation_rules.approval_stage.primary_approver.object_id');
      if (!group || theirs.unknown || theirs.resources.length === 0) continue;
      for (const a of new Set(theirs.resources)) addTo(out, a, { group, approvers: theirs.resources });
    }
  }
  return out;
}

/** Groups that hold reset authority, reachable from an access package through its resource associations. */
function resetGroupsOfPackage(ctx: RuleContext, accessPackage: Resource): Resource[] {
  const out: Resource[] = [];
  for (const association of ctx.resourcesOf('azuread_access_package_resource_package_association')) {
    if (ctx.target(association, 'access_package_id') !== accessPackage) continue;
    const catalogAssociation = ctx.target(association, 'catalog_resource_association_id');
    const group = catalogAssociation && ctx.target(catalogAssociation, 'resource_origin_id');
    if (group && ctx.principals.grantsHeldBy(group).some((g) => g.role.resetAuthority)) out.push(group);
  }
  return out;
}

function checkAccessPackages(ctx: RuleContext, report: Reporter): void {
  for (const policy of ctx.resourcesOf('azuread_access_package_assignment_policy')) {
    const accessPackage = ctx.target(policy, 'access_package_id');
    const groups = accessPackage ? resetGroupsOfPackage(ctx, accessPackage) : [];
    if (groups.length === 0) continue;
    const grant = groups.map((g) => g.address).join(', ');
    const required = valueAt(policy.values, 'approval_settings.approval_required');
    if (required instanceof Unknown) {
      report({
        resource: policy,
        messageId: 'cannotVerify',
        data: { what: `whether ${policy.address} needs approval`, why: 'approval_required is not known' },
      });
      continue;
    }
    if (required !== true) {
      report({ resource: policy, messageId: 'packageNoApproval', data: { policy: policy.address, grant } });
      continue;
    }
    const approvers = ctx.targets(policy, 'approval_settings.approval_stage.primary_approver.object_id').resources;
    const requestors = ctx.targets(policy, 'requestor_settings.requestor.object_id').resources;
    const requestorGroups = new Set([...requestors, ...requestors.flatMap((r) => ctx.principals.groupsOf(r))]);
    const self = approvers.find(
      (a) =>
        requestorGroups.has(a) || groups.includes(a) || ctx.principals.groupsOf(a).some((g) => requestors.includes(g)),
    );
    if (self)
      report({
        resource: policy,
        messageId: 'packageSelfApproval',
        data: { policy: policy.address, grant, approver: self.address },
      });
  }
}

function checkOktaRoles(ctx: RuleContext, report: Reporter): void {
  for (const role of ctx.resourcesOf('okta_admin_role_custom')) {
    const permissions = role.values.permissions;
    const list = literalStrings(permissions);
    if (!list.some((p) => OKTA_CREDENTIAL_PERMISSIONS.has(p))) {
      if (permissions instanceof Unknown)
        report({
          resource: role,
          messageId: 'cannotVerify',
          data: { what: `the permissions of ${role.address}`, why: 'they are not known' },
        });
      continue;
    }
    const conflicting = OKTA_SELF_GRANT_PERMISSIONS.filter((p) => list.includes(p));
    if (conflicting.length > 0)
      report({
        resource: role,
        messageId: 'oktaSelfGrant',
        data: { role: role.address, permissions: conflicting.join(', ') },
      });
  }
}

function checkSeparationOfDuties(ctx: RuleContext, report: Reporter): void {
  const reported = new Set<Resource>();
  for (const grant of ctx.grants) {
    const p = grant.principal;
    if (
      grant.role.templateId !== PRIVILEGED_ROLE_ADMINISTRATOR ||
      !p ||
      reported.has(p) ||
      ctx.principals.isBreakGlass(p)
    )
      continue;
    const reset = ctx.principals.grantsHeldBy(p).filter((g) => g.role.resetAuthority);
    if (reset.length === 0) continue;
    reported.add(p);
    report({
      resource: grant.assignment,
      messageId: 'separationOfDuties',
      data: {
        principal: p.address,
        reset: [...new Set(reset.map((g) => g.role.name))].join(', '),
        assignment: grant.assignment.address,
      },
    });
  }
}

// ------------------------------------------------------------ weakenings (W-APPROVAL)

function approverIsOperator(pair: ResourcePair, report: (w: WeakeningReport) => void): void {
  const approvers = approversAdded(pair);
  if (approvers?.toOperators)
    report({
      kind: 'W-APPROVAL',
      attribute: approvers.path,
      before: shown(valueOn(pair.before, approvers.path)),
      after: shown(valueOn(pair.after, approvers.path)),
      message: `the approver is now one of the operators (${approvers.added.join(', ')})`,
    });
}

function approvalDropped({ before, after }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (!before || !after) return;
  const b = valueOn(before, 'approval_settings.approval_required');
  const a = valueOn(after, 'approval_settings.approval_required');
  if (b === true && a !== true)
    report({
      kind: 'W-APPROVAL',
      attribute: 'approval_settings.approval_required',
      before: shown(b),
      after: shown(a),
      message: 'access is granted without approval',
    });
}
