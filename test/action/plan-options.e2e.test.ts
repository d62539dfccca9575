// The plan comment's options (issue #18, part 1) end to end: comment: on-change, the labels, the warning
// callout for deletions, and one comment per org file. dist/index.js against our emulator and the fake GitHub.

import { describe, expect, it } from 'vitest';
import { pullRequestEvent, pushEvent } from './support/events.js';
import { markedComments, orgYaml, PLAN_INPUTS, sha, useActionWorld } from './support/world.js';

const MARKER = '<!-- orgctl:plan -->';
const SECOND_FILE = 'teams/org.yaml';
const SECOND_MARKER = '<!-- orgctl:plan file=teams%2Forg.yaml -->';
const APPLY_INPUTS = { command: 'apply', file: 'org.yaml', 'github-token': 'ghs_test', comment: 'true', 'fail-on-drift': 'false' };

/** orgYaml with OUs that AWS has and org.yaml does not deleted. */
function pruningYaml(ous: readonly string[]): string {
  return `${orgYaml({ ous })}options:\n  pruneOrganizationalUnits: true\n`;
}

// Several runs of the bundle per test: more than the default timeout when the machine is busy.
describe('plan comment options', { timeout: 120_000 }, () => {
  const world = useActionWorld();

  const plan = (number: number, headSha: string, yaml: string, inputs: Record<string, string> = {}, extraFiles: Record<string, string> = {}) =>
    world.run({
      eventName: 'pull_request',
      event: pullRequestEvent({ number, headSha }),
      inputs: { ...PLAN_INPUTS, ...inputs },
      orgYaml: yaml,
      sha: sha('9'),
      ref: `refs/pull/${number}/merge`,
      extraFiles,
    });

  /** The organization as orgYaml() declares it (Security, Sandbox), through a reviewed, merged pull request. */
  async function applied(): Promise<void> {
    await world.reviewAndMerge({ number: 1, headSha: sha('1'), mergeCommit: sha('2'), yaml: orgYaml() });
    const run = await world.run({ eventName: 'push', event: pushEvent({ after: sha('2') }), inputs: APPLY_INPUTS, orgYaml: orgYaml(), sha: sha('2'), ref: 'refs/heads/main' });
    expect(run.code).toBe(0);
  }

  it('comment: on-change writes no comment while the pull request changes nothing in AWS, and turns an existing one into "no changes"', async () => {
    const github = world.github();
    await applied();
    github.addPullRequest({ number: 7, headSha: sha('a') });
    const quiet = await plan(7, sha('a'), orgYaml(), { comment: 'on-change' });
    expect(quiet.code).toBe(0);
    expect(github.issue(7).comments).toEqual([]);
    expect(quiet.summary).toContain('No changes');

    const changed = await plan(7, sha('b'), orgYaml({ ous: ['Security', 'Sandbox', 'Workloads'] }), { comment: 'on-change' });
    expect(changed.code).toBe(0);
    expect(markedComments(github, 7, MARKER)[0]).toContain('+ ou:/Workloads');

    const back = await plan(7, sha('c'), orgYaml(), { comment: 'on-change' });
    expect(back.code).toBe(0);
    const comments = markedComments(github, 7, MARKER);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain('No changes');
    expect(comments[0]).not.toContain('+ ou:/Workloads');
  });

  it('keeps the labels orgctl: changes and orgctl: deletes matching the plan, and warns in the comment when the plan deletes', async () => {
    const github = world.github();
    await applied();
    github.addPullRequest({ number: 7, headSha: sha('a') });
    github.issue(7).labels.push('team: platform');

    const deleting = await plan(7, sha('a'), pruningYaml(['Security']), { labels: 'true' });
    expect(deleting.code).toBe(0);
    expect(github.issue(7).labels.sort()).toEqual(['orgctl: changes', 'orgctl: deletes', 'team: platform']);
    const [warned = ''] = markedComments(github, 7, MARKER);
    expect(warned).toContain('> [!WARNING]\n> **This plan deletes or closes 1 resource in AWS.**');
    expect(deleting.summary).toContain('> [!WARNING]');

    const adding = await plan(7, sha('b'), pruningYaml(['Security', 'Sandbox', 'Workloads']), { labels: 'true' });
    expect(adding.code).toBe(0);
    expect(github.issue(7).labels.sort()).toEqual(['orgctl: changes', 'team: platform']);
    expect(markedComments(github, 7, MARKER)[0]).not.toContain('This plan deletes');

    const nothing = await plan(7, sha('c'), orgYaml(), { labels: 'true' });
    expect(nothing.code).toBe(0);
    expect(github.issue(7).labels).toEqual(['team: platform']);

    // Without the input, labels are left alone.
    await plan(7, sha('d'), pruningYaml(['Security']));
    expect(github.issue(7).labels).toEqual(['team: platform']);
  });

  it('keeps one comment per org file, each found again by its own path', async () => {
    const github = world.github();
    github.addPullRequest({ number: 7, headSha: sha('a') });
    const second = orgYaml({ ous: ['Security', 'Sandbox', 'Workloads'] });

    expect((await plan(7, sha('a'), orgYaml())).code).toBe(0);
    expect((await plan(7, sha('a'), orgYaml(), { file: SECOND_FILE }, { [SECOND_FILE]: second })).code).toBe(0);
    expect(markedComments(github, 7, MARKER)).toHaveLength(1);
    const [secondComment = ''] = markedComments(github, 7, SECOND_MARKER);
    expect(secondComment).toContain('### orgctl plan: `teams/org.yaml`');
    expect(secondComment).toContain('+ ou:/Workloads');

    // A second run for each edits its own comment only.
    expect((await plan(7, sha('b'), orgYaml(), { file: SECOND_FILE }, { [SECOND_FILE]: orgYaml({ ous: ['Security', 'Sandbox', 'Data'] }) })).code).toBe(0);
    expect((await plan(7, sha('b'), orgYaml({ ous: ['Security', 'Sandbox', 'Logs'] }))).code).toBe(0);
    expect(github.issue(7).comments).toHaveLength(2);
    expect(markedComments(github, 7, SECOND_MARKER)[0]).toContain('+ ou:/Data');
    expect(markedComments(github, 7, SECOND_MARKER)[0]).not.toContain('+ ou:/Logs');
    expect(markedComments(github, 7, MARKER)[0]).toContain('+ ou:/Logs');
    expect(markedComments(github, 7, MARKER)[0]).not.toContain('+ ou:/Data');

    // Apply of the second file reads the second file's comment.
    github.mergePullRequest(7, sha('e'));
    const apply = await world.run({
      eventName: 'push',
      event: pushEvent({ after: sha('e') }),
      inputs: { ...APPLY_INPUTS, file: SECOND_FILE },
      orgYaml: orgYaml(),
      sha: sha('e'),
      ref: 'refs/heads/main',
      extraFiles: { [SECOND_FILE]: orgYaml({ ous: ['Security', 'Sandbox', 'Data'] }) },
    });
    expect(apply.code).toBe(0);
    expect(world.emulator().snapshot().organization?.organizationalUnits?.map((ou) => ou.name).sort()).toEqual(['Data', 'Management', 'Sandbox', 'Security']);
    expect(github.issue(7).comments.filter((c) => c.body.startsWith('<!-- orgctl:apply file=teams%2Forg.yaml -->'))).toHaveLength(1);
  });
});
