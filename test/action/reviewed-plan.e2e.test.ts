// Apply on merge applies the reviewed plan, or nothing (issue #18, part 1), end to end: dist/index.js
// against our emulator and the fake GitHub. The plan comment records the plan's digest; apply compares.

import { CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.js';
import { planDigest } from '../../src/workflow/plan-digest.js';
import { pullRequestEvent, pushEvent, workflowDispatchEvent } from './support/events.js';
import { markedComments, orgYaml, PLAN_INPUTS, sha, useActionWorld } from './support/world.js';

const PLAN_MARKER = '<!-- orgctl:plan -->';
const APPLY_MARKER = '<!-- orgctl:apply -->';
const APPLY_INPUTS = { command: 'apply', file: 'org.yaml', 'github-token': 'ghs_test', comment: 'true', 'fail-on-drift': 'false' };
const WRITES = /CreateOrganization|CreateOrganizationalUnit|MoveAccount|CreateBudget|Update|Delete/;
const DIGEST = /plan-digest ([0-9a-f]{64})/;

// Several runs of the bundle per test: more than the default timeout when the machine is busy.
describe('apply applies the reviewed plan, or nothing', { timeout: 120_000 }, () => {
  const world = useActionWorld();
  const writes = (): string[] => Object.keys(world.emulator().counters()).filter((op) => WRITES.test(op));

  const applyOnPush = (after: string, yaml = orgYaml()) =>
    world.run({ eventName: 'push', event: pushEvent({ after }), inputs: APPLY_INPUTS, orgYaml: yaml, sha: after, ref: 'refs/heads/main' });
  const applyByHand = (digest: string, at = sha('c')) =>
    world.run({
      eventName: 'workflow_dispatch',
      event: workflowDispatchEvent({ inputs: { 'plan-digest': digest } }),
      inputs: { ...APPLY_INPUTS, 'plan-digest': digest },
      orgYaml: orgYaml(),
      sha: at,
      ref: 'refs/heads/main',
    });
  const planPullRequest = (number: number, headSha: string, yaml = orgYaml()) =>
    world.run({ eventName: 'pull_request', event: pullRequestEvent({ number, headSha }), inputs: PLAN_INPUTS, orgYaml: yaml, sha: sha('9'), ref: `refs/pull/${number}/merge` });

  it('records the digest of the plan it shows and the commit it was made for in the plan comment', async () => {
    const planned = await world.reviewAndMerge({ number: 7, headSha: sha('d'), mergeCommit: sha('c'), yaml: orgYaml() });
    const digest = planDigest(JSON.parse(planned.planJson ?? '') as Plan);
    const [comment = ''] = markedComments(world.github(), 7, PLAN_MARKER);
    expect(comment).toMatch(new RegExp(`^<!-- orgctl:reviewed-plan digest=${digest} commit=${sha('d')} steps=[0-9a-f]{12}(,[0-9a-f]{12}){5} -->$`, 'm'));
    expect(comment).toContain(`plan digest \`${digest}\``);
  });

  it('applies nothing when the organization changed after the review, fails, and explains on the pull request; a dispatch with the new digest applies, a wrong digest does not', async () => {
    const github = world.github();
    const mergeCommit = sha('c');
    await world.reviewAndMerge({ number: 7, headSha: sha('d'), mergeCommit, yaml: orgYaml() });
    // Between review and merge, someone creates the organization by hand.
    await new OrganizationsClient(world.emulator().clientConfig).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    world.emulator().clearStats();

    const refused = await applyOnPush(mergeCommit);
    expect(refused.code).toBe(1);
    expect(writes()).toEqual([]);
    expect(refused.stdout).toMatch(/^::error::the organization changed since the plan of #7 was reviewed: the plan made now \(digest [0-9a-f]{64}\) is not the reviewed one/m);
    const newDigest = DIGEST.exec(refused.stdout)?.[1] ?? '';
    expect(newDigest).toBe(planDigest(JSON.parse(refused.planJson ?? '') as Plan));
    const [comment = ''] = markedComments(github, 7, APPLY_MARKER);
    expect(comment).toContain('### orgctl apply: not applied (the organization changed since this plan was reviewed)');
    expect(comment).toContain('#### What differs');
    expect(comment).toMatch(/[1-9]\d* reviewed steps? (is|are) no longer in the plan/);
    expect(comment).toContain('`plan-digest`');
    expect(comment).toContain(newDigest);
    expect(comment).toContain('#### The plan made now');
    expect(comment).not.toContain('+ organization');
    expect(refused.outputs['summary']).toBe('Not applied: the organization changed since this plan was reviewed. Nothing was changed.');

    const wrong = await applyByHand('0'.repeat(64));
    expect(wrong.code).toBe(1);
    expect(writes()).toEqual([]);
    expect(wrong.stdout).toContain(`::error::the plan made now (digest ${newDigest}) is not the plan-digest given (${'0'.repeat(64)}). Nothing was changed.`);

    const deliberate = await applyByHand(newDigest);
    expect(deliberate.stderr).toBe('');
    expect(deliberate.code).toBe(0);
    expect(writes()).not.toEqual([]);
    expect(deliberate.outputs['summary']).toMatch(/^Applied \d+ steps?; the organization matches org\.yaml\.$/);
    expect(world.emulator().snapshot().organization?.organizationalUnits?.map((ou) => ou.name).sort()).toEqual(['Management', 'Sandbox', 'Security']);
  });

  it('refuses a dispatch without a plan-digest on the default branch, and one on another branch', async () => {
    const missing = await world.run({ eventName: 'workflow_dispatch', event: workflowDispatchEvent({ inputs: {} }), inputs: APPLY_INPUTS, orgYaml: orgYaml(), sha: sha('c'), ref: 'refs/heads/main' });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/^::error::apply on workflow_dispatch needs the plan-digest input/m);
    const elsewhere = await world.run({
      eventName: 'workflow_dispatch',
      event: workflowDispatchEvent({ inputs: {}, ref: 'refs/heads/feature' }),
      inputs: { ...APPLY_INPUTS, 'plan-digest': 'a'.repeat(64) },
      orgYaml: orgYaml(),
      sha: sha('c'),
      ref: 'refs/heads/feature',
    });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stdout).toContain('this workflow_dispatch runs on refs/heads/feature. Nothing was changed.');
    expect(world.emulator().counters()).toEqual({});
  });

  it('ignores a plan comment another identity wrote, even with the right marker and digest', async () => {
    const github = world.github();
    await world.reviewAndMerge({ number: 7, headSha: sha('d'), mergeCommit: sha('c'), yaml: orgYaml() });
    // Someone copies orgctl's comment word for word, and orgctl's own comment is gone.
    const comments = github.issue(7).comments;
    const own = comments.findIndex((c) => c.body.startsWith(PLAN_MARKER));
    const forged = comments[own]?.body ?? '';
    comments.splice(own, 1);
    github.addComments(7, 1, () => forged, { login: 'mallory', type: 'User' });
    world.emulator().clearStats();

    const run = await applyOnPush(sha('c'));
    expect(run.code).toBe(1);
    expect(writes()).toEqual([]);
    expect(run.stdout).toContain('::error::pull request #7 has no orgctl plan comment recording a plan for org.yaml: there is no reviewed plan to apply.');
    expect(markedComments(github, 7, APPLY_MARKER)[0]).toContain('### orgctl apply: not applied (no reviewed plan)');
  });

  it('succeeds, applying nothing, when the reviewed plan and the plan made now are both empty', async () => {
    await world.reviewAndMerge({ number: 7, headSha: sha('d'), mergeCommit: sha('c'), yaml: orgYaml() });
    expect((await applyOnPush(sha('c'))).code).toBe(0);
    await world.reviewAndMerge({ number: 8, headSha: sha('e'), mergeCommit: sha('f'), yaml: orgYaml() });
    world.emulator().clearStats();
    const run = await applyOnPush(sha('f'));
    expect(run.code).toBe(0);
    expect(writes()).toEqual([]);
    expect(run.outputs['summary']).toBe('No changes. The organization matches org.yaml.');
  });

  it('marks the plan comments of other open pull requests that change org.yaml as outdated after a merge changed the organization; their next plan replaces it', async () => {
    const github = world.github();
    github.addPullRequest({ number: 8, headSha: sha('1') });
    github.addPullRequest({ number: 9, headSha: sha('2'), files: ['README.md'] });
    expect((await planPullRequest(8, sha('1'), orgYaml({ ous: ['Security', 'Sandbox', 'Workloads'] }))).code).toBe(0);
    expect((await planPullRequest(9, sha('2'))).code).toBe(0);
    const untouched = markedComments(github, 9, PLAN_MARKER)[0];

    await world.reviewAndMerge({ number: 7, headSha: sha('d'), mergeCommit: sha('c'), yaml: orgYaml() });
    const applied = await applyOnPush(sha('c'));
    expect(applied.code).toBe(0);
    const [outdated = ''] = markedComments(github, 8, PLAN_MARKER);
    expect(outdated).toContain('**Outdated:** `main` changed after this plan; push or re-run to refresh.');
    expect(outdated).toContain('+ ou:/Workloads'); // the old plan stays below the callout
    expect(markedComments(github, 9, PLAN_MARKER)[0]).toBe(untouched); // changes no org.yaml
    expect(markedComments(github, 7, PLAN_MARKER)[0]).not.toContain('Outdated'); // the merged one

    const refreshed = await planPullRequest(8, sha('3'), orgYaml({ ous: ['Security', 'Sandbox', 'Workloads'] }));
    expect(refreshed.code).toBe(0);
    const comments = markedComments(github, 8, PLAN_MARKER);
    expect(comments).toHaveLength(1);
    expect(comments[0]).not.toContain('Outdated');
    expect(comments[0]).toContain('Plan: 1 to create, 0 to update, 0 to delete.');
  });
});
