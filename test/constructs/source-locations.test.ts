/** For the example tenants, findings and SARIF point at the TypeScript line that created the construct. */
import { readFileSync } from 'node:fs';
import { Testing } from 'cdktf';
import { recordSourceLocations } from '../../constructs';
import { checkStack } from '../../constructs/check-stack';
import { formatSarif } from '../../policies/reporters/sarif';
import { ACME } from '../../stacks/company';
import { EntraTenantStack } from '../../stacks/entra-tenant';

recordSourceLocations();

const lineOf = (file: string, text: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1;

it('a break-glass finding points at `new EntraBreakGlass(…)` in stacks/entra-tenant.ts, in JSON and SARIF', () => {
  const app = Testing.app();
  const tenant = new EntraTenantStack(app, 'acme-entra', ACME);
  tenant.breakGlass.node.tryRemoveChild('sign_in_alert');
  const result = checkStack(tenant);
  const finding = result.findings.find((f) => f.ruleId === 'RG-15')!;
  const expected = {
    file: 'stacks/entra-tenant.ts',
    line: lineOf('stacks/entra-tenant.ts', 'this.breakGlass = new EntraBreakGlass('),
  };
  expect(finding.code).toEqual(expected);
  const sarif = JSON.parse(formatSarif({ command: 'check', result }));
  const location = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'RG-15').locations[0]
    .physicalLocation;
  expect(location).toEqual({ artifactLocation: { uri: expected.file }, region: { startLine: expected.line } });
});
