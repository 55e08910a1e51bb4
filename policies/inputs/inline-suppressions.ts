/**
 * Inline suppressions for HCL, as checkov (`#checkov:skip=`) and tflint
 * (`# tflint-ignore:`) have them: a comment on or directly above a resource,
 *
 *   # recovery-gate:ignore RG-01 reason="Help desk scoping lands in Q1" ticket=SEC-31 approver=ciso-office expires=2027-01-31
 *
 * read into the same suppressions as recovery-gate.json's, with the same
 * requirements; listed in every report, never hidden.
 */
import type { Suppression } from '../model/suppression';
import { InputError } from '../errors';

const DIRECTIVE = /(?:#|\/\/)\s*recovery-gate:ignore\s+(RG-\d\d)\b(.*)$/;
const RESOURCE = /^\s*resource\s+"([^"]+)"\s+"([^"]+)"/;
const FIELD = /(\w+)=(?:"((?:[^"\\]|\\.)*)"|(\S+))/g;

/** The inline suppressions of one HCL file, each on the resource it annotates (in the root module). */
export function inlineSuppressions(file: string, text: string): Suppression[] {
  const lines = text.split('\n');
  const out: Suppression[] = [];
  let pending: { line: number; ruleId: string; fields: Record<string, string> }[] = [];
  lines.forEach((line, i) => {
    const directive = DIRECTIVE.exec(line);
    const resource = RESOURCE.exec(line);
    if (directive) {
      const fields: Record<string, string> = {};
      for (const m of directive[2].matchAll(FIELD))
        fields[m[1]] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
      pending.push({ line: i + 1, ruleId: directive[1], fields });
    }
    if (resource) {
      for (const p of pending)
        out.push(suppressionOf(file, p.line, p.ruleId, p.fields, `${resource[1]}.${resource[2]}`));
      pending = [];
    } else if (!directive && line.trim() !== '' && !/^\s*(#|\/\/)/.test(line)) {
      // Only comments may stand between a directive and its resource.
      if (pending.length > 0)
        throw new InputError(
          `${file}:${pending[0].line}`,
          'a recovery-gate:ignore comment must stand on or directly above a resource block',
        );
    }
  });
  if (pending.length > 0)
    throw new InputError(
      `${file}:${pending[0].line}`,
      'a recovery-gate:ignore comment must stand on or directly above a resource block',
    );
  return out;
}

function suppressionOf(
  file: string,
  line: number,
  ruleId: string,
  f: Record<string, string>,
  address: string,
): Suppression {
  const missing = ['reason', 'ticket', 'expires'].filter((k) => !f[k]);
  if (missing.length > 0)
    throw new InputError(
      `${file}:${line}`,
      `recovery-gate:ignore ${ruleId} needs ${missing.join(', ')} (reason="…" ticket=… approver=… expires=2027-01-31)`,
    );
  // A date alone is midnight UTC, as in Terraform's timestamps.
  const expires = /^\d{4}-\d{2}-\d{2}$/.test(f.expires) ? `${f.expires}T00:00:00Z` : f.expires;
  return {
    ruleId,
    resource: address,
    instances: true,
    reason: f.reason,
    ticket: f.ticket,
    ...(f.approver ? { approver: f.approver } : {}),
    expires,
    source: `${file}:${line}`,
  };
}
