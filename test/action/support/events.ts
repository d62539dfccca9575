// Event payloads shaped like the ones GitHub writes to GITHUB_EVENT_PATH (trimmed to the usual fields,
// with the fields the Action reads exactly where GitHub puts them).

export const OWNER = 'acme';
export const REPO = 'aws-org';
export const FULL_NAME = `${OWNER}/${REPO}`;

function repository(fullName: string, defaultBranch = 'main'): Record<string, unknown> {
  const [owner = '', name = ''] = fullName.split('/');
  return {
    id: 424242,
    node_id: 'R_kgDOAAAAAA',
    name,
    full_name: fullName,
    private: true,
    owner: { login: owner, id: 1, type: 'Organization' },
    html_url: `https://github.com/${fullName}`,
    fork: fullName !== FULL_NAME,
    default_branch: defaultBranch,
    master_branch: defaultBranch,
  };
}

export interface PullRequestEventOptions {
  readonly number: number;
  readonly headSha: string;
  readonly baseSha?: string;
  readonly action?: 'opened' | 'synchronize' | 'reopened';
  /** "someone/aws-org" for a PR from a fork. */
  readonly headRepo?: string;
}

export function pullRequestEvent(options: PullRequestEventOptions): Record<string, unknown> {
  const headRepo = options.headRepo ?? FULL_NAME;
  const base = repository(FULL_NAME);
  return {
    action: options.action ?? 'synchronize',
    number: options.number,
    pull_request: {
      url: `https://api.github.com/repos/${FULL_NAME}/pulls/${options.number}`,
      id: 9_000_000 + options.number,
      number: options.number,
      state: 'open',
      title: 'Move the sandbox accounts',
      user: { login: 'dev', id: 2, type: 'User' },
      draft: false,
      merged: false,
      merge_commit_sha: null,
      head: { label: `${headRepo.split('/')[0]}:change`, ref: 'change', sha: options.headSha, repo: repository(headRepo) },
      base: { label: `${OWNER}:main`, ref: 'main', sha: options.baseSha ?? 'b'.repeat(40), repo: base },
    },
    repository: base,
    sender: { login: 'dev', id: 2, type: 'User' },
  };
}

export function pushEvent(options: { readonly after: string; readonly ref?: string; readonly defaultBranch?: string }): Record<string, unknown> {
  return {
    ref: options.ref ?? 'refs/heads/main',
    before: 'c'.repeat(40),
    after: options.after,
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `https://github.com/${FULL_NAME}/compare/cccccc...${options.after.slice(0, 6)}`,
    commits: [{ id: options.after, message: 'Merge pull request #7 from acme/change', distinct: true }],
    head_commit: { id: options.after, message: 'Merge pull request #7 from acme/change' },
    repository: repository(FULL_NAME, options.defaultBranch),
    pusher: { name: 'dev', email: 'dev@example.com' },
    sender: { login: 'dev', id: 2, type: 'User' },
  };
}

export function scheduleEvent(): Record<string, unknown> {
  return { schedule: '17 6 * * *', repository: repository(FULL_NAME), workflow: '.github/workflows/org-drift.yml' };
}

/** workflow_dispatch, as GitHub writes it when a person runs a workflow by hand on `ref`. */
export function workflowDispatchEvent(options: { readonly inputs: Record<string, string>; readonly ref?: string }): Record<string, unknown> {
  return {
    inputs: options.inputs,
    ref: options.ref ?? 'refs/heads/main',
    repository: repository(FULL_NAME),
    sender: { login: 'dev', id: 2, type: 'User' },
    workflow: '.github/workflows/org-apply.yml',
  };
}
