import { OKTA_STATUS_TYPES } from '../engine/okta-signon';
import { defineRule } from '../engine/rule';
import { Unknown } from '../model/value';


export default defineRule({
  meta: {
    id: 'RG-23',
    slug: 'policies-enforced',
    title: 'A control in report-only mode is not a control',
    severity: 'medium',
    csf: ['PR.AA-03'],
    rationale:
      'A policy left in report-only or disabled looks like protection in review and stops nothing in an attack. Rules that rely on a policy treat an unenforced one as missing; this rule names it so someone switches it on or deletes it.',
    references: ['CISA SCuBA MS.AAD.3.x (policies must be enforced)', 'Microsoft: conditional access report-only mode'],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages: {
      entraNotEnforced:
        'Conditional access policy {{policy}} is {{state}}: it reports what it would do and blocks nothing, so every rule that relies on it treats it as missing. Set state = "enabled" once its report shows it is safe.',
      oktaInactive:
        '{{policy}} is INACTIVE: Okta skips it, so the users it names fall through to a weaker policy or rule. Set status = "ACTIVE" or remove it.',
    },
  },
  check(ctx, report) {
    for (const p of ctx.accessPolicies) {
      if (p.state === 'enabled') continue;
      const policy = p.resource;
      if (p.state === 'unknown') {
        const state = policy.values.state;
        if (state instanceof Unknown) report({ resource: policy, messageId: 'cannotVerify', data: { what: `whether ${policy.address} is enforced`, why: `state is ${String(state)}` } });
        else report({ resource: policy, messageId: 'entraNotEnforced', data: { policy: policy.address, state: `in state ${JSON.stringify(state ?? null)}` } });
        continue;
      }
      report({ resource: policy, messageId: 'entraNotEnforced', data: { policy: policy.address, state: p.state === 'report-only' ? 'report-only (enabledForReportingButNotEnforced)' : 'disabled' } });
    }
    for (const r of ctx.stack.resources) {
      if (!r.type.startsWith('okta_') || !OKTA_STATUS_TYPES.test(r.type)) continue;
      const status = r.values.status;
      if (status instanceof Unknown) report({ resource: r, messageId: 'cannotVerify', data: { what: `whether ${r.address} is active`, why: `status is ${String(status)}` } });
      else if (status === 'INACTIVE') report({ resource: r, messageId: 'oktaInactive', data: { policy: r.address } });
    }
  },
});
