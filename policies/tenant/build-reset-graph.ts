/** Builds the reset-authority graph (see ../graph/reset-graph) from one tenant's principals, grants, scopes and policies. */
import { APPLICATION_TYPES, applicationOf } from './applications';
import type { RuleContext } from './context';
import { PROVIDER_NAME, type Provider } from '../facts/providers';
import { containerMembers, scopeMembers } from './scopes';
import { GRAPH_EDGE_PERMISSIONS } from '../facts/graph-permissions';
import { graphResetPermissionOf } from './applications';
import { OKTA_MEMBERSHIP_PERMISSIONS, OKTA_RESET_SCOPES, changesOktaAuthentication } from '../facts/okta-roles';
import { PRIVILEGED_ROLE_ADMINISTRATOR, entraRoleById } from '../facts/entra-roles';
import type { Resource } from '../model/resource';
import type { EdgeKind, GraphEdge, GraphNode, ResetGraph } from '../graph/reset-graph';
import { literalStrings } from '../model/value';

const PRINCIPAL_TYPES = new Set([
  'okta_user',
  'azuread_user',
  'azuread_invitation',
  'okta_group',
  'azuread_group',
  ...APPLICATION_TYPES,
  'azuread_service_principal',
  'okta_app_oauth',
]);

function kindOf(r: Resource): GraphNode['kind'] {
  if (r.type.endsWith('_group')) return 'group';
  if (r.type === 'azuread_service_principal') return 'service principal';
  if (APPLICATION_TYPES.includes(r.type) || r.type === 'okta_app_oauth') return 'application';
  return 'user';
}

export function buildResetGraph(ctx: RuleContext): ResetGraph {
  const p = ctx.principals;
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const node = (r: Resource): string => {
    if (!nodes.has(r.address)) {
      const target = p.isPrivileged(r) || p.isBreakGlass(r);
      nodes.set(r.address, { id: r.address, label: r.address, kind: kindOf(r), resource: r, target, source: !target });
    }
    return r.address;
  };
  const virtual = (
    id: string,
    label: string,
    kind: GraphNode['kind'],
    target = false,
    container?: Resource,
  ): string => {
    if (!nodes.has(id))
      nodes.set(id, { id, label, kind, target, source: false, ...(container ? { container: container.address } : {}) });
    return id;
  };
  const edge = (from: string, to: string, kind: EdgeKind, resource: Resource, detail?: string) =>
    edges.push({ from, to, kind, resource: resource.address, ...(detail ? { detail } : {}) });

  for (const r of ctx.stack.resources) if (PRINCIPAL_TYPES.has(r.type)) node(r);

  // Membership, static and through PIM for Groups; an approver who is also eligible approves themselves.
  for (const g of ctx.resourcesOf('okta_group', 'azuread_group')) {
    for (const m of p.members(g).resources)
      if (PRINCIPAL_TYPES.has(m.type)) edge(node(m), node(g), 'member of', p.membershipOf(m, g) ?? g);
    for (const s of p.schedulesFor(g))
      if (s.principal)
        edge(node(s.principal), node(g), s.kind === 'eligible' ? 'eligible for' : 'member of', s.schedule);
    if (g.values.owners !== undefined)
      for (const owner of ctx.targets(g, 'owners').resources)
        if (PRINCIPAL_TYPES.has(owner.type)) edge(node(owner), node(g), 'can add members to', g, 'owner');
  }
  for (const policy of ctx.resourcesOf('azuread_group_role_management_policy')) {
    const group = ctx.target(policy, 'group_id');
    if (!group) continue;
    const approvers = ctx.targets(policy, 'activation_rules.approval_stage.primary_approver.object_id').resources;
    for (const s of p.schedulesFor(group)) {
      const e = s.principal;
      if (e && approvers.some((a) => a === e || p.groupsOf(e).includes(a)))
        edge(node(e), node(group), 'approves own activation of', policy);
    }
  }

  // Role grants: reset authority over a scope, changing authentication policy, managing membership.
  const scopeNode = (container: Resource) => {
    const id = `users in ${container.address}`;
    if (!nodes.has(id)) {
      virtual(id, id, 'scope', false, container);
      const members = containerMembers(ctx, container).resources;
      // A group in an administrative unit is in scope as an object, not through its members: resetting reaches users only.
      for (const m of members)
        if (PRINCIPAL_TYPES.has(m.type) && m.type !== 'azuread_group')
          edge(id, node(m), 'includes', p.membershipOf(m, container) ?? container);
    }
    return id;
  };
  const directory = (provider: Provider) => {
    const id = `every ${PROVIDER_NAME[provider]} user`;
    if (!nodes.has(id)) {
      virtual(id, id, 'scope');
      for (const u of ctx.resourcesOf(
        ...(provider === 'okta' ? ['okta_user'] : ['azuread_user', 'azuread_invitation']),
      ))
        edge(id, node(u), 'includes', u);
    }
    return id;
  };
  const policyNode = (provider: Provider) =>
    virtual(
      `authentication policy (${PROVIDER_NAME[provider]})`,
      `how every ${PROVIDER_NAME[provider]} user signs in and recovers`,
      'policy',
      true,
    );

  for (const g of ctx.grants) {
    if (!g.principal || !PRINCIPAL_TYPES.has(g.principal.type)) continue;
    const from = node(g.principal);
    if (g.role.resetAuthority) {
      if (g.scope.kind === 'organisation' || g.scope.kind === 'other')
        edge(from, directory(g.provider), 'can reset', g.assignment, g.role.name);
      else
        for (const c of scopeMembers(ctx, g.scope)?.groups ?? [])
          edge(from, scopeNode(c), 'can reset', g.assignment, g.role.name);
    }
    const changesPolicy = g.role.templateId
      ? entraRoleById(g.role.templateId)?.changesAuthentication === true
      : g.role.topRole || (g.role.permissions ?? []).some(changesOktaAuthentication);
    if (changesPolicy) edge(from, policyNode(g.provider), 'can change', g.assignment, g.role.name);
    // Privileged Role Administrator can grant any role, Global Administrator included: as much as changing the policy.
    else if (g.role.templateId === PRIVILEGED_ROLE_ADMINISTRATOR)
      edge(from, policyNode('entra'), 'can change', g.assignment, `${g.role.name} (grants any role)`);
    // Okta: GROUP_MEMBERSHIP_ADMIN, or group permissions, over the groups its scope names as objects.
    const managesMembers =
      g.role.name === 'GROUP_MEMBERSHIP_ADMIN' ||
      (g.role.permissions ?? []).some((x) => (OKTA_MEMBERSHIP_PERMISSIONS as readonly string[]).includes(x));
    if (managesMembers)
      for (const c of scopeMembers(ctx, g.scope)?.objects ?? [])
        edge(from, node(c), 'can add members to', g.assignment, g.role.name);
    // Entra: group management over the tenant (or a unit) reaches every group that is not role-assignable there.
    if (g.role.templateId && entraRoleById(g.role.templateId)?.managesGroups) {
      const inUnit =
        g.scope.kind === 'administrative-unit'
          ? (scopeMembers(ctx, g.scope)?.groups ?? []).flatMap((u) => p.unitMembers(u).resources)
          : undefined;
      for (const group of inUnit ?? ctx.resourcesOf('azuread_group')) {
        if (group.type === 'azuread_group' && group.values.assignable_to_role !== true && group !== g.principal)
          edge(from, node(group), 'can add members to', g.assignment, g.role.name);
      }
    }
  }

  // Applications: owners act as the application (they can add credentials), the application as its service principal.
  for (const app of ctx.resourcesOf(...APPLICATION_TYPES))
    for (const o of ctx.targets(app, 'owners').resources)
      if (PRINCIPAL_TYPES.has(o.type)) edge(node(o), node(app), 'owns', app);
  for (const link of ctx.resourcesOf('azuread_application_owner')) {
    const app = applicationOf(ctx, link);
    const owner = ctx.target(link, 'owner_object_id');
    if (app && owner) edge(node(owner), node(app), 'owns', link);
  }
  for (const sp of ctx.resourcesOf('azuread_service_principal')) {
    const app = applicationOf(ctx, sp);
    if (app) edge(node(app), node(sp), 'acts as', sp);
    for (const o of ctx.targets(sp, 'owners').resources)
      if (PRINCIPAL_TYPES.has(o.type)) edge(node(o), node(sp), 'owns', sp);
  }
  for (const a of ctx.resourcesOf('azuread_app_role_assignment')) {
    const permission = graphResetPermissionOf(a.values.app_role_id);
    const sp = ctx.target(a, 'principal_object_id');
    const other =
      typeof a.values.app_role_id === 'string'
        ? GRAPH_EDGE_PERMISSIONS.get(a.values.app_role_id.toLowerCase())
        : undefined;
    if (sp && other === 'changes federation')
      edge(node(sp), policyNode('entra'), 'can change', a, 'Domain.ReadWrite.All (federation)');
    if (sp && other === 'adds group members') {
      for (const group of ctx.resourcesOf('azuread_group'))
        if (group.values.assignable_to_role !== true)
          edge(node(sp), node(group), 'can add members to', a, 'GroupMember.ReadWrite.All');
    }
    if (!permission || !sp) continue;
    const to = /Policy\.ReadWrite|RoleManagement/.test(permission) ? policyNode('entra') : directory('entra');
    edge(node(sp), to, 'holds app permission', a, permission);
  }
  for (const s of ctx.resourcesOf('okta_app_oauth_api_scope')) {
    const app = ctx.target(s, 'app_id');
    if (app && literalStrings(s.values.scopes).some((x) => (OKTA_RESET_SCOPES as readonly string[]).includes(x)))
      edge(node(app), directory('okta'), 'holds app permission', s, literalStrings(s.values.scopes).join(', '));
  }
  // MFA exemptions: whoever joins an excluded group, or takes over an excluded user, signs in without the MFA the policy requires (RG-08).
  const exemption = (policy: Resource) => {
    const id = `exempt from ${policy.address}`;
    if (!nodes.has(id))
      nodes.set(id, {
        id,
        label: `signs in without the MFA ${policy.address} requires`,
        kind: 'exemption',
        target: false,
        source: false,
        exemption: true,
      });
    return id;
  };
  for (const policy of ctx.accessPolicies) {
    if (policy.state !== 'enabled' || !(policy.grant.mfa || policy.grant.strength !== undefined)) continue;
    for (const x of [...policy.excludedGroups, ...policy.excludedUsers])
      if (PRINCIPAL_TYPES.has(x.type)) edge(node(x), exemption(policy.resource), 'excluded from', policy.resource);
  }
  for (const rule of ctx.oktaSignOnRules) {
    if (rule.active === false || rule.twoFactor === false) continue;
    for (const x of [...rule.groupsExcluded.resources, ...rule.usersExcluded.resources])
      if (PRINCIPAL_TYPES.has(x.type)) edge(node(x), exemption(rule.resource), 'excluded from', rule.resource);
  }
  return { nodes, edges };
}
