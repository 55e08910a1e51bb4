/**
 * The CI examples under examples/ci run exactly the recovery-gate commands
 * tested here: each command line is read from the workflow and run in a
 * workspace laid out as the workflow lays it out.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdktf';
import { RecoveryGuidance } from '../../constructs';
import { ACME } from '../../stacks/company';
import { EntraTenantStack } from '../../stacks/entra-tenant';
import { runCli } from '../support/memory-io';
import { parse as parseYaml } from 'yaml';

const WORKFLOWS = 'examples/ci/github';

/** `npx recovery-gate …` lines of a workflow, as argument lists. */
function commandsOf(file: string): string[][] {
  return readFileSync(path.join(WORKFLOWS, file), 'utf8')
    .split('\n')
    .map((l) => l.trim().replace(/^run:\s*/, ''))
    .filter((l) => l.startsWith('npx recovery-gate '))
    .map((l) => l.replace(/^npx recovery-gate /, '').split(/\s+/));
}

function synthesize(outdir: string, weaken: boolean): void {
  mkdirSync(path.dirname(outdir), { recursive: true });
  const app = Testing.app({ outdir });
  RecoveryGuidance.of(app, { failOn: 'none' });
  const tenant = new EntraTenantStack(app, 'acme-entra', ACME);
  if (weaken) tenant.breakGlass.node.tryRemoveChild('sign_in_alert');
  app.synth();
}

async function inDirectory<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    return await fn();
  } finally {
    process.chdir(previous);
  }
}

let work: string;
beforeAll(() => (work = mkdtempSync(path.join(os.tmpdir(), 'rg-ci-'))));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('examples/ci', () => {
  it('the pull-request workflow reviews base against head, writing SARIF and the Markdown comment', async () => {
    const commands = commandsOf('recovery-gate-review.yml');
    expect(commands).toHaveLength(1);
    synthesize(path.join(work, 'base', 'cdktf.out'), false);
    synthesize(path.join(work, 'head', 'cdktf.out'), true);
    const r = await inDirectory(path.join(work, 'head'), () => runCli(commands[0], { cwd: path.join(work, 'head') }));
    expect(r.stderr).toBe('');
    expect([...r.files.keys()].sort()).toEqual(['../review.md', '../review.sarif']);
    expect(r.files.get('../review.md')).toMatch(/W-BREAKGLASS \| `azurerm_monitor_scheduled_query_rules_alert_v2\.break_glass_sign_in_alert_\w+`/);
    expect(JSON.parse(r.files.get('../review.sarif')!).runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'RG-15')).toBe(true);
    expect(r.code).toBe(1); // the change introduces a critical finding: the job fails after reporting
  });

  it('the scheduled workflow reports drift from the refresh-only plan', async () => {
    const commands = commandsOf('recovery-gate-drift.yml');
    expect(commands).toHaveLength(1);
    const dir = path.join(work, 'drift');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'drift.json'), JSON.stringify({
      format_version: '1.2',
      planned_values: { root_module: { resources: [{ address: 'terraform_data.tap', mode: 'managed', type: 'terraform_data', name: 'tap', values: { input: { recovery_gate_attestation: { control: 'RG-10', owner: 'a', approver: 'b', evidence: 'c', expires: '2020-01-01T00:00:00Z' } } }, sensitive_values: {} }] } },
      resource_changes: [],
      resource_drift: [],
    }));
    const r = await inDirectory(dir, () => runCli(commands[0], { cwd: dir }));
    expect(r.stderr).toBe('');
    expect([...r.files.keys()].sort()).toEqual(['drift.md', 'drift.sarif']);
    expect(r.files.get('drift.md')).toMatch(/❌ expired 2020-01-01: attestation `terraform_data\.tap`/);
    expect(r.code).toBe(1);
  });
});

describe('the weekly mutation workflow', () => {
  it('runs npm run mutate on a weekly schedule and proposes the incremental results Stryker keeps', () => {
    const text = readFileSync(path.join(WORKFLOWS, 'recovery-gate-mutation.yml'), 'utf8');
    const workflow = parseYaml(text) as {
      on: { schedule: { cron: string }[] };
      jobs: { mutate: { steps: { run?: string; with?: Record<string, string> }[] } };
    };
    const [minute, hour, dayOfMonth, month, dayOfWeek] = workflow.on.schedule[0].cron.split(' ');
    expect([minute, hour, dayOfMonth, month]).toEqual(['0', '3', '*', '*']);
    expect(dayOfWeek).toMatch(/^[0-6]$/);
    const steps = workflow.jobs.mutate.steps;
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'npm run mutate']);
    const config = readFileSync('stryker.config.mjs', 'utf8');
    const incremental = /incrementalFile: '([^']+)'/.exec(config)![1];
    expect(steps.some((s) => s.with?.['add-paths'] === incremental)).toBe(true);
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.mutate).toMatch(/^stryker run/);
  });
});
