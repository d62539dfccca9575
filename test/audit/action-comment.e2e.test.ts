// The PR comment the Action posts (the committed dist/index.js, as a runner runs it) shows the
// root-credential audit first: a failed check in a CAUTION alert above the plan, counted in its summary.

import { describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../action/support/events.js';
import { markedComments, orgYaml, sha, useActionWorld, MANAGEMENT_ACCOUNT } from '../action/support/world.js';

describe('the plan comment on a pull request', () => {
  const world = useActionWorld();

  it('starts with the audit, a failed check impossible to miss, and still plans', async () => {
    world.emulator().seed({ formatVersion: 1, accountId: MANAGEMENT_ACCOUNT, iam: { rootUsers: { [MANAGEMENT_ACCOUNT]: { mfaEnabled: false } } } });
    const github = world.github();
    github.addPullRequest({ number: 3, headSha: sha('c') });
    const run = await world.run({
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 3, headSha: sha('c') }),
      inputs: { command: 'plan', file: 'org.yaml', 'github-token': 'ghs_test', comment: 'true', 'fail-on-drift': 'false' },
      orgYaml: orgYaml(),
      sha: sha('9'),
      ref: 'refs/pull/3/merge',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0); // failing checks do not block a plan
    const [comment = ''] = markedComments(github, 3, '<!-- orgctl:plan -->');
    const at = (text: string): number => comment.indexOf(text);
    expect(at('#### Root credentials (account 123456789012)')).toBeGreaterThan(at('### orgctl plan'));
    expect(at('> [!CAUTION]')).toBeGreaterThan(at('#### Root credentials'));
    expect(at('**Root user has an MFA device** (FAIL)')).toBeGreaterThan(at('> [!CAUTION]'));
    expect(at('**Plan: 5 to create, 1 to update, 0 to delete. Audit: 1 required check FAILED')).toBeGreaterThan(at('**Root user has an MFA device**'));
    expect(comment).toContain('+ organization');
  });
});
