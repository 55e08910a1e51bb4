/**
 * The GitHub Action, offline: the command line its inputs make (run here as
 * the action runs it), the one comment it posts and updates, and action.yml,
 * the example workflow and the pre-commit hook agreeing with both.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ACTION_OUTPUTS, COMMENT_MARKER, type IssuesApi, actionArgs, upsertComment } from '../../cli/github-action';
import { VALIDATE } from '../support/format-validators';
import { runCli } from '../support/memory-io';

describe('the command line of the action', () => {
  it('check: the paths, fail-on and config, with SARIF, the comment and annotations', () => {
    expect(actionArgs({ paths: ' infra/okta  infra/entra ', failOn: 'critical', config: 'rg.json' })).toEqual([
      'check', 'infra/okta', 'infra/entra', '--fail-on', 'critical', '--config', 'rg.json',
      '--format', 'sarif', '--output', ACTION_OUTPUTS.sarif, '--format', 'markdown', '--output', ACTION_OUTPUTS.markdown, '--format', 'github', '--output', '-',
    ]);
    expect(actionArgs({}).slice(0, 4)).toEqual(['check', 'cdktf.out', '--fail-on', 'high']);
  });

  it('review from base and head or from one plan; drift from the plan; a missing input says what is needed', () => {
    expect(actionArgs({ command: 'review', base: 'base/cdktf.out', head: 'head/cdktf.out' }).slice(0, 7)).toEqual(['review', '--base', 'base/cdktf.out', '--head', 'head/cdktf.out', '--fail-on', 'high']);
    expect(actionArgs({ command: 'review', plan: 'plan.json' }).slice(0, 3)).toEqual(['review', '--plan', 'plan.json']);
    expect(actionArgs({ command: 'drift', plan: 'drift.json' }).slice(0, 2)).toEqual(['drift', 'drift.json']);
    expect(() => actionArgs({ command: 'review', base: 'b' })).toThrow(/review needs the base and head inputs/);
    expect(() => actionArgs({ command: 'deploy' })).toThrow(/command must be check, review or drift, not "deploy"/);
  });

  it('runs: SARIF and the comment written, annotations in the log, the exit code of the contract', async () => {
    const r = await runCli(actionArgs({ paths: 'test/fixtures/cdktf/unscoped-helpdesk.json' }));
    expect(r.code).toBe(1);
    expect([...r.files.keys()].sort()).toEqual([ACTION_OUTPUTS.markdown, ACTION_OUTPUTS.sarif].sort());
    expect(JSON.parse(r.files.get(ACTION_OUTPUTS.sarif)!).runs[0].results.length).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/^::error file=test\/fixtures\/cdktf\/unscoped-helpdesk\.json,line=11,title=RG-01 \(high\) in acme::/m);
  });
});

/** An in-memory issue: its comments, and what the action did to them. */
function fakeIssues(comments: { id: number; body: string; user: { type: string } }[]): IssuesApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    listComments: async ({ page, per_page }) => ({ data: comments.slice((page - 1) * per_page, page * per_page) }),
    createComment: async ({ body }) => {
      calls.push(`create ${body.length}`);
      comments.push({ id: 999, body, user: { type: 'Bot' } });
    },
    updateComment: async ({ comment_id, body }) => {
      calls.push(`update ${comment_id}`);
      comments.find((c) => c.id === comment_id)!.body = body;
    },
  };
}
const context = { repo: { owner: 'acme', repo: 'infra' }, issue: { number: 7 } };

describe('the pull-request comment', () => {
  it('is created once, then updated on every push', async () => {
    const issues = fakeIssues([{ id: 1, body: 'LGTM', user: { type: 'User' } }]);
    expect(await upsertComment(issues, context, '## first')).toBe('created');
    expect(await upsertComment(issues, context, '## second')).toBe('updated');
    expect(issues.calls).toEqual([expect.stringMatching(/^create /), 'update 999']);
  });

  it('finds its comment past the first page, and never edits a person\'s comment that quotes the marker', async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ id: i + 1, body: i === 3 ? `${COMMENT_MARKER} quoted by a person` : 'chatter', user: { type: 'User' } }));
    many.push({ id: 500, body: `${COMMENT_MARKER}\nold`, user: { type: 'Bot' } });
    const issues = fakeIssues(many);
    expect(await upsertComment(issues, context, 'new')).toBe('updated');
    expect(issues.calls).toEqual(['update 500']);
  });

  it('stays within the length GitHub accepts, and says where the rest is', async () => {
    const issues = fakeIssues([]);
    await upsertComment(issues, context, 'x'.repeat(200_000));
    expect(Number(issues.calls[0].split(' ')[1])).toBeLessThanOrEqual(65_000);
  });
});

describe('action.yml, the example workflow and the pre-commit hook', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: { run?: string; uses?: string; env?: Record<string, string>; with?: { script?: string } }[] } };

  it('passes every input to the command line as data, and runs the built action module and binary', () => {
    expect(action.runs.using).toBe('composite');
    const run = action.runs.steps.find((s) => s.env?.RG_COMMAND)!;
    expect(Object.keys(run.env!).sort()).toEqual(['RG_BASE', 'RG_COMMAND', 'RG_CONFIG', 'RG_FAIL_ON', 'RG_HEAD', 'RG_PATHS', 'RG_PLAN']);
    expect(run.run).toMatch(/require\(process\.argv\[1\] \+ "\/dist\/cli\/github-action\.js"\)/);
    expect(run.run).toMatch(/\/bin\/recovery-gate\.js/);
    // No input is spliced into shell text.
    expect(action.runs.steps.map((s) => s.run ?? '').join('\n')).not.toMatch(/\$\{\{\s*inputs\./);
    expect(action.runs.steps.find((s) => s.uses?.startsWith('actions/github-script'))!.with!.script).toMatch(/upsertComment\(github\.rest\.issues, context, report\)/);
    expect(action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))).toBeDefined();
  });

  it('the example workflow uses the action with inputs it declares', () => {
    const workflow = parse(readFileSync('examples/ci/github/recovery-gate-action.yml', 'utf8')) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }> };
    const step = Object.values(workflow.jobs).flatMap((j) => j.steps).find((s) => s.uses?.startsWith('recovery-gate/recovery-gate@'))!;
    expect(Object.keys(step.with!).filter((k) => !(k in action.inputs))).toEqual([]);
    expect(actionArgs({ command: step.with!.command, base: step.with!.base, head: step.with!.head, failOn: step.with!['fail-on'] })[0]).toBe('review');
  });

  it('the pre-commit hook runs the package binary on changed Terraform', () => {
    const [hook] = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as { id: string; entry: string; language: string; files: string }[];
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(hook.entry.split(' ')[0] in pkg.bin).toBe(true);
    expect(hook.language).toBe('node');
    expect(['main.tf', 'cdk.tf.json', 'prod.tfvars'].every((f) => new RegExp(hook.files).test(f))).toBe(true);
  });
});

it('the annotations of the action are valid for the runner', async () => {
  const r = await runCli(['check', 'test/fixtures/cdktf/unscoped-helpdesk.json', '--format', 'github']);
  expect(VALIDATE.github(r.stdout)).toEqual([]);
});
