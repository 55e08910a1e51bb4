/**
 * What the GitHub Action (action.yml) runs, kept here so it is tested without
 * network: the command line its inputs make, and the one pull-request comment
 * it posts and then updates on every push.
 */

export interface ActionInputs {
  /** check, review or drift. @default check */
  readonly command?: string;
  /** Paths to check (whitespace-separated); for drift, the plan JSON. @default cdktf.out */
  readonly paths?: string;
  readonly base?: string;
  readonly head?: string;
  readonly plan?: string;
  /** @default high */
  readonly failOn?: string;
  readonly config?: string;
}

export const ACTION_OUTPUTS = { sarif: 'recovery-gate.sarif', markdown: 'recovery-gate-comment.md' } as const;

/** The recovery-gate arguments for the action's inputs: SARIF for code scanning, Markdown for the comment, text in the log. */
export function actionArgs(inputs: ActionInputs): string[] {
  const command = inputs.command?.trim() || 'check';
  const paths = (inputs.paths ?? '').split(/\s+/).filter(Boolean);
  const reports = [
    '--format',
    'sarif',
    '--output',
    ACTION_OUTPUTS.sarif,
    '--format',
    'markdown',
    '--output',
    ACTION_OUTPUTS.markdown,
    '--format',
    'github',
    '--output',
    '-',
  ];
  const common = [...(inputs.config?.trim() ? ['--config', inputs.config.trim()] : []), ...reports];
  switch (command) {
    case 'check':
      return [
        'check',
        ...(paths.length > 0 ? paths : ['cdktf.out']),
        '--fail-on',
        inputs.failOn?.trim() || 'high',
        ...common,
      ];
    case 'review':
      if (inputs.plan?.trim())
        return ['review', '--plan', inputs.plan.trim(), '--fail-on', inputs.failOn?.trim() || 'high', ...common];
      if (!inputs.base?.trim() || !inputs.head?.trim())
        throw new Error('review needs the base and head inputs (or plan)');
      return [
        'review',
        '--base',
        inputs.base.trim(),
        '--head',
        inputs.head.trim(),
        '--fail-on',
        inputs.failOn?.trim() || 'high',
        ...common,
      ];
    case 'drift':
      if (paths.length !== 1 && !inputs.plan?.trim())
        throw new Error('drift needs the plan input: terraform show -json of a refresh-only plan');
      return ['drift', inputs.plan?.trim() || paths[0], ...common];
    default:
      throw new Error(`command must be check, review or drift, not "${command}"`);
  }
}

/** Marks the comment this action owns, so each push updates it instead of adding another. */
export const COMMENT_MARKER = '<!-- recovery-gate -->';

/** The part of Octokit (as actions/github-script provides it) the comment needs. */
export interface IssuesApi {
  listComments(p: {
    owner: string;
    repo: string;
    issue_number: number;
    per_page: number;
    page: number;
  }): Promise<{ data: { id: number; body?: string | null; user?: { type?: string } | null }[] }>;
  createComment(p: { owner: string; repo: string; issue_number: number; body: string }): Promise<unknown>;
  updateComment(p: { owner: string; repo: string; comment_id: number; body: string }): Promise<unknown>;
}

export interface PullRequestContext {
  readonly repo: { owner: string; repo: string };
  readonly issue: { number: number };
}

/** GitHub refuses a comment longer than this. */
const MAX_COMMENT = 65_000;

/** Posts the report as the pull request's recovery-gate comment, or updates the one already there. Returns what it did. */
export async function upsertComment(
  issues: IssuesApi,
  context: PullRequestContext,
  report: string,
): Promise<'created' | 'updated'> {
  const marked = `${COMMENT_MARKER}\n${report}`;
  const body =
    marked.length > MAX_COMMENT
      ? `${marked.slice(0, MAX_COMMENT - 120)}\n\n… the report is longer than a comment can hold: see the SARIF results and the job log.`
      : marked;
  const where = { owner: context.repo.owner, repo: context.repo.repo, issue_number: context.issue.number };
  for (let page = 1; ; page++) {
    const { data } = await issues.listComments({ ...where, per_page: 100, page });
    // Only a bot's comment is ours to edit: a person quoting the marker keeps their comment.
    const ours = data.find((c) => c.body?.startsWith(COMMENT_MARKER) && c.user?.type === 'Bot');
    if (ours) {
      await issues.updateComment({ owner: where.owner, repo: where.repo, comment_id: ours.id, body });
      return 'updated';
    }
    if (data.length < 100) break;
  }
  await issues.createComment({ ...where, body });
  return 'created';
}
