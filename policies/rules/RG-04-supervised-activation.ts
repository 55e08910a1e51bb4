import type { RuleContext } from '../tenant/context';
import { durationHours } from '../model/time';
import { graphUpdates } from '../tenant/msgraph';
import { ReportFn, defineRule } from '../engine/rule';
import type { Resource } from '../model/resource';
import { Unknown, Value, elements, isObject, valueAt } from '../model/value';
import { type ResourcePair, type WeakeningReport, approversAdded, shown, valueOn, sidesOf } from '../engine/weakening';
import { REFERENCES } from '../facts/references';

const messages = {
  noPolicy:
    'Group {{group}} holds {{role}} and members activate it through PIM, but no azuread_group_role_management_policy (role_id = "member") governs activation: Microsoft\'s defaults need no approval and no ticket. Add one with activation_rules requiring approval by a supervisor group, justification, ticket info and a maximum_duration of at most PT{{hours}}H.',
  weakActivation:
    'Group role management policy {{policy}} lets members activate {{role}} {{shortfall}}: a caller who talks their way into an eligible account activates without a second person. Set {{fix}} in activation_rules.',
  noRoleApproval:
    "{{request}} makes {{principal}} eligible for {{role}}, but azuread cannot manage that role's PIM settings and nothing shows activation needs approval. Add a msgraph_update_resource on the role's Approval_EndUser_Assignment rule with setting.isApprovalRequired = true, or an RG-04 attestation whose subject is this request.",
  noOktaAttestation:
    '{{role}} granted by {{assignment}} is standing in Okta, with no activation step to approve; no RG-04 attestation says changes to its holders need a supervisor\'s approval and a ticket. Add a terraform_data attestation with control = "RG-04" (subject: this assignment or its group) naming the approval process as evidence.',
};

export default defineRule({
  meta: {
    id: 'RG-04',
    slug: 'supervised-activation',
    title:
      "Activating reset authority needs a supervisor's approval, a justification and ticket metadata, and lasts a bounded time",
    severity: 'high',
    csf: ['PR.AA-05'],
    rationale:
      'Sensitive changes need ticket metadata, call-back validation and supervisory approval. When activating reset authority needs a second person and a ticket, one convincing phone call is no longer enough.',
    references: [
      REFERENCES.scubaApproval,
      REFERENCES.msPimForGroups,
      REFERENCES.msPimApproval,
      REFERENCES.separationOfDuties,
    ],
    providers: { okta: 'attestation', entra: 'configuration or attestation' },
    messages,
  },
  check(ctx, report) {
    checkPimGroups(ctx, report);
    checkRoleEligibility(ctx, report);
    checkOkta(ctx, report);
  },
  weakenings: [{ types: ['azuread_group_role_management_policy'], detect: activationLoosened }],
});

type Reporter = ReportFn<keyof typeof messages>;

function checkPimGroups(ctx: RuleContext, report: Reporter): void {
  const hours = ctx.config.thresholds.pimMaxActivationHours;
  // Indexed once by group: a scan per group is quadratic on a tenant of thousands of PIM groups.
  const memberPolicy = new Map<Resource, Resource>();
  for (const p of ctx.resourcesOf('azuread_group_role_management_policy')) {
    const target = ctx.target(p, 'group_id');
    if (target && p.values.role_id !== 'owner' && !memberPolicy.has(target)) memberPolicy.set(target, p);
  }
  const seen = new Set<Resource>();
  for (const grant of ctx.grants) {
    const group = grant.principal;
    if (
      grant.provider !== 'entra' ||
      !grant.role.resetAuthority ||
      !group ||
      !ctx.principals.isGroup(group) ||
      seen.has(group)
    )
      continue;
    if (ctx.principals.isBreakGlass(group) || !ctx.principals.schedulesFor(group).some((s) => s.kind === 'eligible'))
      continue;
    seen.add(group);
    const policy = memberPolicy.get(group);
    if (!policy) {
      report({ resource: group, messageId: 'noPolicy', data: { group: group.address, role: grant.role.name, hours } });
      continue;
    }
    const rules = valueAt(policy.values, 'activation_rules');
    if (rules === undefined) {
      report({
        resource: policy,
        messageId: 'weakActivation',
        data: {
          policy: policy.address,
          role: grant.role.name,
          shortfall: 'with no activation rules at all',
          fix: `require_approval = true with a primary_approver, require_justification = true, require_ticket_info = true, maximum_duration = "PT${hours}H"`,
        },
      });
      continue;
    }
    const shortfalls = activationShortfalls(policy, hours);
    if (shortfalls instanceof Unknown)
      report({
        resource: policy,
        messageId: 'cannotVerify',
        data: { what: `the activation rules of ${policy.address}`, why: `${shortfalls.expression} is not known` },
      });
    else if (shortfalls.length > 0)
      report({
        resource: policy,
        messageId: 'weakActivation',
        data: {
          policy: policy.address,
          role: grant.role.name,
          shortfall: shortfalls.map((s) => s.what).join(', '),
          fix: shortfalls.map((s) => s.fix).join(', '),
        },
      });
  }
}

interface Shortfall {
  readonly what: string;
  readonly fix: string;
}

function activationShortfalls(policy: Resource, hours: number): Shortfall[] | Unknown {
  const at = (path: string): Value | undefined => valueAt(policy.values, `activation_rules.${path}`);
  const out: Shortfall[] = [];
  for (const [path, what] of [
    ['require_approval', 'without approval'],
    ['require_justification', 'without a justification'],
    ['require_ticket_info', 'without a ticket'],
  ] as const) {
    const v = at(path);
    if (v instanceof Unknown) return new Unknown(path, []);
    if (v !== true) out.push({ what, fix: `${path} = true` });
  }
  if (at('require_approval') === true) {
    const approvers = at('approval_stage.primary_approver');
    if (approvers instanceof Unknown) return new Unknown('primary_approver', []);
    if (elements(approvers).length === 0)
      out.push({
        what: 'with approval required but no approver',
        fix: 'approval_stage.primary_approver naming the supervisor group',
      });
  }
  const duration = at('maximum_duration');
  if (duration instanceof Unknown) return new Unknown('maximum_duration', []);
  const h = typeof duration === 'string' ? durationHours(duration) : undefined;
  if (h === undefined || h > hours)
    out.push({
      what: duration === undefined ? "for the tenant's default time" : `for ${String(duration)}`,
      fix: `maximum_duration = "PT${hours}H" or less`,
    });
  return out;
}

function checkRoleEligibility(ctx: RuleContext, report: Reporter): void {
  const approvalRules = graphUpdates(ctx, /\/rules\/Approval_EndUser_Assignment\/?$/i);
  const approvalRequired = approvalRules.some(
    ({ body }) => isObject(body) && isObject(body.setting) && body.setting.isApprovalRequired === true,
  );
  const approvalUnknown = approvalRules.some(
    ({ body }) =>
      body instanceof Unknown ||
      (isObject(body) &&
        (body.setting instanceof Unknown ||
          (isObject(body.setting) && body.setting.isApprovalRequired instanceof Unknown))),
  );
  for (const grant of ctx.grants) {
    const request = grant.assignment;
    if (request.type !== 'azuread_directory_role_eligibility_schedule_request' || !grant.role.resetAuthority) continue;
    if (grant.principal && ctx.principals.isBreakGlass(grant.principal)) continue;
    const attested = ctx.attested('RG-04', [request]);
    if (attested === 'yes' || approvalRequired) continue;
    if (attested === 'unknown' || approvalUnknown)
      report({
        resource: request,
        messageId: 'cannotVerify',
        data: {
          what: `whether activating ${grant.role.name} through ${request.address} needs approval`,
          why: 'the approval setting or an attestation is not known',
        },
      });
    else
      report({
        resource: request,
        messageId: 'noRoleApproval',
        data: {
          request: request.address,
          principal: grant.principal?.address ?? 'an unknown principal',
          role: grant.role.name,
        },
      });
  }
}

function checkOkta(ctx: RuleContext, report: Reporter): void {
  const reported = new Set<Resource>();
  for (const grant of ctx.grants) {
    if (grant.provider !== 'okta' || !grant.role.resetAuthority || reported.has(grant.assignment)) continue;
    const p = grant.principal;
    if (p && (ctx.principals.isBreakGlass(p) || ctx.principals.isNonHuman(p))) continue;
    reported.add(grant.assignment);
    const attested = ctx.attested('RG-04', p ? [grant.assignment, p] : [grant.assignment]);
    if (attested === 'unknown')
      report({
        resource: grant.assignment,
        messageId: 'cannotVerify',
        data: {
          what: `whether ${grant.assignment.address} is attested for RG-04`,
          why: "an attestation's control is not known",
        },
      });
    else if (attested === 'no')
      report({
        resource: grant.assignment,
        messageId: 'noOktaAttestation',
        data: { role: grant.role.name, assignment: grant.assignment.address },
      });
  }
}

// ------------------------------------------------------------ weakenings (W-APPROVAL)

/** An activation policy removed, a requirement dropped, the approver changed (to the operators: RG-05's), activations made longer. */
function activationLoosened(pair: ResourcePair, report: (w: WeakeningReport) => void): void {
  const { before, after } = pair;
  if (before && !after) {
    report({
      kind: 'W-APPROVAL',
      attribute: 'activation_rules',
      before: 'managed',
      after: 'removed',
      message: "the activation policy is removed: Microsoft's defaults need no approval and no ticket",
    });
    return;
  }
  if (!before || !after) return;
  for (const flag of [
    'require_approval',
    'require_justification',
    'require_ticket_info',
    'require_multifactor_authentication',
  ]) {
    const b = valueOn(before, `activation_rules.${flag}`);
    const a = valueOn(after, `activation_rules.${flag}`);
    if (b === true && a !== true)
      report({
        kind: 'W-APPROVAL',
        attribute: `activation_rules.${flag}`,
        before: shown(b),
        after: shown(a),
        message: `${flag.replace(/_/g, ' ')} is no longer required to activate`,
      });
  }
  const approvers = approversAdded(pair);
  if (approvers && !approvers.toOperators)
    report({
      kind: 'W-APPROVAL',
      ...sidesOf({ before, after }, approvers.path),
      message: `the approver changed to ${approvers.added.join(', ')}`,
    });
  const hours = (v: Value | undefined) => (typeof v === 'string' ? durationHours(v) : undefined);
  const b = hours(valueOn(before, 'activation_rules.maximum_duration'));
  const a = hours(valueOn(after, 'activation_rules.maximum_duration'));
  if (b !== undefined && (a === undefined || a > b))
    report({
      kind: 'W-APPROVAL',
      ...sidesOf({ before, after }, 'activation_rules.maximum_duration'),
      message: 'activations last longer',
    });
}
