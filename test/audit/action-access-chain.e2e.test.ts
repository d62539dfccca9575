// The PR comment the Action posts (dist/index.js, as a runner runs it) shows the access chain's new
// audit checks: a break-glass user orgctl created without MFA yet, a FAIL with the steps to enrol it,
// and the recommendation to give everyday admin access through Identity Center.

import { describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../action/support/events.js';
import { markedComments, orgYaml, sha, useActionWorld, MANAGEMENT_ACCOUNT } from '../action/support/world.js';

describe('the plan comment on a pull request, the access chain', () => {
  const world = useActionWorld();

  it('shows the break-glass user awaiting MFA as a failure, and the admin-access recommendation', async () => {
    world.emulator().seed({
      formatVersion: 1,
      accountId: MANAGEMENT_ACCOUNT,
      iam: {
        users: [
          {
            accountId: MANAGEMENT_ACCOUNT,
            userName: 'break-glass',
            tags: { 'managed-by': 'orgctl', 'orgctl:role': 'break-glass' },
            attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
          },
        ],
      },
      identityCenterInstances: [{ ownerAccountId: MANAGEMENT_ACCOUNT, region: 'eu-west-1' }],
    });
    const github = world.github();
    github.addPullRequest({ number: 4, headSha: sha('d') });
    const security = ['security:', '  identityCenterRegion: eu-west-1', '  breakGlassUsers:', '    - { name: break-glass, create: true }', ''].join('\n');
    const run = await world.run({
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 4, headSha: sha('d') }),
      inputs: { command: 'plan', file: 'org.yaml', 'github-token': 'ghs_test', comment: 'true', 'fail-on-drift': 'false' },
      orgYaml: `${orgYaml()}${security}`,
      sha: sha('8'),
      ref: 'refs/pull/4/merge',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [comment = ''] = markedComments(github, 4, '<!-- orgctl:plan -->');
    const at = (text: string): number => comment.indexOf(text);
    // Markdown-escaped, as every value in the comment.
    expect(at('**Break\\-glass user break\\-glass exists, has MFA and no usable access key** (FAIL)')).toBeGreaterThan(at('> [!CAUTION]'));
    expect(comment).toContain('was created by orgctl and has no MFA device yet');
    expect(comment).toContain('Assign MFA device');
    expect(at('**Everyday admin access goes through IAM Identity Center** (recommended)')).toBeGreaterThan(at('> [!WARNING]'));
    // The user exists (orgctl's, with its policy): nothing to create.
    expect(comment).not.toContain('break-glass-user:break-glass');
  });
});
