/**
 * JUnit XML for CI systems that show test reports: per stack, one test case
 * per rule and resource with a finding (failed), and one per rule without
 * findings (passed); review and drift add a suite of weakening changes.
 */
import type { Finding } from '../engine/run';
import { RULES } from '../rules';
import { type ReportInput, changesOf, driftOf } from './report-input';
import { append } from '../lists';
import { xmlText } from './escape';

const xml = xmlText;

interface Case {
  readonly name: string;
  readonly classname: string;
  readonly failure?: { message: string; type: string; body: string };
  readonly skipped?: string;
}

function suite(name: string, cases: readonly Case[]): string {
  const failures = cases.filter((c) => c.failure).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const body = cases.map((c) => {
    const inner = c.failure
      ? `<failure message="${xml(c.failure.message)}" type="${xml(c.failure.type)}">${xml(c.failure.body)}</failure>`
      : c.skipped
        ? `<skipped message="${xml(c.skipped)}"/>`
        : '';
    return `    <testcase name="${xml(c.name)}" classname="${xml(c.classname)}">${inner}</testcase>`;
  });
  return `  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">\n${body.join('\n')}\n  </testsuite>`;
}

function findingCase(f: Finding): Case {
  const name = `${f.ruleId} ${f.resource ?? '(configuration)'}`;
  if (f.suppressed)
    return {
      name,
      classname: f.stack,
      skipped: `suppressed until ${f.suppressed.expires} (${f.suppressed.ticket}): ${f.suppressed.reason}`,
    };
  return {
    name,
    classname: f.stack,
    failure: { message: f.message, type: f.severity, body: `${f.file}${f.line ? `:${f.line}` : ''}\n${f.message}` },
  };
}

export function formatJunit(input: ReportInput): string {
  const suites: string[] = [];
  // Every stack checked is a suite, clean ones included: a clean suite is evidence too.
  const stacks = [
    ...new Set([...(input.result.stacks ?? []).map((s) => s.name), ...input.result.findings.map((f) => f.stack)]),
  ].sort();
  const off = new Map((input.result.rulesOff ?? []).map((o) => [o.ruleId, o.by]));
  // drift runs no rules: its suites are what drifted, failed and expires.
  for (const stack of input.command === 'drift' ? [] : stacks.length > 0 ? stacks : ['recovery-gate']) {
    const findings = input.result.findings.filter((f) => f.stack === stack);
    const cases: Case[] = [];
    for (const { meta } of RULES) {
      const own = findings.filter((f) => f.ruleId === meta.id);
      if (off.has(meta.id))
        cases.push({
          name: `${meta.id} ${meta.slug}`,
          classname: stack,
          skipped: `rule turned off by ${off.get(meta.id)}`,
        });
      else if (own.length === 0) cases.push({ name: `${meta.id} ${meta.slug}`, classname: stack });
      else append(cases, own.map(findingCase));
    }
    append(cases, findings.filter((f) => !RULES.some((r) => r.meta.id === f.ruleId)).map(findingCase));
    suites.push(suite(`recovery-gate ${stack}`, cases));
  }
  const changes = changesOf(input).map((c): Case => ({
    name: `${c.kind} ${c.resource} ${c.attribute}`,
    classname: `${c.stack}.changes`,
    failure: { message: c.message, type: c.kind, body: `${c.before} → ${c.after} (erodes ${c.ruleId})` },
  }));
  if (input.command === 'review') suites.push(suite('recovery-gate weakening changes', changes));
  for (const d of driftOf(input)) {
    const cases: Case[] = [
      ...d.drift.map((e): Case => ({
        name: `drift ${e.resource}`,
        classname: `${d.stack}.drift`,
        ...(e.weakenings.length > 0
          ? {
              failure: {
                message: e.weakenings.map((w) => w.message).join('; '),
                type: e.weakenings.map((w) => w.kind).join(','),
                body: `changed outside code: ${e.attributes.join(', ')}`,
              },
            }
          : {}),
      })),
      ...d.failedChecks.map((c): Case => ({
        name: `check ${c.address}`,
        classname: `${d.stack}.checks`,
        failure: { message: c.problems.join('; ') || c.status, type: 'check', body: c.problems.join('\n') },
      })),
      ...d.expiries.map((x): Case => ({
        name: `expiry ${x.resource}`,
        classname: `${d.stack}.expiries`,
        ...(x.expired
          ? { failure: { message: `${x.what} expired on ${x.expires}`, type: 'expired', body: x.resource } }
          : {}),
      })),
    ];
    suites.push(suite(`recovery-gate drift ${d.stack}`, cases));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="recovery-gate">\n${suites.join('\n')}\n</testsuites>\n`;
}
