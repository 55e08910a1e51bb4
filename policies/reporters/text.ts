/** Human-readable report: grouped by stack and severity, one line per finding. */
import type { CheckResult, Finding } from '../engine/run';
import { summarize } from '../engine/run';
import { SEVERITIES, Severity } from '../engine/rule';

export interface TextOptions {
  /** ANSI colours; the CLI turns them on only for a TTY. */
  readonly color?: boolean;
}

const COLOURS: Record<Severity | 'dim' | 'bold', string> = { critical: '\x1b[1;31m', high: '\x1b[31m', medium: '\x1b[33m', low: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m' };

export function formatText(result: CheckResult, options: TextOptions = {}): string {
  const paint = (c: keyof typeof COLOURS, s: string) => (options.color ? `${COLOURS[c]}${s}\x1b[0m` : s);
  const lines: string[] = [];
  const byStack = new Map<string, Finding[]>();
  for (const f of result.findings) byStack.set(f.stack, [...(byStack.get(f.stack) ?? []), f]);
  for (const [stack, findings] of byStack) {
    lines.push(paint('bold', `${stack}`));
    for (const severity of SEVERITIES) {
      const group = findings.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      lines.push(`  ${paint(severity, severity.toUpperCase())}`);
      for (const f of group) {
        const where = f.resource ? `${f.resource}${f.line ? paint('dim', ` (${f.file}:${f.line})`) : ''}` : paint('dim', '(configuration)');
        lines.push(`    ${f.ruleId} ${where}`);
        lines.push(`      ${f.message}`);
      }
    }
    lines.push('');
  }
  for (const n of result.notices) {
    lines.push(`notice: ${n.stack}: ${n.message}:`);
    for (const r of n.resources) lines.push(`  - ${r}`);
  }
  for (const e of result.errors) lines.push(paint('critical', `engine error: ${e.ruleId} on ${e.stack}: ${e.message}`));
  lines.push(summaryLine(result.findings));
  return lines.join('\n') + '\n';
}

/** The closing line of the text report: counts by severity. */
export function summaryLine(findings: readonly Finding[]): string {
  const s = summarize(findings);
  const total = SEVERITIES.reduce((n, k) => n + s[k], 0);
  return total === 0 ? 'No findings.' : `${total} finding${total === 1 ? '' : 's'}: ${SEVERITIES.map((k) => `${s[k]} ${k}`).join(', ')}.`;
}
