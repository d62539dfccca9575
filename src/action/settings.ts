// What one run of the Action was asked to do, read once from the inputs and the event (inputs.ts).
// Everything after that works from this value, never from process.env or @actions/github.

import type { AwsTimeouts } from '../aws/timeouts.js';

export const ACTION_COMMANDS = ['plan', 'apply', 'drift'] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

export interface RepositoryName {
  readonly owner: string;
  readonly repo: string;
}

/** The parts of the triggering event the Action decides on. */
export type TriggerEvent =
  | {
      readonly kind: 'pullRequest';
      readonly number: number;
      /** The PR's head commit: what the author pushed (GITHUB_SHA is GitHub's merge commit). */
      readonly headSha: string;
      /** Head repository differs from the base (or was deleted): GitHub gives the run no secrets and no OIDC token. */
      readonly fromFork: boolean;
    }
  | {
      readonly kind: 'push';
      /** e.g. "refs/heads/main". */
      readonly ref: string;
      /** The repository's default branch, from the push payload; undefined when the payload lacks it. */
      readonly defaultBranch: string | undefined;
    }
  | {
      /** workflow_dispatch: a person runs the workflow by hand (apply with the plan-digest input). */
      readonly kind: 'dispatch';
      readonly ref: string;
      readonly defaultBranch: string | undefined;
    }
  | { readonly kind: 'other'; readonly name: string };

export interface ActionSettings {
  readonly command: ActionCommand;
  /** org.yaml as the `file` input names it, relative to the workspace: used in messages and annotations. */
  readonly orgFile: string;
  /** Absolute path of org.yaml. */
  readonly orgFilePath: string;
  readonly githubToken: string;
  /** The comment-author input: the login the token writes as (a GitHub App's `<slug>[bot]`); undefined to ask GitHub. */
  readonly commentAuthor: string | undefined;
  /** Post the PR comment (plan, apply) and keep the drift issue (drift). */
  readonly comment: boolean;
  /** comment: on-change: plan creates no comment while the pull request changes nothing in AWS (an existing one is still updated). */
  readonly commentOnChangeOnly: boolean;
  /** Keep the labels `orgctl: changes` and `orgctl: deletes` on the pull request matching its plan. */
  readonly labels: boolean;
  /** apply on workflow_dispatch: the digest of the plan a person reviewed and means to apply (64 hex characters). */
  readonly planDigest: string | undefined;
  readonly failOnDrift: boolean;
  readonly repository: RepositoryName;
  readonly event: TriggerEvent;
  /** The commit the run checked out (GITHUB_SHA). */
  readonly sha: string;
  /** https://github.com: links to commits and pull requests. */
  readonly serverUrl: string;
  /** Link to this workflow run. */
  readonly runUrl: string;
  /** Where the plan JSON is written (the `plan-json` output). */
  readonly planJsonPath: string;
  /** The runner gave a job summary file (GITHUB_STEP_SUMMARY). */
  readonly hasJobSummary: boolean;
  /** Multiplies AWS's published rates (ORGCTL_RATE_SCALE), as in the CLI. */
  readonly rateScale: number;
  /** Connect and request timeouts of AWS calls (ORGCTL_CONNECT_TIMEOUT_MS, ORGCTL_REQUEST_TIMEOUT_MS), as in the CLI. */
  readonly awsTimeouts: AwsTimeouts;
  /** plan: rehearse the plan in the built-in emulator and show the verdict in the comment (the rehearse input). */
  readonly rehearse: boolean;
}
