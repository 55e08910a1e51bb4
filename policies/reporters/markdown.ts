/**
 * Markdown report, for pull-request comments and CI summaries: a one-line
 * verdict, weakening changes first, then findings per stack by severity with
 * the rule's doc page, the resource and where it is written; the long lists
 * folded.
 */
import { SEVERITIES } from '../engine/rule';
import type { CheckResult, Finding } from '../engine/run';
import { summarize } from '../engine/run';
import { TOOL, rulePage } from '../version';
import { asInput, type ReportInput, changesOf, driftOf } from './report-input';
import { describeStep } from '../graph/paths';
import { formatPathsMarkdown } from './paths';
import { append } from '../lists';
import { markdownCode, markdownText } from './escape';
import { describeOff } from '../engine/selection';

/** Table cells hold text, never markup from the input. */
const cell = markdownText;

function location(f: Finding): string {
  return f.line !== null ? `${f.file}:${f.line}` : f.file;
}

function findingTable(findings: readonly Finding[]): string[] {
  const rows = ['| Severity | Rule | Resource | Where | What to change |', '|---|---|---|---|---|'];
  for (const f of findings) {
    const status = f.suppressed ? ` (suppressed until ${f.suppressed.expires}, ${cell(f.suppressed.ticket)})` : '';
    const chain = f.path ? `<br>${f.path.map((s) => cell(describeStep(s))).join('<br>')}` : '';
    rows.push(
      `| ${f.severity}${status} | [${f.ruleId}](${rulePage(f.ruleId)}) | ${f.resource ? `${markdownCode(f.resource)}` : '(configuration)'} | ${cell(location(f))} | ${cell(f.message)}${chain} |`,
    );
  }
  return rows;
}

function folded(summary: string, lines: string[]): string[] {
  return ['<details>', `<summary>${summary}</summary>`, '', ...lines, '', '</details>', ''];
}

function verdict(input: ReportInput): string {
  const s = summarize(input.result.findings);
  const counts = SEVERITIES.filter((k) => s[k] > 0)
    .map((k) => `${s[k]} ${k}`)
    .join(', ');
  if (input.command === 'review') {
    const weak = input.changes.length;
    const introduced = input.introduced.filter((f) => !f.suppressed).length;
    const unevaluated = input.unevaluated.length;
    const verdict =
      weak > 0 || introduced > 0
        ? `⚠️ This change weakens ${weak} control(s) and introduces ${introduced} finding(s).`
        : unevaluated > 0
          ? `⚠️ This change weakens no control that could be evaluated; ${unevaluated} changed resource(s) could not be.`
          : '✅ This change weakens no recovery control.';
    return `**${verdict}** Resolves ${input.resolved.length}.`;
  }
  if (input.command === 'drift') {
    const weak = driftOf(input).reduce((n, d) => n + d.drift.filter((e) => e.weakenings.length > 0).length, 0);
    const expired = driftOf(input).reduce(
      (n, d) => n + d.expiries.filter((e) => e.expired).length + d.failedChecks.length,
      0,
    );
    return `**${weak + expired === 0 ? '✅ No weakening drift and nothing expired.' : `⚠️ ${weak} weakening change(s) outside code, ${expired} expired or failed check(s).`}**`;
  }
  return `**${counts ? `❌ ${counts}.` : '✅ No findings.'}**`;
}

export function formatMarkdown(x: CheckResult | ReportInput): string {
  const input = asInput(x);
  const { result } = input;
  const out: string[] = [`## ${TOOL.name} ${TOOL.version}`, '', verdict(input), ''];
  const changes = changesOf(input);
  if (changes.length > 0) {
    out.push(
      '### Weakening changes',
      '',
      '| Kind | Resource | Attribute | Before | After | Erodes |',
      '|---|---|---|---|---|---|',
    );
    for (const c of changes)
      out.push(
        `| ${c.kind} | ${markdownCode(c.resource)} | ${cell(c.attribute)} | ${cell(c.before)} | ${cell(c.after)} | [${c.ruleId}](${rulePage(c.ruleId)}): ${cell(c.message)} |`,
      );
    out.push('');
  }
  for (const d of driftOf(input)) {
    out.push(`### Drift: ${cell(d.stack)}`, '');
    if (d.drift.length > 0) {
      out.push('| Resource | Changed outside code | Weakens |', '|---|---|---|');
      for (const e of d.drift)
        out.push(
          `| ${markdownCode(e.resource)} | ${cell(e.deleted ? 'deleted' : e.attributes.join(', '))} | ${cell(e.weakenings.map((w) => `${w.kind} (${w.ruleId}): ${w.message}`).join('; ') || 'no')} |`,
        );
      out.push('');
    }
    for (const c of d.failedChecks)
      out.push(`- ❌ check ${markdownCode(c.address)} ${cell(c.status)}: ${cell(c.problems.join('; '))}`);
    for (const e of d.expiries)
      out.push(
        `- ${e.expired ? '❌ expired' : '⏳ expires'} ${cell(e.expires.slice(0, 10))}: ${cell(e.what)} ${markdownCode(e.resource)}`,
      );
    out.push('');
  }
  if (input.command === 'review') {
    if (input.introduced.length)
      append(out, ['### Findings this change introduces', '', ...findingTable(input.introduced), '']);
    if (input.resolved.length)
      append(out, folded(`Findings this change resolves (${input.resolved.length})`, findingTable(input.resolved)));
  }
  const s = summarize(result.findings);
  out.push(
    `| ${SEVERITIES.join(' | ')} |`,
    `|${SEVERITIES.map(() => '---:').join('|')}|`,
    `| ${SEVERITIES.map((k) => s[k]).join(' | ')} |`,
    '',
  );
  for (const stack of [...new Set(result.findings.map((f) => f.stack))]) {
    const lines = findingTable(result.findings.filter((f) => f.stack === stack));
    if (input.command === 'check') append(out, [`### ${cell(stack)}`, '', ...lines, '']);
    else append(out, folded(`All findings in ${cell(stack)}`, lines));
  }
  if (input.paths?.some((r) => r.paths.length > 0)) out.push(formatPathsMarkdown(input.paths).replace(/^## /, '### '));
  for (const n of result.notices)
    out.push(
      `> **Note (${cell(n.stack)}):** ${cell(n.message)}: ${n.resources.map((r) => `${markdownCode(r)}`).join(', ')}`,
      '',
    );
  if (result.rulesOff?.length) out.push(`> **Rules off:** ${cell(describeOff(result.rulesOff))}`, '');
  for (const e of result.errors)
    out.push(`> **Error:** ${e.ruleId} could not run on ${cell(e.stack)}: ${cell(e.message)}`, '');
  return out.join('\n');
}
