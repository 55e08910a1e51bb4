/** The stable JSON contract: other tools and CI depend on it. `review` adds changes and finding deltas, `drift` its entries. */
import type { CheckResult, Finding } from '../engine/run';
import { summarize } from '../engine/run';
import { TOOL } from '../version';
import { asInput, type ReportInput } from './report-input';

function finding(f: Finding) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    resource: f.resource,
    stack: f.stack,
    file: f.file,
    line: f.line,
    constructPath: f.constructPath,
    ...(f.code ? { code: f.code } : {}),
    message: f.message,
    messageId: f.messageId,
    frameworks: f.frameworks,
    ...(f.path ? { path: f.path } : {}),
    ...(f.suppressed ? { suppressed: f.suppressed } : {}),
  };
}

export function formatJson(x: CheckResult | ReportInput): string {
  const input = asInput(x);
  const { result } = input;
  const doc = {
    tool: { name: TOOL.name, version: TOOL.version },
    findings: result.findings.map(finding),
    notices: result.notices,
    errors: result.errors,
    summary: summarize(result.findings),
    // What was checked, and as what: "tenant" (absences are findings) or "module" (they are a notice).
    ...(result.stacks ? { stacks: result.stacks } : {}),
    // Rules that did not run, and who turned them off: a quiet report is never mistaken for a clean one.
    ...(result.rulesOff?.length ? { rulesOff: result.rulesOff } : {}),
    ...(input.command === 'review'
      ? {
          changes: input.changes,
          introduced: input.introduced.map(finding),
          resolved: input.resolved.map(finding),
          unevaluated: input.unevaluated,
        }
      : {}),
    ...(input.command === 'drift' ? { drift: input.drift } : {}),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
