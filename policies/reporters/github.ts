/**
 * GitHub Actions workflow annotations: one `::error`, `::warning` or
 * `::notice` line per finding (and per weakening change or expiry), which the
 * runner shows on the files of the pull request. Everything from the input is
 * escaped as the runner's command syntax requires, so no value can end an
 * annotation early or start a command of its own.
 */
import type { Severity } from '../engine/rule';
import type { CheckResult } from '../engine/run';
import { controlEscaped } from './escape';
import { describeOff } from '../engine/selection';
import { asInput, type ReportInput, changesOf, driftOf } from './report-input';
import { summaryLine } from './text';

const LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
};

/** A command's message: `%`, carriage returns and newlines encoded. */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: also `:` and `,`, which end it. */
function property(text: string): string {
  return data(controlEscaped(text)).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(
  level: 'error' | 'warning' | 'notice',
  message: string,
  props: { file?: string | null; line?: number | null; title: string },
): string {
  const fields = [
    props.file ? `file=${property(props.file)}` : undefined,
    props.file && props.line ? `line=${props.line}` : undefined,
    `title=${property(props.title)}`,
  ].filter(Boolean);
  return `::${level} ${fields.join(',')}::${data(controlEscaped(message))}`;
}

export function formatGithub(x: CheckResult | ReportInput): string {
  const input = asInput(x);
  const lines: string[] = [];
  for (const c of changesOf(input))
    lines.push(
      annotation(
        'warning',
        `${c.kind} ${c.resource} ${c.attribute}: ${c.before} → ${c.after} — ${c.message} (erodes ${c.ruleId})`,
        { title: `${c.kind} (${c.ruleId})` },
      ),
    );
  for (const d of driftOf(input)) {
    for (const e of d.drift)
      for (const w of e.weakenings)
        lines.push(
          annotation(
            'warning',
            `${e.resource} changed outside code: ${w.attribute} ${w.before} → ${w.after} — ${w.message}`,
            { title: `${w.kind} (${w.ruleId})` },
          ),
        );
    for (const e of d.expiries)
      lines.push(
        annotation(
          e.expired ? 'error' : 'warning',
          `${e.expired ? 'Expired' : `Expires in ${e.days} day(s)`}: ${e.what} ${e.resource} (${e.expires})`,
          { title: e.expired ? 'D-EXPIRED' : 'D-EXPIRING' },
        ),
      );
    for (const c of d.failedChecks)
      lines.push(annotation('error', `check ${c.address} ${c.status}: ${c.problems.join('; ')}`, { title: 'D-CHECK' }));
  }
  const findings = input.command === 'review' ? input.introduced : input.result.findings;
  for (const f of findings) {
    if (f.suppressed) continue; // accepted: listed in the other reports, not raised in the log
    lines.push(
      annotation(LEVEL[f.severity], `${f.resource ?? '(configuration)'}: ${f.message}`, {
        file: f.file,
        line: f.line,
        title: `${f.ruleId} (${f.severity}) in ${f.stack}`,
      }),
    );
  }
  if (input.result.rulesOff?.length)
    lines.push(
      annotation('notice', `Rules off in this run: ${describeOff(input.result.rulesOff)}`, { title: 'rules off' }),
    );
  lines.push(summaryLine(findings));
  return lines.join('\n') + '\n';
}
