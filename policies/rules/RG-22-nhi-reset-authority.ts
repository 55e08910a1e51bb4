import type { RuleContext } from '../tenant/context';
import { applicationOf } from '../tenant/applications';
import { ReportFn, defineRule } from '../engine/rule';
import { graphResetPermissionOf } from '../tenant/applications';
import { OKTA_RESET_SCOPES } from '../facts/okta-roles';
import type { Resource } from '../model/resource';
import { Unknown, elements, literalStrings } from '../model/value';
import { parseTime } from '../model/time';
import { durationHours } from '../model/time';
import { addTo } from '../lists';
import { type ResourcePair, type WeakeningReport, addedElements, valueOn, sidesOf } from '../engine/weakening';
import { REFERENCES } from '../facts/references';

const messages = {
  secretNeverExpires:
    "{{credential}} is a client secret of {{application}}, which holds reset authority ({{power}}), and it never expires: a leaked secret resets anyone's authentication methods indefinitely. Prefer a federated identity credential; otherwise set end_date at most {{days}} days ahead and rotate it.",
  secretTooLong:
    '{{credential}} is a client secret of {{application}}, which holds reset authority ({{power}}), valid until {{expires}}: more than {{days}} days. Set end_date within {{days}} days, or replace it with a federated identity credential.',
  noOwner:
    'Application {{application}} holds reset authority ({{power}}) but has no owner: nobody is answerable for its credentials or notices their misuse. Set owners (or add azuread_application_owner) to the team that runs it.',
  oktaClientSecret:
    'OAuth app {{application}} is granted {{scopes}} and authenticates with {{method}}: a leaked client secret resets users\' factors. Set token_endpoint_auth_method = "private_key_jwt" and register a public key.',
};

export default defineRule({
  meta: {
    id: 'RG-22',
    slug: 'nhi-reset-authority',
    title: 'A non-human identity with reset authority is held to the same bar',
    severity: 'high',
    csf: ['PR.AA-05', 'PR.AA-01'],
    rationale:
      'Automation that can reset authenticators is a help desk that never asks questions. Its credential is reset authority: it must expire, be owned by someone, and preferably be a key or federation rather than a shared secret.',
    references: [REFERENCES.msBuiltInRoles, REFERENCES.leastPrivilege, REFERENCES.privilegedFunctionsLogged],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages,
  },
  check(ctx, report) {
    checkEntra(ctx, report);
    checkOkta(ctx, report);
  },
  weakenings: [
    { types: ['azuread_app_role_assignment'], detect: applicationGrantedReset },
    { types: ['okta_app_oauth_api_scope'], detect: oauthAppGrantedReset },
  ],
});

type Reporter = ReportFn<keyof typeof messages>;

function checkEntra(ctx: RuleContext, report: Reporter): void {
  const powers = new Map<Resource, Set<string>>(); // application → what makes it reset authority
  const unknownGrants: Resource[] = [];
  const grantTo = (principal: Resource | undefined, power: string) => {
    const app = principal && applicationOf(ctx, principal);
    if (app) powers.set(app, (powers.get(app) ?? new Set()).add(power));
  };
  for (const a of ctx.resourcesOf('azuread_app_role_assignment')) {
    const role = a.values.app_role_id;
    const power = graphResetPermissionOf(role);
    const principal = ctx.target(a, 'principal_object_id');
    if (power) grantTo(principal, power);
    else if (
      role instanceof Unknown &&
      principal &&
      applicationOf(ctx, principal) &&
      !role.expression?.includes('app_role_ids[')
    )
      unknownGrants.push(a);
  }
  for (const g of ctx.grants)
    if (g.role.resetAuthority && g.principal && ctx.principals.isNonHuman(g.principal))
      grantTo(g.principal, g.role.name);

  const days = ctx.config.thresholds.nhiCredentialDays;
  // Each secret and owner link found its application once. A secret on the service principal signs in as the application just the same.
  const secrets = byApplication(
    ctx,
    ctx.resourcesOf('azuread_application_password', 'azuread_service_principal_password'),
  );
  const ownerLinks = byApplication(ctx, ctx.resourcesOf('azuread_application_owner'));
  for (const [app, power] of powers) {
    const base = { application: app.address, power: [...power].join(', '), days };
    for (const credential of secrets.get(app) ?? []) {
      const verdict = secretLifetime(ctx, credential, days);
      if (verdict === 'unknown')
        report({
          resource: credential,
          messageId: 'cannotVerify',
          data: { what: `when ${credential.address} expires`, why: 'its end date is not known' },
        });
      else if (verdict === 'never')
        report({
          resource: credential,
          messageId: 'secretNeverExpires',
          data: { ...base, credential: credential.address },
        });
      else if (verdict !== 'ok')
        report({
          resource: credential,
          messageId: 'secretTooLong',
          data: { ...base, credential: credential.address, expires: verdict },
        });
    }
    const owners = app.values.owners;
    const ownerResources = ownerLinks.get(app) ?? [];
    if (owners instanceof Unknown && ownerResources.length === 0)
      report({
        resource: app,
        messageId: 'cannotVerify',
        data: { what: `who owns ${app.address}`, why: 'owners is not known' },
      });
    else if (elements(owners).length === 0 && ownerResources.length === 0)
      report({ resource: app, messageId: 'noOwner', data: base });
  }
  for (const a of unknownGrants)
    report({
      resource: a,
      messageId: 'cannotVerify',
      data: {
        what: `which Graph permission ${a.address} grants`,
        why: 'app_role_id is not known and names no permission',
      },
    });
}

/** Resources grouped by the application they belong to. */
function byApplication(ctx: RuleContext, resources: readonly Resource[]): Map<Resource, Resource[]> {
  const out = new Map<Resource, Resource[]>();
  for (const r of resources) {
    const app = applicationOf(ctx, r);
    if (app) addTo(out, app, r);
  }
  return out;
}

/** 'ok', 'never', 'unknown', or the too-distant expiry as text. */
function secretLifetime(ctx: RuleContext, credential: Resource, days: number): string {
  const { end_date: endDate, end_date_relative: relative } = credential.values;
  if (endDate instanceof Unknown || relative instanceof Unknown) return 'unknown';
  if (typeof endDate === 'string' && endDate !== '') {
    const date = parseTime(endDate);
    if (!date) return 'unknown';
    return ctx.daysUntil(date) > days ? date.toISOString() : 'ok';
  }
  if (typeof relative === 'string' && relative !== '') {
    const hours = goDurationHours(relative);
    if (hours === undefined) return 'unknown';
    return hours / 24 > days ? `${relative} after creation` : 'ok';
  }
  return 'never'; // azuread's default: two years; RULES.md asks for an explicit end date
}

/** Go durations (`4320h`, `90h30m`) as azuread's end_date_relative takes them; ISO 8601 accepted too. */
function goDurationHours(text: string): number | undefined {
  const m = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(text);
  if (m && text !== '') return Number(m[1] ?? 0) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600;
  return durationHours(text);
}

function checkOkta(ctx: RuleContext, report: Reporter): void {
  const scopesByApp = new Map<Resource, string[]>();
  for (const grant of ctx.resourcesOf('okta_app_oauth_api_scope')) {
    const app = ctx.target(grant, 'app_id');
    const scopes = literalStrings(grant.values.scopes).filter((s) =>
      (OKTA_RESET_SCOPES as readonly string[]).includes(s),
    );
    if (app && scopes.length > 0) for (const s of scopes) addTo(scopesByApp, app, s);
    else if (app && grant.values.scopes instanceof Unknown)
      report({
        resource: grant,
        messageId: 'cannotVerify',
        data: { what: `which scopes ${grant.address} grants`, why: 'scopes is not known' },
      });
  }
  for (const [app, scopes] of scopesByApp) {
    const method = app.values.token_endpoint_auth_method ?? 'client_secret_basic'; // provider default
    if (method instanceof Unknown)
      report({
        resource: app,
        messageId: 'cannotVerify',
        data: { what: `how ${app.address} authenticates`, why: 'token_endpoint_auth_method is not known' },
      });
    else if (method !== 'private_key_jwt')
      report({
        resource: app,
        messageId: 'oktaClientSecret',
        data: { application: app.address, scopes: [...new Set(scopes)].join(', '), method: String(method) },
      });
  }
}

// ------------------------------------------------------------ weakenings (W-PRIVILEGE)

function applicationGrantedReset({ before, after }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (before || !after) return;
  const power = graphResetPermissionOf(after.values.app_role_id);
  if (power)
    report({
      kind: 'W-PRIVILEGE',
      attribute: 'app_role_id',
      before: 'none',
      after: power,
      message: `an application is granted ${power}, reset authority without a person`,
    });
}

function oauthAppGrantedReset({ before, after }: ResourcePair, report: (w: WeakeningReport) => void): void {
  const added = addedElements(valueOn(before, 'scopes'), valueOn(after, 'scopes')).filter((s) =>
    OKTA_RESET_SCOPES.some((scope) => s === JSON.stringify(scope)),
  );
  if (after && added.length > 0)
    report({
      kind: 'W-PRIVILEGE',
      ...sidesOf({ before, after }, 'scopes'),
      message: `an OAuth app is granted ${added.join(', ')}`,
    });
}
