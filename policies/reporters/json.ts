/** The stable JSON contract: other tools and CI depend on it. */
import type { CheckResult } from '../engine/run';
import { summarize } from '../engine/run';
import { TOOL } from '../version';

export function formatJson(result: CheckResult): string {
  const doc = {
    tool: { name: TOOL.name, version: TOOL.version },
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      resource: f.resource,
      stack: f.stack,
      file: f.file,
      line: f.line,
      constructPath: f.constructPath,
      message: f.message,
      messageId: f.messageId,
      frameworks: f.frameworks,
    })),
    notices: result.notices,
    errors: result.errors,
    summary: summarize(result.findings),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
