// The world an end-to-end Action test runs in: our emulator as AWS (reset before each test), a fresh
// fake GitHub per test, and helpers that run the committed bundle against both.

import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach } from 'vitest';
import { useEmulator, type TestEmulator } from '../../support/emulator.js';
import { OWNER, pullRequestEvent, REPO } from './events.js';
import { startFakeGitHub, type FakeGitHub, type FakeToken } from './fake-github.js';
import { runAction, type ActionRun, type RunActionOptions } from './run-action.js';

export const MANAGEMENT_ACCOUNT = '123456789012';

/** An org.yaml for the emulator's account: OUs, the management account placed, one budget. */
export function orgYaml(options: { readonly ous?: readonly string[]; readonly extraOus?: number } = {}): string {
  const ous = options.ous ?? ['Security', 'Sandbox'];
  const extra = Array.from({ length: options.extraOus ?? 0 }, (_, i) => `    Team${String(i).padStart(4, '0')}: {}`);
  return [
    'version: 1',
    'organization:',
    `  managementAccountId: "${MANAGEMENT_ACCOUNT}"`,
    '  featureSet: ALL',
    'root:',
    '  organizationalUnits:',
    '    Management:',
    `      accounts: ["${MANAGEMENT_ACCOUNT}"]`,
    ...ous.map((name) => `    ${name}: {}`),
    ...extra,
    'budgets:',
    '  - name: monthly-guardrail',
    '    amount: 10',
    '    unit: USD',
    '    timeUnit: MONTHLY',
    '    notifications:',
    '      - type: ACTUAL',
    '        threshold: 80',
    '        thresholdType: PERCENTAGE',
    '        comparison: GREATER_THAN',
    '        emails: [billing@example.com]',
    '',
  ].join('\n');
}

/**
 * The tokens the fake GitHub knows, by what they are. Any other token (the tests' usual `ghs_test`) is
 * GITHUB_TOKEN: it writes as github-actions[bot].
 */
export const TOKENS = {
  /** A personal access token of the user Org-Automation. */
  personal: 'ghp_org_automation',
  /** An installation token of the GitHub App acme-orgctl (writes as acme-orgctl[bot]). */
  app: 'ghs_acme_orgctl_installation',
} as const;
const FAKE_TOKENS: Record<string, FakeToken> = {
  [TOKENS.personal]: { kind: 'user', login: 'Org-Automation' },
  [TOKENS.app]: { kind: 'app', slug: 'acme-orgctl' },
};

export function sha(char: string): string {
  return char.repeat(40);
}

export interface ActionWorld {
  emulator(): TestEmulator;
  github(): FakeGitHub;
  /** Runs dist/index.js against this world's emulator and fake GitHub. */
  run(options: Omit<RunActionOptions, 'githubApiUrl' | 'awsEnv'> & { readonly withAws?: boolean; readonly githubApiUrl?: string }): Promise<ActionRun>;
  /**
   * A pull request changing org.yaml to `yaml` is opened and planned by the Action (its comment records the
   * plan reviewers see), then merged as `mergeCommit`. Returns the plan run. Apply on a push of `mergeCommit`
   * then applies that reviewed plan.
   */
  reviewAndMerge(options: { readonly number: number; readonly headSha: string; readonly mergeCommit: string; readonly yaml: string; readonly inputs?: Record<string, string> }): Promise<ActionRun>;
}

/** The plan command's inputs as action.yml defaults them, with the tests' GITHUB_TOKEN. */
export const PLAN_INPUTS = { command: 'plan', file: 'org.yaml', 'github-token': 'ghs_test', comment: 'true', 'fail-on-drift': 'false' } as const;

export function useActionWorld(): ActionWorld {
  const emulator = useEmulator({ accountId: MANAGEMENT_ACCOUNT });
  let github: FakeGitHub | undefined;
  beforeEach(async () => {
    github = await startFakeGitHub({ owner: OWNER, repo: REPO }, { tokens: FAKE_TOKENS });
  });
  afterEach(async () => {
    await github?.close();
    github = undefined;
  });
  const currentGitHub = (): FakeGitHub => {
    if (!github) throw new Error('the fake GitHub runs only inside tests');
    return github;
  };
  const run: ActionWorld['run'] = ({ withAws = true, githubApiUrl, ...options }) =>
    runAction({
      ...options,
      githubApiUrl: githubApiUrl ?? currentGitHub().url,
      // Our emulator does not throttle by default; pace 50x faster than AWS's published rates.
      ...(withAws ? { awsEnv: { ...emulator().env, ORGCTL_RATE_SCALE: '50' } } : {}),
    });
  return {
    emulator,
    github: currentGitHub,
    run,
    reviewAndMerge: async ({ number, headSha, mergeCommit, yaml, inputs = {} }) => {
      currentGitHub().addPullRequest({ number, headSha });
      const planned = await run({
        eventName: 'pull_request',
        event: pullRequestEvent({ number, headSha }),
        inputs: { ...PLAN_INPUTS, ...inputs },
        orgYaml: yaml,
        sha: sha('9'),
        ref: `refs/pull/${number}/merge`,
      });
      if (planned.code !== 0) throw new Error(`planning #${number} failed:\n${planned.stdout}`);
      currentGitHub().mergePullRequest(number, mergeCommit);
      return planned;
    },
  };
}

/** The comments on an issue that carry a marker. */
export function markedComments(github: FakeGitHub, issueNumber: number, marker: string): string[] {
  return github
    .issue(issueNumber)
    .comments.filter((c) => c.body.startsWith(marker))
    .map((c) => c.body);
}

/** A URL on 127.0.0.1 where nothing listens: connecting to it is refused (ECONNREFUSED). */
export async function unreachableApiUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return `http://127.0.0.1:${port}`;
}
