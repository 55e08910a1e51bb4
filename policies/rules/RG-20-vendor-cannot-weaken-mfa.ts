import type { RuleContext } from '../tenant/context';
import type { RoleGrant } from '../tenant/grants';
import { defineRule } from '../engine/rule';
import { entraRoleById } from '../facts/entra-roles';
import type { Resource } from '../model/resource';
import { listed } from '../lists';
import { oncePerResource } from '../model/once';
import {
  PIM_SCHEDULE_TYPES,
  ROLE_GRANT_TYPES,
  type ResourcePair,
  type WeakeningReport,
  grantsOf,
  shown,
  valueOn,
} from '../engine/weakening';
import { REFERENCES } from '../facts/references';

export default defineRule({
  meta: {
    id: 'RG-20',
    slug: 'vendor-cannot-weaken-mfa',
    title: 'A vendor contract is no authority to weaken MFA',
    severity: 'critical',
    csf: ['GV.SC-07', 'PR.AA-05'],
    rationale:
      'Vendors and outsourced help desks are the favourite entry of help-desk social engineering: their staff are many, change often and are verified by someone else. They may reset scoped users; they must never hold a role that changes how everyone authenticates.',
    references: [REFERENCES.supplyChain, REFERENCES.oktaImpersonation],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages: {
      vendorChain:
        "Vendor {{vendor}} can reach {{target}} in {{count}} steps, starting with {{first}}: a third party inherits what others hold and can change how a privileged identity authenticates. Remove the first step (see the path) or the vendor's control over it.",
      vendorPrivileged:
        '{{role}} is granted through {{assignment}} to {{principal}}, {{vendor}}: a third party can change how everyone authenticates. Remove the assignment; give the vendor a scoped operator role at most, and keep policy, conditional access and security roles in-house.',
    },
  },
  check(ctx, report) {
    const reported = new Set<string>();
    const found = new Set<string>(); // assignments already reported: a chain that starts with one is the same defect
    const vendorOf = oncePerResource((p) => vendorIn(ctx, p));
    for (const grant of ctx.grants) {
      const p = grant.principal;
      const key = `${grant.assignment.address}|${p?.address ?? ''}`;
      if (!p || reported.has(key)) continue;
      const vendor = vendorOf(p);
      if (!vendor) continue;
      reported.add(key);
      if (!grant.role.known) {
        report({
          resource: grant.assignment,
          messageId: 'cannotVerify',
          data: { what: `which role ${grant.assignment.address} gives ${vendor}`, why: 'the role is not known' },
        });
      } else if (weakensAuthentication(grant)) {
        report({
          resource: grant.assignment,
          messageId: 'vendorPrivileged',
          data: { role: grant.role.name, assignment: grant.assignment.address, principal: p.address, vendor },
        });
        found.add(grant.assignment.address);
      }
    }
    // Transitive: a vendor who controls something that reaches a privileged identity. Its own reset
    // authority is RG-01's (unscoped) or RG-02's (scope holds an admin); here the first step is control.
    const anyVendor = ctx
      .resourcesOf('okta_user', 'okta_group', 'azuread_user', 'azuread_group', 'azuread_invitation')
      .some((r) => ctx.principals.isVendor(r));
    for (const path of anyVendor ? ctx.attackPaths : []) {
      const vendor = ctx.get(path.source);
      const first = path.steps[0];
      if (
        !vendor ||
        !ctx.principals.isVendor(vendor) ||
        first.kind === 'can reset' ||
        first.kind === 'holds app permission'
      )
        continue;
      const resource = ctx.get(first.resource);
      if (!resource || found.has(resource.address)) continue;
      report({
        resource,
        messageId: 'vendorChain',
        data: {
          vendor: vendor.address,
          target: path.target,
          count: path.steps.length,
          first: `${first.kind} ${first.to} (${first.resource})`,
        },
        path: path.steps,
      });
    }
  },
  weakenings: [
    { types: ROLE_GRANT_TYPES, detect: vendorGranted },
    { types: PIM_SCHEDULE_TYPES, detect: vendorJoinsRoleGroup },
  ],
});

/** Privileged roles, and on Entra any role that changes authentication policy or security settings. */
function weakensAuthentication(grant: RoleGrant): boolean {
  if (grant.role.privileged) return true;
  return grant.role.templateId !== undefined && entraRoleById(grant.role.templateId)?.changesAuthentication === true;
}

/** Describes the vendor behind a principal: itself, or vendor members of a group (static or through PIM). */
function vendorIn(ctx: RuleContext, p: Resource): string | undefined {
  if (ctx.principals.isVendor(p)) return 'a vendor principal';
  if (!ctx.principals.isGroup(p)) return undefined;
  const members: Resource[] = [
    ...ctx.principals.members(p).resources,
    ...ctx.principals.schedulesFor(p).flatMap((s) => (s.principal ? [s.principal] : [])),
  ];
  const vendors = members.filter((m) => ctx.principals.isVendor(m));
  return vendors.length > 0 ? `whose members include vendor ${listed(vendors.map((v) => v.address))}` : undefined;
}

// ------------------------------------------------------------ weakenings (W-VENDOR)

function vendorGranted({ before, after, head }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (before || !after) return;
  for (const g of grantsOf(head, after))
    if (g.principal && head.principals.isVendor(g.principal))
      report({
        kind: 'W-VENDOR',
        attribute: 'role',
        before: 'none',
        after: g.role.name,
        message: `vendor ${g.principal.address} is given ${g.role.name}`,
      });
}

function vendorJoinsRoleGroup({ before, after, head }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (before || !after) return;
  const principal = head.target(after, 'principal_id');
  if (principal && head.principals.isVendor(principal))
    report({
      kind: 'W-VENDOR',
      attribute: 'group_id',
      before: 'none',
      after: shown(valueOn(after, 'group_id')),
      message: `vendor ${principal.address} gains membership of a role-holding group`,
    });
}
