import {
  AccessPolicy,
  REGISTER_SECURITY_INFO,
  nonBreakGlassExclusions,
  requiresMfa,
} from '../tenant/conditional-access';
import type { RuleContext } from '../tenant/context';
import { ReportFn, defineRule } from '../engine/rule';
import { listed } from '../lists';
import { REFERENCES } from '../facts/references';

const messages = {
  noEntraPolicy:
    'No enabled conditional access policy protects registering security info: whoever holds a password (or a pass read out by the help desk) can enroll their own authenticator. Add an azuread_conditional_access_policy with included_user_actions = ["urn:user:registersecurityinfo"], included_users = ["All"], state = "enabled" and grant_controls requiring mfa, an authentication strength or a compliant device.',
  fallsShort:
    'Conditional access policy {{policy}} protects registering security info but {{shortfall}}: an attacker with a password can still enroll a factor. {{fix}}',
  noOktaAttestation:
    'Okta account-management policy rules cannot be managed with provider 4.20, and no RG-09 attestation says enrolling a factor needs more than a password: a reset password is enough to bind the attacker\'s authenticator. Add a terraform_data attestation with control = "RG-09".',
};

export default defineRule({
  meta: {
    id: 'RG-09',
    slug: 'enrollment-verified',
    title: 'Enrolling a new authenticator requires authentication stronger than a password reset',
    severity: 'high',
    csf: ['PR.AA-02'],
    rationale:
      'Binding a new authenticator is how a one-time takeover becomes permanent. If a reset password is enough to enroll a factor, the attacker who talked the help desk into a reset owns the account from then on.',
    references: [REFERENCES.nistBinding, REFERENCES.scubaManagedDeviceRegistration],
    providers: { okta: 'attestation', entra: 'configuration' },
    messages,
  },
  check(ctx, report) {
    if (ctx.providers.has('entra')) checkEntra(ctx, report);
    if (ctx.providers.has('okta')) {
      const attested = ctx.attested('RG-09');
      if (attested === 'no') report({ resource: null, messageId: 'noOktaAttestation' });
      else if (attested === 'unknown')
        report({
          resource: null,
          messageId: 'cannotVerify',
          data: { what: 'whether factor enrollment is attested (RG-09)', why: "an attestation's control is not known" },
        });
    }
  },
});

function checkEntra(ctx: RuleContext, report: ReportFn<keyof typeof messages>): void {
  const candidates = ctx.accessPolicies.filter(
    (p) => p.state !== 'report-only' && p.state !== 'disabled' && p.userActions.includes(REGISTER_SECURITY_INFO),
  );
  let shortfall: { policy: AccessPolicy; shortfall: string; fix: string } | undefined;
  // A policy whose user actions are not known may be the one: neither a pass nor "none exists".
  const mayBe = ctx.accessPolicies.find(
    (p) =>
      p.state !== 'report-only' &&
      p.state !== 'disabled' &&
      p.userActionsUnknown &&
      !p.userActions.includes(REGISTER_SECURITY_INFO),
  );
  let unknown: { policy: AccessPolicy; why: string } | undefined = mayBe && {
    policy: mayBe,
    why: 'its user actions are not known',
  };
  for (const p of candidates) {
    const grant = requiresMfa(p) || p.grant.compliantDevice;
    const exclusions = nonBreakGlassExclusions(ctx, p);
    if (p.state === 'unknown' || p.allUsers === undefined || grant === undefined || p.scopeUnknown) {
      unknown ??= {
        policy: p,
        why: p.state === 'unknown' ? 'its state is not known' : 'its users, exclusions or grant controls are not known',
      };
    } else if (!p.allUsers)
      shortfall ??= { policy: p, shortfall: 'does not cover all users', fix: 'Set included_users = ["All"].' };
    else if (!grant || p.grant.block)
      shortfall ??= {
        policy: p,
        shortfall: 'grants without a second factor',
        fix: 'Require mfa, an authentication strength or compliantDevice in grant_controls.',
      };
    else if (exclusions.length > 0)
      shortfall ??= {
        policy: p,
        shortfall: `excludes ${listed(exclusions)}`,
        fix: 'Exclude only break-glass accounts.',
      };
    else return;
  }
  if (unknown)
    report({
      resource: unknown.policy.resource,
      messageId: 'cannotVerify',
      data: {
        what: `whether ${unknown.policy.resource.address} protects security-info registration`,
        why: unknown.why,
      },
    });
  else if (shortfall)
    report({
      resource: shortfall.policy.resource,
      messageId: 'fallsShort',
      data: { policy: shortfall.policy.resource.address, shortfall: shortfall.shortfall, fix: shortfall.fix },
    });
  else report({ resource: null, messageId: 'noEntraPolicy' });
}
