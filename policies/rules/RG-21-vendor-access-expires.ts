import type { RuleContext } from '../tenant/context';
import { ReportFn, defineRule } from '../engine/rule';
import type { Resource } from '../model/resource';
import { Unknown, Value, valueAt } from '../model/value';
import { PIM_SCHEDULE_TYPES, type ResourcePair, type WeakeningReport, shown, valueOn } from '../engine/weakening';
import { durationHours } from '../model/time';
import { REFERENCES } from '../facts/references';

/** Access-package requestor scopes that mean "people from outside the organisation". */
const EXTERNAL_SCOPES = new Set([
  'AllExternalSubjects',
  'SpecificConnectedOrganizationSubjects',
  'AllConfiguredConnectedOrganizationSubjects',
]);

const messages = {
  permanentSchedule:
    '{{schedule}} gives vendor {{principal}} membership of {{group}} {{how}}: the access outlives the contract unless someone remembers to remove it. Set expiration_date or duration (for example "P90D").',
  eligibilityCannotExpire:
    '{{request}} makes vendor {{principal}} eligible for {{role}}; an eligibility schedule request cannot expire, so the access outlives the contract. Use PIM for Groups with an expiring eligibility schedule, or an access package with duration_in_days.',
  longPackage:
    'Access package policy {{policy}} gives vendors access {{how}}: it outlives the engagement unless someone ends it. Set duration_in_days to at most {{days}} or an expiration_date.',
  noOktaAttestation:
    'Vendor group {{group}} has no RG-21 attestation: Okta group membership does not expire, so nothing in code ends the vendor\'s access with the contract. Add a terraform_data attestation with control = "RG-21" and subject = this group, naming the offboarding process and the contract end as evidence.',
};

export default defineRule({
  meta: {
    id: 'RG-21',
    slug: 'vendor-access-expires',
    title: 'Vendor access ends by itself',
    severity: 'high',
    csf: ['GV.SC-10', 'PR.AA-01'],
    rationale:
      "Vendor access that has to be removed by hand is removed late or never; dormant third-party accounts are an easy target for anyone who calls the help desk in the vendor's name.",
    references: [REFERENCES.supplyChain, REFERENCES.msPimForGroups],
    providers: { okta: 'attestation', entra: 'configuration' },
    messages,
  },
  check(ctx, report) {
    checkSchedules(ctx, report);
    checkEligibilityRequests(ctx, report);
    checkAccessPackages(ctx, report);
    checkOktaGroups(ctx, report);
  },
  weakenings: [
    { types: PIM_SCHEDULE_TYPES, detect: vendorScheduleLonger },
    { types: ['azuread_access_package_assignment_policy'], detect: vendorPackageLonger },
  ],
});

type Reporter = ReportFn<keyof typeof messages>;

const set = (v: Value | undefined) => v !== undefined && v !== null && v !== '';

function checkSchedules(ctx: RuleContext, report: Reporter): void {
  for (const type of [
    'azuread_privileged_access_group_eligibility_schedule',
    'azuread_privileged_access_group_assignment_schedule',
  ]) {
    for (const schedule of ctx.resourcesOf(type)) {
      const principal = ctx.target(schedule, 'principal_id');
      if (!principal || !ctx.principals.isVendor(principal)) continue;
      const { permanent_assignment: permanent, expiration_date: expires, duration } = schedule.values;
      const data = {
        schedule: schedule.address,
        principal: principal.address,
        group: ctx.target(schedule, 'group_id')?.address ?? 'its group',
      };
      if (permanent === true)
        report({
          resource: schedule,
          messageId: 'permanentSchedule',
          data: { ...data, how: 'permanently (permanent_assignment = true)' },
        });
      else if ([permanent, expires, duration].some((v) => v instanceof Unknown))
        report({
          resource: schedule,
          messageId: 'cannotVerify',
          data: { what: `when ${schedule.address} ends`, why: 'its expiry is not known' },
        });
      else if (!set(expires) && !set(duration))
        report({
          resource: schedule,
          messageId: 'permanentSchedule',
          data: { ...data, how: 'with no expiration_date or duration' },
        });
    }
  }
}

function checkEligibilityRequests(ctx: RuleContext, report: Reporter): void {
  for (const grant of ctx.grants) {
    const request = grant.assignment;
    if (
      request.type !== 'azuread_directory_role_eligibility_schedule_request' ||
      !grant.principal ||
      !ctx.principals.isVendor(grant.principal)
    )
      continue;
    report({
      resource: request,
      messageId: 'eligibilityCannotExpire',
      data: { request: request.address, principal: grant.principal.address, role: grant.role.name },
    });
  }
}

function isVendorPolicy(ctx: RuleContext, policy: Resource): boolean | undefined {
  const scope = valueAt(policy.values, 'requestor_settings.scope_type');
  if (typeof scope === 'string' && EXTERNAL_SCOPES.has(scope)) return true;
  const requestors = ctx.targets(policy, 'requestor_settings.requestor.object_id').resources;
  if (requestors.some((r) => ctx.principals.isVendor(r))) return true;
  return scope instanceof Unknown ? undefined : false;
}

function checkAccessPackages(ctx: RuleContext, report: Reporter): void {
  const days = ctx.config.thresholds.vendorAccessDays;
  for (const policy of ctx.resourcesOf('azuread_access_package_assignment_policy')) {
    const vendor = isVendorPolicy(ctx, policy);
    if (vendor === false) continue;
    const { duration_in_days: duration, expiration_date: expires } = policy.values;
    if (vendor === undefined || duration instanceof Unknown || expires instanceof Unknown) {
      if (!(typeof duration === 'number' && duration <= days) && !(typeof expires === 'string' && expires !== '')) {
        report({
          resource: policy,
          messageId: 'cannotVerify',
          data: {
            what: `how long ${policy.address} grants access`,
            why: vendor === undefined ? 'its requestor scope is not known' : 'its duration is not known',
          },
        });
      }
      continue;
    }
    if (set(expires)) continue;
    if (typeof duration === 'number' && duration <= days) continue;
    report({
      resource: policy,
      messageId: 'longPackage',
      data: {
        policy: policy.address,
        days,
        how:
          typeof duration === 'number'
            ? `for ${duration} days`
            : 'with no end (no duration_in_days or expiration_date)',
      },
    });
  }
}

function checkOktaGroups(ctx: RuleContext, report: Reporter): void {
  for (const group of ctx.resourcesOf('okta_group')) {
    if (!ctx.principals.isVendor(group)) continue;
    const about = ctx.attestations.filter((a) => a.subject === group || (a.controlUnknown && !a.hasSubject));
    if (about.some((a) => a.control === 'RG-21')) continue;
    if (about.some((a) => a.controlUnknown))
      report({
        resource: group,
        messageId: 'cannotVerify',
        data: {
          what: `whether ${group.address} has an RG-21 attestation`,
          why: "an attestation's control is not known",
        },
      });
    else report({ resource: group, messageId: 'noOktaAttestation', data: { group: group.address } });
  }
}

// ------------------------------------------------------------ weakenings (W-VENDOR)

/** A vendor's PIM membership made permanent, its end removed, or moved later. */
function vendorScheduleLonger({ before, after, head }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (!before || !after) return;
  const principal = head.target(after, 'principal_id');
  if (!principal || !head.principals.isVendor(principal)) return;
  const permanent = valueOn(before, 'permanent_assignment') !== true && valueOn(after, 'permanent_assignment') === true;
  const endRemoved =
    (valueOn(before, 'expiration_date') !== undefined || valueOn(before, 'duration') !== undefined) &&
    valueOn(after, 'expiration_date') === undefined &&
    valueOn(after, 'duration') === undefined;
  const dur = (r: Resource) =>
    typeof valueOn(r, 'duration') === 'string' ? durationHours(valueOn(r, 'duration') as string) : undefined;
  const longer =
    (dur(before) ?? Infinity) < (dur(after) ?? -Infinity) ||
    (typeof valueOn(before, 'expiration_date') === 'string' &&
      typeof valueOn(after, 'expiration_date') === 'string' &&
      String(valueOn(after, 'expiration_date')) > String(valueOn(before, 'expiration_date')));
  if (permanent || endRemoved || longer) {
    const attribute = permanent
      ? 'permanent_assignment'
      : valueOn(after, 'duration') !== undefined || valueOn(before, 'duration') !== undefined
        ? 'duration'
        : 'expiration_date';
    report({
      kind: 'W-VENDOR',
      attribute,
      before: shown(valueOn(before, attribute)),
      after: shown(valueOn(after, attribute)),
      message:
        permanent || endRemoved
          ? `vendor ${principal.address}'s access no longer ends`
          : `vendor ${principal.address}'s access lasts longer`,
    });
  }
}

/** An access package that vendors request, its assignments made longer or left without an end. */
function vendorPackageLonger({ before, after, head }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (!before || !after) return;
  const requestors = head.targets(after, 'requestor_settings.requestor.object_id').resources;
  const forVendors =
    requestors.some((r) => head.principals.isVendor(r)) ||
    /External|ConnectedOrganization/.test(String(valueOn(after, 'requestor_settings.scope_type') ?? ''));
  const days = (r: Resource) => valueOn(r, 'duration_in_days');
  const longer =
    (typeof days(before) === 'number' &&
      (typeof days(after) !== 'number' || (days(after) as number) > (days(before) as number))) ||
    (valueOn(before, 'expiration_date') !== undefined && valueOn(after, 'expiration_date') === undefined);
  if (forVendors && longer)
    report({
      kind: 'W-VENDOR',
      attribute: 'duration_in_days',
      before: shown(days(before)),
      after: shown(days(after)),
      message: 'vendor access lasts longer',
    });
}
