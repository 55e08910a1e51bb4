import { AccessPolicy, nonBreakGlassExclusions, requiresMfa, strengthCombinations } from '../tenant/conditional-access';
import type { RuleContext } from '../tenant/context';
import { ReportFn, defineRule } from '../engine/rule';
import type { Resource } from '../model/resource';
import { Unknown } from '../model/value';
import { listed } from '../lists';
import { type ResourcePair, type WeakeningReport, reportAdded } from '../engine/weakening';
import { REFERENCES } from '../facts/references';

export const BYPASS_NAME = /bypass|mfa[-_ ]?exempt|no[-_ ]?mfa/i;

const messages = {
  entraExclusion:
    'Conditional access policy {{policy}} requires MFA but excludes {{excluded}}: each is a standing bypass an attacker only needs to land in. Exclude only break-glass accounts (or their group) and remove the other exclusions, including excluded_roles.',
  multiUsePass:
    'Authentication strength {{strength}} protects privileged access yet allows temporaryAccessPassMultiUse: a multi-use pass is a password with extra steps. Remove it from allowed_combinations.',
  joinableExclusion:
    'Conditional access policy {{policy}} excludes {{group}} for the break-glass accounts, but the group is not role-assignable: Groups, User and Intune Administrators, Directory Writers and applications with GroupMember.ReadWrite.All can add anyone to it, and whoever they add is exempt from MFA. Exclude a role-assignable group (assignable_to_role = true, set when the group is created) or the accounts themselves.',
  oktaExclusion:
    'Sign-on rule {{rule}} requires MFA but excludes {{excluded}}: they sign in with whatever weaker rule comes next. Exclude only break-glass accounts.',
  bypassGroup:
    'Sign-on rule {{rule}} excludes {{group}}, a group named as an MFA bypass: membership in it is a standing exemption that anyone who can edit groups can grant. Remove the exclusion and the group.',
};

export default defineRule({
  meta: {
    id: 'RG-08',
    slug: 'no-standing-bypass',
    title: 'Exclusions from MFA are for break-glass accounts only; nothing is a permanent bypass',
    severity: 'critical',
    csf: ['PR.AA-03'],
    rationale:
      'An exclusion from the MFA policy is a door that stays open: the attacker asks the help desk to add a user to the exempt group, or picks an account already in it. Only break-glass accounts, monitored and few, may stand outside.',
    references: [REFERENCES.scubaMfaAll, REFERENCES.msEmergencyAccess],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages,
  },
  check(ctx, report) {
    checkEntra(ctx, report);
    checkOkta(ctx, report);
  },
  weakenings: [
    {
      types: ['azuread_conditional_access_policy'],
      detect: (pair, report) =>
        exclusionsAdded(
          pair,
          report,
          ['excluded_users', 'excluded_groups', 'excluded_roles'].map((p) => `conditions.users.${p}`),
          'policy',
        ),
    },
    {
      types: ['okta_app_signon_policy_rule', 'okta_policy_rule_signon'],
      detect: (pair, report) => exclusionsAdded(pair, report, ['users_excluded', 'groups_excluded'], 'rule'),
    },
  ],
});

type Reporter = ReportFn<keyof typeof messages>;

function checkEntra(ctx: RuleContext, report: Reporter): void {
  const strengthsForPrivileged = new Set<Resource>();
  for (const p of ctx.accessPolicies) {
    if (p.state === 'disabled') continue;
    const mfa = requiresMfa(p);
    if (mfa === false) continue;
    const policy = p.resource;
    if (coversPrivileged(ctx, p) && typeof p.grant.strength === 'object' && 'type' in p.grant.strength)
      strengthsForPrivileged.add(p.grant.strength);
    const exclusions = nonBreakGlassExclusions(ctx, p);
    if (exclusions.length > 0 && mfa)
      report({
        resource: policy,
        messageId: 'entraExclusion',
        data: { policy: policy.address, excluded: listed(exclusions) },
      });
    else if (mfa === undefined || p.scopeUnknown)
      report({
        resource: policy,
        messageId: 'cannotVerify',
        data: {
          what: `whom ${policy.address} exempts from MFA`,
          why: mfa === undefined ? 'its grant controls are not known' : 'its exclusions are not known',
        },
      });
    else
      checkJoinable(
        policy,
        p.excludedGroups.filter((g) => g.type === 'azuread_group' && ctx.principals.isBreakGlass(g)),
        report,
      );
  }
  for (const strength of strengthsForPrivileged) {
    if (strengthCombinations(strength).includes('temporaryAccessPassMultiUse'))
      report({ resource: strength, messageId: 'multiUsePass', data: { strength: strength.address } });
  }
}

/** A break-glass group that is excluded must be role-assignable: any other group can be joined by group managers. */
function checkJoinable(policy: Resource, groups: readonly Resource[], report: Reporter): void {
  const joinable = groups.filter((g) => g.values.assignable_to_role !== true);
  const unknown = joinable.find((g) => g.values.assignable_to_role instanceof Unknown);
  if (unknown)
    report({
      resource: policy,
      messageId: 'cannotVerify',
      data: {
        what: `whether ${unknown.address}, which ${policy.address} excludes, can be joined by group managers`,
        why: 'assignable_to_role is not known',
      },
    });
  else if (joinable.length > 0)
    report({
      resource: policy,
      messageId: 'joinableExclusion',
      data: { policy: policy.address, group: listed(joinable.map((g) => g.address)) },
    });
}

/** Covers privileged access: privileged roles, groups holding them, or everyone. */
function coversPrivileged(ctx: RuleContext, p: AccessPolicy): boolean {
  if (p.allUsers || p.includedRoles.length > 0) return true;
  return p.includedGroups.some((g) => ctx.principals.isPrivileged(g));
}

function checkOkta(ctx: RuleContext, report: Reporter): void {
  for (const rule of ctx.oktaSignOnRules) {
    const r = rule.resource;
    const excluded = [...rule.usersExcluded.resources, ...rule.groupsExcluded.resources];
    const bypass = rule.groupsExcluded.resources.find((g) =>
      ctx.principals.namesOf(g).some((n) => BYPASS_NAME.test(n)),
    );
    if (bypass) {
      report({ resource: r, messageId: 'bypassGroup', data: { rule: r.address, group: bypass.address } });
      continue;
    }
    if (rule.active === false || rule.allows === false || rule.twoFactor === false) continue;
    const others = [
      ...excluded.filter((x) => !ctx.principals.isBreakGlass(x)).map((x) => x.address),
      ...ctx.principals.undeclaredIds([...rule.usersExcluded.external, ...rule.groupsExcluded.external]),
    ];
    const unknown = rule.usersExcluded.unknown || rule.groupsExcluded.unknown;
    if (others.length > 0 && rule.active && rule.twoFactor)
      report({ resource: r, messageId: 'oktaExclusion', data: { rule: r.address, excluded: listed(others) } });
    else if (others.length > 0 || unknown)
      report({
        resource: r,
        messageId: 'cannotVerify',
        data: {
          what: `whom ${r.address} exempts from MFA`,
          why: unknown ? 'its exclusions are not known' : 'its status or factor mode is not known',
        },
      });
  }
}

// ------------------------------------------------------------ weakenings (W-EXCLUSION)

function exclusionsAdded(
  pair: ResourcePair,
  report: (w: WeakeningReport) => void,
  paths: readonly string[],
  what: 'policy' | 'rule',
): void {
  for (const path of paths)
    reportAdded(pair, report, 'W-EXCLUSION', path, (added) => `excluded from the ${what}: ${added.join(', ')}`);
}
