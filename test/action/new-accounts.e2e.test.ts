// New accounts through the Action end to end (issue #15): dist/index.js against our emulator and a fake
// GitHub. The plan comment on the pull request shows each new account's OU and email; the apply comment
// on the merged pull request lists the IDs AWS gave them.

import { describe, expect, it } from 'vitest';
import { pushEvent } from './support/events.js';
import { markedComments, orgYaml, sha, useActionWorld } from './support/world.js';

const APPLY_INPUTS = { command: 'apply', file: 'org.yaml', 'github-token': 'ghs_test', comment: 'true', 'fail-on-drift': 'false' };
const EMAIL = 'aws+team-x-prod@example.com';

/** The usual org.yaml plus a new account in a nested OU that does not exist yet. */
function withNewAccount(): string {
  return orgYaml().replace(
    '    Sandbox: {}\n',
    ['    Sandbox: {}', '    Workloads:', '      organizationalUnits:', '        Prod:', '          accounts:', `            - { name: team-x-prod, email: ${EMAIL} }`, ''].join('\n'),
  );
}

describe('new accounts in the Action', { timeout: 120_000 }, () => {
  const world = useActionWorld();

  it('the plan comment shows the new account\'s OU and email; the apply comment its new ID', async () => {
    const github = world.github();
    const mergeCommit = sha('a');
    await world.reviewAndMerge({ number: 11, headSha: sha('b'), mergeCommit, yaml: withNewAccount() });
    const [planComment = ''] = markedComments(github, 11, '<!-- orgctl:plan -->');
    expect(planComment).toContain(`email: ${EMAIL}`);
    expect(planComment).toContain('OU: /Workloads/Prod');

    const run = await world.run({
      eventName: 'push',
      event: pushEvent({ after: mergeCommit }),
      inputs: APPLY_INPUTS,
      orgYaml: withNewAccount(),
      sha: mergeCommit,
      ref: 'refs/heads/main',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const created = world.emulator().snapshot().organization?.accounts.find((a) => a.email === EMAIL);
    expect(created).toBeDefined();
    const [applyComment = ''] = markedComments(github, 11, '<!-- orgctl:apply -->');
    expect(applyComment).toContain('#### New accounts');
    expect(applyComment).toMatch(new RegExp(`\\| ${created!.id} \\| team\\\\-x\\\\-prod \\| [^|]*example[^|]* \\| /Workloads/Prod \\|`));
  });
});
