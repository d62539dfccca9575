// What a command hands back to main.ts, and what main.ts hands each command: the side effects a
// command may have besides GitHub's REST API, so commands run in tests without a runner.

import type { AwsPort } from '../aws/port.js';
import type { GitHubApi, GitHubAuthor } from './github-api.js';

/** A message GitHub pins to a line of a file in the run and the PR (`::error file=…,line=…`). */
export interface Annotation {
  readonly level: 'error' | 'warning';
  readonly message: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

export interface ActionOutputs {
  /** The plan has steps (drift: live differs from org.yaml). */
  readonly hasChanges: boolean;
  /** Path of the plan JSON; undefined when no plan was made (invalid org.yaml, fork PR). */
  readonly planJson: string | undefined;
  /** One line for humans. */
  readonly summary: string;
}

export interface ActionReport {
  readonly outputs: ActionOutputs;
  /** Markdown for the job summary. */
  readonly jobSummary: string;
  readonly annotations: readonly Annotation[];
  /** Set when the job must fail (main.ts calls setFailed with it) after everything else is reported. */
  readonly failure?: string;
}

export interface AwsSession {
  readonly port: AwsPort;
  /** Releases sockets so the process can exit promptly. */
  close(): void;
}

export interface ActionDeps {
  readonly github: GitHubApi;
  /** Whose comments and issues are the Action's own (token-identity.ts); asked of GitHub at most once per run. */
  readonly tokenIdentity: () => Promise<GitHubAuthor>;
  readonly openAws: () => AwsSession;
  /** A line in the job's log. */
  readonly log: (line: string) => void;
  /** A problem that does not fail the job (a comment GitHub refused after AWS was changed). */
  readonly warn: (message: string) => void;
  readonly writeFile: (path: string, text: string) => Promise<void>;
}
