/**
 * Gradual adoption: `formatBaseline` records today's findings; `applyBaseline`
 * then reports only findings that are not in it, so a team adopting
 * recovery-gate on an existing tenant fails only on what is new.
 */
import type { CheckResult, Finding } from '../engine/run';
import { InputError } from '../errors';
import type { CheckReport } from '../reporters/report-input';
import { TOOL } from '../version';

const keyOf = (f: Pick<Finding, 'stack' | 'ruleId' | 'resource' | 'messageId'>) =>
  `${f.stack}|${f.ruleId}|${f.resource ?? ''}|${f.messageId}`;

export function formatBaseline(result: CheckResult): string {
  const findings = result.findings.map((f) => ({
    stack: f.stack,
    ruleId: f.ruleId,
    resource: f.resource,
    messageId: f.messageId,
  }));
  return JSON.stringify({ tool: { name: TOOL.name, version: TOOL.version }, baseline: findings }, null, 2) + '\n';
}

/** The report without the findings a baseline (the parsed JSON of `file`) records, and a notice counting them. */
export function applyBaseline(report: CheckReport, document: unknown, file: string): CheckReport {
  const entries = (document as { baseline?: unknown } | null)?.baseline;
  if (!Array.isArray(entries)) throw new InputError(file, 'not a recovery-gate baseline (no "baseline" list)');
  const bad = entries.findIndex((e) => {
    const f = e as Record<string, unknown> | null;
    return (
      typeof f !== 'object' ||
      f === null ||
      Array.isArray(f) ||
      typeof f.stack !== 'string' ||
      typeof f.ruleId !== 'string' ||
      typeof f.messageId !== 'string' ||
      !(typeof f.resource === 'string' || f.resource === null)
    );
  });
  if (bad >= 0)
    throw new InputError(file, `baseline[${bad}] is not a finding ({ "stack", "ruleId", "resource", "messageId" })`);
  const known = new Set((entries as Finding[]).map(keyOf));
  const { result } = report;
  const fresh = result.findings.filter((f) => !known.has(keyOf(f)));
  const hidden = result.findings.length - fresh.length;
  const notices =
    hidden > 0
      ? [
          ...result.notices,
          {
            stack: file,
            resources: [],
            message: `${hidden} finding(s) recorded in the baseline ${file} are not shown`,
          },
        ]
      : result.notices;
  return { ...report, result: { ...result, findings: fresh, notices } };
}
