/**
 * Markdown report, for pull-request comments and CI summaries: a summary
 * table, then findings per stack with the rule's doc page, the resource to
 * change and where it is written.
 */
import { SEVERITIES } from '../engine/rule';
import type { CheckResult, Finding } from '../engine/run';
import { summarize } from '../engine/run';
import { TOOL } from '../version';

/** Table cells cannot hold pipes or newlines. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function location(f: Finding): string {
  return f.line !== null ? `${f.file}:${f.line}` : f.file;
}

export function formatMarkdown(result: CheckResult): string {
  const summary = summarize(result.findings);
  const out: string[] = [`## ${TOOL.name} ${TOOL.version}`, ''];
  out.push(result.findings.length === 0 ? 'No findings.' : `${result.findings.length} finding(s).`, '');
  out.push(`| ${SEVERITIES.join(' | ')} |`, `|${SEVERITIES.map(() => '---:').join('|')}|`, `| ${SEVERITIES.map((s) => summary[s]).join(' | ')} |`, '');
  const stacks = [...new Set(result.findings.map((f) => f.stack))];
  for (const stack of stacks) {
    out.push(`### ${cell(stack)}`, '', '| Severity | Rule | Resource | Where | What to change |', '|---|---|---|---|---|');
    for (const f of result.findings.filter((x) => x.stack === stack)) {
      out.push(`| ${f.severity} | [${f.ruleId}](docs/rules/${f.ruleId}.md) | ${f.resource ? `\`${cell(f.resource)}\`` : '(configuration)'} | ${cell(location(f))} | ${cell(f.message)} |`);
    }
    out.push('');
  }
  for (const n of result.notices) out.push(`> **Note (${cell(n.stack)}):** ${cell(n.message)}: ${n.resources.map((r) => `\`${cell(r)}\``).join(', ')}`, '');
  for (const e of result.errors) out.push(`> **Error:** ${e.ruleId} could not run on ${cell(e.stack)}: ${cell(e.message)}`, '');
  return out.join('\n');
}
