/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers: every rule of the
 * catalogue (and each weakening kind, for review and drift) in
 * `tool.driver.rules`, results with stable fingerprints and locations whose
 * lines are at least 1.
 */
import { createHash } from 'node:crypto';
import { DRIFT_KINDS, WEAKENING_KINDS } from '../facts/weakening-kinds';
import { CSF_OUTCOMES } from '../facts/csf';
import type { Severity } from '../engine/rule';
import type { Finding } from '../engine/run';
import { RULES } from '../rules';
import { TOOL, rulePage } from '../version';
import { type ReportInput, changesOf, driftOf } from './report-input';

const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

function fingerprint(...parts: (string | null)[]): string {
  return createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

function location(file: string, line: number | null, address: string | null) {
  return {
    physicalLocation: {
      artifactLocation: { uri: file.replace(/\\/g, '/') },
      region: { startLine: Math.max(1, line ?? 1) },
    },
    ...(address ? { logicalLocations: [{ fullyQualifiedName: address, kind: 'resource' }] } : {}),
  };
}

function result(f: Finding) {
  return {
    ruleId: f.ruleId,
    level: f.suppressed ? 'note' : LEVEL[f.severity],
    message: { text: f.message },
    // cdktf output that recorded where each construct was created points at that TypeScript line.
    locations: [f.code ? location(f.code.file, f.code.line, f.resource) : location(f.file, f.line, f.resource)],
    ...(f.code
      ? {
          relatedLocations: [
            { id: 0, message: { text: 'synthesized Terraform' }, ...location(f.file, f.line, f.resource) },
          ],
        }
      : {}),
    partialFingerprints: { 'recoveryGate/v1': fingerprint(f.stack, f.ruleId, f.resource, f.messageId) },
    ...(f.path
      ? {
          codeFlows: [
            {
              message: { text: 'how the chain reaches a privileged identity' },
              threadFlows: [
                {
                  locations: f.path.map((s) => ({
                    location: {
                      message: { text: `${s.from} ${s.kind} ${s.to}` },
                      logicalLocations: [{ fullyQualifiedName: s.resource, kind: 'resource' }],
                    },
                  })),
                },
              ],
            },
          ],
        }
      : {}),
    properties: {
      severity: f.severity,
      stack: f.stack,
      ...(f.constructPath ? { constructPath: f.constructPath } : {}),
    },
    ...(f.suppressed
      ? {
          suppressions: [
            {
              kind: 'external',
              justification: `${f.suppressed.reason} (${f.suppressed.ticket}, until ${f.suppressed.expires})`,
            },
          ],
        }
      : {}),
  };
}

export function formatSarif(input: ReportInput): string {
  const rules = RULES.map(({ meta }) => ({
    id: meta.id,
    name: meta.slug,
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.rationale },
    helpUri: rulePage(meta.id),
    help: {
      text: `${meta.title}. ${meta.rationale} NIST CSF 2.0: ${meta.csf.map((c) => `${c} (${CSF_OUTCOMES[c]})`).join('; ')}.`,
      markdown: `**${meta.title}.** ${meta.rationale}\n\nNIST CSF 2.0: ${meta.csf.join(', ')}. See [${meta.id}](${rulePage(meta.id)}).`,
    },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { 'security-severity': SECURITY_SEVERITY[meta.severity], tags: ['security', 'identity', ...meta.csf] },
  }));
  const weakening = Object.entries(WEAKENING_KINDS).map(([id, text]) => ({
    id,
    name: id.toLowerCase(),
    shortDescription: { text: `Weakening change: ${text}` },
    fullDescription: { text: `A change that weakens a recovery control: ${text}.` },
    helpUri: `${TOOL.docs}/README.md#review-a-pull-request`,
    defaultConfiguration: { level: 'warning' as const },
    properties: { 'security-severity': '6.0', tags: ['security', 'identity', 'change'] },
  }));
  const driftRules = Object.entries(DRIFT_KINDS).map(([id, text]) => ({
    id,
    name: id.toLowerCase(),
    shortDescription: { text: `Drift: ${text}` },
    fullDescription: { text: `Found by drift in the state a plan reads: ${text}.` },
    helpUri: `${TOOL.docs}/README.md#find-drift-and-what-has-expired`,
    defaultConfiguration: { level: id === 'D-EXPIRING' ? ('warning' as const) : ('error' as const) },
    properties: { 'security-severity': id === 'D-EXPIRING' ? '5.0' : '8.0', tags: ['security', 'identity', 'drift'] },
  }));
  const results: object[] = input.result.findings.map(result);
  for (const c of changesOf(input)) {
    results.push({
      ruleId: c.kind,
      level: 'warning',
      message: {
        text: `${c.kind} ${c.resource} ${c.attribute}: ${c.before} → ${c.after}. ${c.message} (erodes ${c.ruleId}).`,
      },
      locations: [location(c.file, c.line, c.resource)],
      partialFingerprints: { 'recoveryGate/v1': fingerprint(c.stack, c.kind, c.resource, c.attribute) },
      properties: { erodes: c.ruleId, stack: c.stack },
    });
  }
  for (const d of driftOf(input)) {
    for (const e of d.drift) {
      for (const w of e.weakenings) {
        results.push({
          ruleId: w.kind,
          level: 'error',
          message: {
            text: `Drift: ${w.kind} ${e.resource} ${w.attribute}: ${w.before} → ${w.after}, changed outside code. ${w.message} (erodes ${w.ruleId}).`,
          },
          locations: [location(d.file, null, e.resource)],
          partialFingerprints: { 'recoveryGate/v1': fingerprint(d.stack, 'drift', w.kind, e.resource, w.attribute) },
        });
      }
    }
    for (const c of d.failedChecks) {
      results.push({
        ruleId: 'D-CHECK',
        level: 'error',
        message: { text: `Check ${c.address} ${c.status}: ${c.problems.join('; ') || 'no message'}.` },
        locations: [location(d.file, null, c.address)],
        partialFingerprints: { 'recoveryGate/v1': fingerprint(d.stack, 'D-CHECK', c.address) },
      });
    }
    for (const x of d.expiries) {
      const kind = x.expired ? 'D-EXPIRED' : 'D-EXPIRING';
      results.push({
        ruleId: kind,
        level: x.expired ? 'error' : 'warning',
        message: {
          text: x.expired
            ? `The ${x.what} ${x.resource} expired on ${x.expires}: re-check it and renew the date.`
            : `The ${x.what} ${x.resource} expires on ${x.expires}, in ${x.days} day(s): re-check it before then.`,
        },
        locations: [location(d.file, null, x.resource)],
        partialFingerprints: { 'recoveryGate/v1': fingerprint(d.stack, kind, x.resource) },
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL.name,
            version: TOOL.version,
            informationUri: TOOL.docs.replace(/\/blob\/main$/, ''),
            rules: [...rules, ...weakening, ...driftRules],
          },
        },
        results,
        ...(input.result.rulesOff?.length ? { properties: { rulesOff: input.result.rulesOff } } : {}),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
