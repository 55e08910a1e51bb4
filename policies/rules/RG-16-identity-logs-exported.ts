import type { RuleContext } from '../tenant/context';
import { ReportFn, defineRule } from '../engine/rule';
import {
  ENTRA_RECOMMENDED_LOG_CATEGORIES as RECOMMENDED_CATEGORIES,
  ENTRA_REQUIRED_LOG_CATEGORIES as REQUIRED_CATEGORIES,
} from '../facts/monitoring';
import type { Resource } from '../model/resource';
import { Unknown, blocks, elements } from '../model/value';
import { type ResourcePair, type WeakeningReport, valueOn } from '../engine/weakening';
import { isObject } from '../model/value';
import { REFERENCES } from '../facts/references';

const messages = {
  noOktaStream:
    'No active okta_log_stream sends the Okta System Log out of the org. Add an okta_log_stream (status = "ACTIVE") to your SIEM.',
  inactiveOktaStream:
    'Log stream {{stream}} is {{status}}: the System Log is not leaving the org. Set status = "ACTIVE".',
  noEntraSetting:
    'No azurerm_monitor_aad_diagnostic_setting exports Entra ID logs. Add one with enabled_log blocks for {{categories}}.',
  missingCategories:
    'Diagnostic setting {{setting}} does not export {{categories}}. Add an enabled_log block for each.',
  missingRecommended:
    'Diagnostic setting {{setting}} does not export {{categories}}, which investigations of recovery abuse rely on. Add an enabled_log block for each.',
};

export default defineRule({
  meta: {
    id: 'RG-16',
    slug: 'identity-logs-exported',
    title: 'Identity logs leave the tenant for the place where security teams read them',
    severity: 'high',
    csf: ['PR.PS-04'],
    rationale:
      'Exceptions are only evidence if they are recorded where the security team looks. Logs kept only inside the identity provider expire quickly and are the first thing an intruder with admin rights can hide.',
    references: [REFERENCES.scubaLogsToSoc],
    providers: { okta: 'configuration', entra: 'configuration' },
    messages,
  },
  check(ctx, report) {
    if (ctx.providers.has('okta')) {
      const streams = ctx.resourcesOf('okta_log_stream');
      const statuses = streams.map((s) => s.values.status ?? 'ACTIVE'); // provider default: ACTIVE
      if (!statuses.includes('ACTIVE')) {
        const unknown = streams.find((s) => s.values.status instanceof Unknown);
        if (unknown)
          report({
            resource: unknown,
            messageId: 'cannotVerify',
            data: { what: `whether ${unknown.address} is active`, why: 'status is not known' },
          });
        else if (streams.length > 0)
          report({
            resource: streams[0],
            messageId: 'inactiveOktaStream',
            data: { stream: streams[0].address, status: String(statuses[0]) },
          });
        else report({ resource: null, messageId: 'noOktaStream' });
      }
    }
    if (ctx.providers.has('entra') || ctx.resourcesOf('azurerm_monitor_aad_diagnostic_setting').length > 0)
      checkEntra(ctx, report);
  },
  weakenings: [
    { types: ['okta_log_stream'], detect: logStreamStopped },
    { types: ['azurerm_monitor_aad_diagnostic_setting'], detect: categoriesDropped },
  ],
});

type Reporter = ReportFn<keyof typeof messages>;

function checkEntra(ctx: RuleContext, report: Reporter): void {
  const settings = ctx.resourcesOf('azurerm_monitor_aad_diagnostic_setting').map((s) => ({ s, ...categoriesOf(s) }));
  if (settings.length === 0) {
    report({ resource: null, messageId: 'noEntraSetting', data: { categories: REQUIRED_CATEGORIES.join(', ') } });
    return;
  }
  const missingFrom = (have: Set<string>, wanted: readonly string[]) => wanted.filter((c) => !have.has(c));
  const complete = settings.find((x) => missingFrom(x.categories, REQUIRED_CATEGORIES).length === 0);
  if (complete) {
    const optional = missingFrom(new Set(settings.flatMap((x) => [...x.categories])), RECOMMENDED_CATEGORIES);
    if (optional.length > 0 && !settings.some((x) => x.unknown)) {
      report({
        resource: complete.s,
        messageId: 'missingRecommended',
        severity: 'low',
        data: { setting: complete.s.address, categories: optional.join(', ') },
      });
    }
    return;
  }
  const uncertain = settings.find((x) => x.unknown);
  if (uncertain) {
    report({
      resource: uncertain.s,
      messageId: 'cannotVerify',
      data: {
        what: `the log categories ${uncertain.s.address} exports`,
        why: 'some enabled_log categories are not known',
      },
    });
    return;
  }
  const best = settings.sort(
    (a, b) =>
      missingFrom(a.categories, REQUIRED_CATEGORIES).length - missingFrom(b.categories, REQUIRED_CATEGORIES).length,
  )[0];
  report({
    resource: best.s,
    messageId: 'missingCategories',
    data: { setting: best.s.address, categories: missingFrom(best.categories, REQUIRED_CATEGORIES).join(', ') },
  });
}

/** Categories of `enabled_log` blocks (and legacy `log` blocks not disabled). */
function categoriesOf(setting: Resource): { categories: Set<string>; unknown: boolean } {
  const categories = new Set<string>();
  let unknown = elements(setting.values.enabled_log).some((b) => b instanceof Unknown); // a dynamic block over an unknown collection
  for (const block of [
    ...blocks(setting.values.enabled_log),
    ...blocks(setting.values.log).filter((b) => b.enabled !== false),
  ]) {
    if (typeof block.category === 'string') categories.add(block.category);
    else if (block.category instanceof Unknown) unknown = true;
  }
  return { categories, unknown };
}

// ------------------------------------------------------------ weakenings (W-LOGGING)

function logStreamStopped({ before, after }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (!before) return;
  const wasActive = (valueOn(before, 'status') ?? 'ACTIVE') === 'ACTIVE';
  if (wasActive && (!after || valueOn(after, 'status') === 'INACTIVE'))
    report({
      kind: 'W-LOGGING',
      attribute: 'status',
      before: 'ACTIVE',
      after: after ? 'INACTIVE' : 'removed',
      message: 'identity logs no longer leave the org',
    });
}

function categoriesDropped({ before, after }: ResourcePair, report: (w: WeakeningReport) => void): void {
  if (!before) return;
  const categories = (r: Resource | undefined) =>
    r
      ? elements(r.values.enabled_log).flatMap((b) =>
          isObject(b) && typeof b.category === 'string' ? [b.category] : [],
        )
      : [];
  const dropped = categories(before).filter((c) => !categories(after).includes(c));
  if (dropped.length > 0)
    report({
      kind: 'W-LOGGING',
      attribute: 'enabled_log',
      before: categories(before).join(', '),
      after: after ? categories(after).join(', ') : 'removed',
      message: `log categories no longer exported: ${dropped.join(', ')}`,
    });
}
