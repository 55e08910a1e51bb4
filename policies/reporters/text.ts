/** Human-readable report: grouped by stack and severity, one line per finding. */
import type { CheckResult, CheckedStack, Finding } from '../engine/run';
import { asInput, type ReportInput, changesOf, describeSuppression, driftOf } from './report-input';
import { describeStep } from '../graph/paths';
import { summarize } from '../engine/run';
import { SEVERITIES, Severity } from '../engine/rule';
import { addTo, counted } from '../lists';
import { atLineStart, withSingleLineStrings } from './escape';
import { describeOff } from '../engine/selection';

export interface TextOptions {
  /** ANSI colours; the CLI turns them on only for a TTY. */
  readonly color?: boolean;
}

const COLOURS: Record<Severity | 'dim' | 'bold', string> = {
  critical: '\x1b[1;31m',
  high: '\x1b[31m',
  medium: '\x1b[33m',
  low: '\x1b[36m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
};

export function formatText(x: CheckResult | ReportInput, options: TextOptions = {}): string {
  // Every name and value from the input stays on its line: no newline, no escape sequence reaches the terminal or CI log.
  const input = withSingleLineStrings(asInput(x));
  const result = input.result;
  const paint = (c: keyof typeof COLOURS, s: string) => (options.color ? `${COLOURS[c]}${s}\x1b[0m` : s);
  const lines: string[] = [];
  if (input.command === 'review') {
    lines.push(paint('bold', `Weakening changes: ${input.changes.length}`));
    for (const c of changesOf(input))
      lines.push(
        `  ${c.kind} ${c.resource} ${c.attribute}: ${c.before} → ${c.after}`,
        `    ${c.message} (erodes ${c.ruleId})`,
      );
    lines.push(paint('bold', `Findings introduced: ${input.introduced.length}, resolved: ${input.resolved.length}`));
    for (const f of input.introduced) lines.push(`  + ${f.ruleId} ${f.resource ?? '(configuration)'} [${f.severity}]`);
    for (const f of input.resolved) lines.push(`  - ${f.ruleId} ${f.resource ?? '(configuration)'} [${f.severity}]`);
    if (input.unevaluated.length) {
      lines.push(paint('bold', `Changed but not evaluated statically (review the plan): ${input.unevaluated.length}`));
      for (const r of input.unevaluated) lines.push(`  ? ${r}`);
    }
    lines.push('');
  }
  for (const d of driftOf(input)) {
    lines.push(paint('bold', `Drift in ${d.stack}: ${d.drift.length} resource(s) changed outside code`));
    for (const e of d.drift) {
      lines.push(`  ${e.resource}: ${e.deleted ? 'deleted' : e.attributes.join(', ')}`);
      for (const w of e.weakenings)
        lines.push(`    ${w.kind} ${w.attribute}: ${w.before} → ${w.after} — ${w.message} (erodes ${w.ruleId})`);
    }
    for (const c of d.failedChecks) lines.push(`  check ${c.address} ${c.status}: ${c.problems.join('; ')}`);
    for (const e of d.expiries)
      lines.push(`  ${e.expired ? 'EXPIRED' : `expires in ${e.days} day(s)`}: ${e.what} ${e.resource} (${e.expires})`);
    lines.push('');
  }
  if (input.command !== 'check') return lines.join('\n') + '\n';
  const byStack = new Map<string, Finding[]>();
  for (const f of result.findings) addTo(byStack, f.stack, f);
  for (const [stack, findings] of byStack) {
    lines.push(paint('bold', atLineStart(stack)));
    for (const severity of SEVERITIES) {
      const group = findings.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      lines.push(`  ${paint(severity, severity.toUpperCase())}`);
      for (const f of group) {
        const where = f.resource
          ? `${f.resource}${f.line ? paint('dim', ` (${f.file}:${f.line})`) : ''}`
          : paint('dim', '(configuration)');
        lines.push(`    ${f.ruleId} ${where}${f.suppressed ? paint('dim', ' [suppressed]') : ''}`);
        lines.push(`      ${f.message}`);
        for (const step of f.path ?? []) lines.push(paint('dim', `        ${describeStep(step)}`));
        if (f.suppressed) lines.push(paint('dim', `      Suppressed ${describeSuppression(f.suppressed)}`));
      }
    }
    lines.push('');
  }
  for (const n of result.notices) {
    lines.push(`notice: ${n.stack}: ${n.message}:`);
    for (const r of n.resources) lines.push(`  - ${r}`);
  }
  if (result.rulesOff?.length) lines.push(`Rules off: ${describeOff(result.rulesOff)}.`);
  for (const e of result.errors) lines.push(paint('critical', `engine error: ${e.ruleId} on ${e.stack}: ${e.message}`));
  if (input.configuration) lines.push(`Configuration: ${input.configuration}.`);
  if (result.stacks) lines.push(checkedLine(result.stacks));
  lines.push(summaryLine(result.findings));
  return lines.join('\n') + '\n';
}

/** What was checked, and as what (a whole tenant, or a child module whose absences are its caller's). */
export function checkedLine(stacks: readonly CheckedStack[]): string {
  const resources = stacks.reduce((n, s) => n + s.resources, 0);
  const each = stacks.map((s) => `${s.name} as ${s.scope === 'module' ? 'a child module' : 'a whole tenant'}`);
  return `Checked ${counted(resources, 'resource')} in ${counted(stacks.length, 'stack')}: ${each.join(', ')}.`;
}

/** The closing line of the text report: counts by severity. */
export function summaryLine(findings: readonly Finding[]): string {
  const s = summarize(findings);
  const total = SEVERITIES.reduce((n, k) => n + s[k], 0);
  const suppressed = findings.filter((f) => f.suppressed).length;
  const note = suppressed > 0 ? ` (${suppressed} suppressed, listed above)` : '';
  return total === 0
    ? `No findings.${note}`
    : `${counted(total, 'finding')}: ${SEVERITIES.map((k) => `${s[k]} ${k}`).join(', ')}.${note}`;
}
