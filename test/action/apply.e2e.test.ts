// `command: apply` end to end: the committed dist/index.js against our emulator and a fake GitHub.

import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.js';
import { expectedEndState, expectEndStateMatches, readEndState } from '../support/end-state/index.js';
import { pullRequestEvent, pushEvent } from './support/events.js';
import { RUN_URL } from './support/run-action.js';
import { markedComments, orgYaml, sha, unreachableApiUrl, useActionWorld } from './support/world.js';

const MARKER = '<!-- orgctl:apply -->';
const APPLY_INPUTS = { command: 'apply', file: 'org.yaml', 'github-token': 'ghs_test', comment: 'true', 'fail-on-drift': 'false' };
const WRITES = /CreateOrganization|CreateOrganizationalUnit|MoveAccount|CreateBudget|Update|Delete/;

// Several runs of the bundle per test (the review, then apply): more than the default timeout when the machine is busy.
describe('apply', { timeout: 120_000 }, () => {
  const world = useActionWorld();

  const writesTo = (counters: Record<string, number>): string[] => Object.keys(counters).filter((op) => WRITES.test(op));

  const applyOnPush = (after: string, yaml: string, options: { ref?: string; defaultBranch?: string; runAttempt?: string; githubApiUrl?: string } = {}) =>
    world.run({
      eventName: 'push',
      event: pushEvent({ after, ...(options.ref ? { ref: options.ref } : {}), ...(options.defaultBranch ? { defaultBranch: options.defaultBranch } : {}) }),
      inputs: APPLY_INPUTS,
      orgYaml: yaml,
      sha: after,
      ref: options.ref ?? 'refs/heads/main',
      ...(options.runAttempt ? { extraEnv: { GITHUB_RUN_ATTEMPT: options.runAttempt } } : {}),
      ...(options.githubApiUrl ? { githubApiUrl: options.githubApiUrl } : {}),
    });

  it('refuses to run for a pull request, before reading AWS or GitHub', async () => {
    const run = await world.run({
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 7, headSha: sha('a') }),
      inputs: APPLY_INPUTS,
      orgYaml: orgYaml(),
      sha: sha('9'),
      ref: 'refs/pull/7/merge',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::apply refuses to run for a pull request: it runs only on a push to the default branch/m);
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(world.emulator().counters()).toEqual({});
    expect(world.github().requests).toEqual([]);
    expect(run.outputs).toEqual({});
  });

  it('refuses a push to another branch, and a push whose payload names no default branch', async () => {
    const other = await applyOnPush(sha('b'), orgYaml(), { ref: 'refs/heads/feature' });
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('::error::apply runs only on a push to the default branch (main); this push is to refs/heads/feature. Nothing was changed.');

    const renamed = await applyOnPush(sha('b'), orgYaml(), { ref: 'refs/heads/main', defaultBranch: 'trunk' });
    expect(renamed.code).toBe(1);
    expect(renamed.stdout).toContain('(trunk); this push is to refs/heads/main');
    expect(world.emulator().counters()).toEqual({});
  });

  it('applies on a push to the default branch, converges, and comments on the merged pull request', async () => {
    const github = world.github();
    const mergeCommit = sha('c');
    github.addPullRequest({ number: 5, headSha: sha('4'), mergeCommitSha: sha('e'), merged: true }); // another PR
    await world.reviewAndMerge({ number: 7, headSha: sha('d'), mergeCommit, yaml: orgYaml() });
    const before = await readEndState({ endpoint: world.emulator().url });

    const run = await applyOnPush(mergeCommit, orgYaml());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    // The organization now is what org.yaml says.
    const live = world.emulator().snapshot();
    expect(live.organization?.managementAccountId).toBe('123456789012');
    expect(live.organization?.organizationalUnits?.map((ou) => ou.name).sort()).toEqual(['Management', 'Sandbox', 'Security']);
    const management = live.organization?.organizationalUnits?.find((ou) => ou.name === 'Management');
    expect(live.organization?.accounts.find((a) => a.id === '123456789012')?.parentId).toBe(management?.id);
    expect(live.budgets?.map((b) => b.budget['BudgetName'])).toEqual(['monthly-guardrail']);
    // Field by field, read without orgctl (test/support/end-state).
    expectEndStateMatches(await readEndState({ endpoint: world.emulator().url }), expectedEndState(orgYaml(), before));

    expect(run.outputs).toMatchObject({ 'has-changes': 'true', summary: 'Applied 6 steps; the organization matches org.yaml.' });
    expect((JSON.parse(run.planJson ?? '') as Plan).steps).toHaveLength(6);
    expect(run.summary).toContain('### orgctl apply: applied');
    expect(run.summary).toContain('#### Step results');
    expect(run.summary).toMatch(/\| ok \| `createOrganizationalUnit` \| ou\\:\/Management \|/);
    expect(run.summary).toContain('#### Applied plan');
    expect(run.summary).toContain('the organization matches org.yaml');

    // Found through the commit, commented on #7 only.
    expect(github.requestsTo('GET', new RegExp(`/commits/${mergeCommit}/pulls$`))).toHaveLength(1);
    const [comment = ''] = markedComments(github, 7, MARKER);
    expect(comment).toContain('### orgctl apply: applied');
    expect(comment).toContain('6 succeeded, 0 failed, 0 not run');
    expect(comment).toContain('+ ou:/Management');
    expect(markedComments(github, 5, MARKER)).toEqual([]);

    // Re-running the job (attempt 2) changes nothing. It adds its own comment; the first apply's record stays as it was.
    world.emulator().clearStats();
    const again = await applyOnPush(mergeCommit, orgYaml(), { runAttempt: '2' });
    expect(again.code).toBe(0);
    expect(writesTo(world.emulator().counters())).toEqual([]);
    expect(again.outputs).toMatchObject({ 'has-changes': 'false', summary: 'No changes. The organization matches org.yaml.' });
    const comments = markedComments(github, 7, MARKER);
    expect(comments).toHaveLength(2);
    expect(comments[0]).toBe(comment);
    expect(comments[1]).toContain('orgctl apply: no changes');
    expect(comments[1]).toContain(`${RUN_URL}/attempts/2`);
    expect(github.requestsTo('PATCH', /\/issues\/comments\/\d+$/)).toEqual([]);
  });

  it('fails the job when apply does not converge, and says what remains', async () => {
    const github = world.github();
    const mergeCommit = sha('f');
    await world.reviewAndMerge({ number: 8, headSha: sha('1'), mergeCommit, yaml: orgYaml() });
    // Creating OUs fails with errors that no retry cures (6 attempts each).
    world.emulator().injectFault('CreateOrganizationalUnit', 'error500', 1_000);

    const run = await applyOnPush(mergeCommit, orgYaml());
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::apply did not converge: \d+ steps? failed/m);
    expect(run.outputs['summary']).toMatch(/^Apply stopped: \d+ succeeded, [1-9]\d* failed/);
    expect(run.summary).toContain('### orgctl apply: stopped');
    expect(run.summary).toContain('#### What still differs');
    expect(run.summary).toMatch(/\| FAILED \| `createOrganizationalUnit` \|/);
    const [comment = ''] = markedComments(github, 8, MARKER);
    expect(comment).toContain('### orgctl apply: stopped');
    expect(comment).toContain('#### Steps that did not succeed');
    expect(comment).not.toMatch(/\| ok \|/);
    expect(comment).not.toMatch(/\*\*0 succeeded/);
    // What remains is not the reviewed plan: the comment gives its digest, to apply it by hand.
    expect(comment).toMatch(/run the apply workflow by hand with `plan-digest` `[0-9a-f]{64}`/);
  });

  it('applies nothing for a direct push (no pull request, so no reviewed plan), fails, and says how to proceed in the job summary', async () => {
    const run = await applyOnPush(sha('2'), orgYaml());
    expect(run.code).toBe(1);
    expect(writesTo(world.emulator().counters())).toEqual([]);
    expect(world.emulator().snapshot().organization ?? undefined).toBeUndefined();
    expect(run.stdout).toMatch(/^::error::commit 2{40} is in no merged pull request \(a direct push\): there is no reviewed plan to apply\. Nothing was changed\. To apply the plan made now, review it in the job summary and run this workflow by hand with plan-digest [0-9a-f]{64}\./m);
    expect(world.github().requestsTo('POST', /comments$/)).toEqual([]);
    expect(run.summary).toContain('### orgctl apply: not applied (no reviewed plan)');
    expect(run.summary).toContain('#### How to apply it');
    expect(run.summary).toContain('+ ou:/Management');
    expect(run.outputs).toMatchObject({ 'has-changes': 'true', summary: 'Not applied: no reviewed plan. Nothing was changed.' });
  });

  it('still writes the job summary and the outputs when the merged pull request cannot be commented on, then fails saying what GitHub answered', async () => {
    const github = world.github();
    const mergeCommit = sha('5');
    await world.reviewAndMerge({ number: 9, headSha: sha('6'), mergeCommit, yaml: orgYaml() });
    github.failRequests('POST', /\/issues\/9\/comments$/, 403, 'Resource not accessible by integration');

    const run = await applyOnPush(mergeCommit, orgYaml());
    expect(run.code).toBe(1);
    expect(run.summary).toContain('### orgctl apply: applied');
    expect(run.outputs).toMatchObject({ 'has-changes': 'true', summary: 'Applied 6 steps; the organization matches org.yaml.' });
    expect(run.planJson).toBeDefined();
    expect(run.stdout).toMatch(
      /^::error::apply's result is in the job summary, but orgctl could not write the apply comment on the merged pull request: GitHub answered HTTP 403 \(Resource not accessible by integration - https:\/\/docs\.github\.com\/rest\) while commenting on #9\. Give the job `permissions: pull-requests: write`/m,
    );
    expect(markedComments(github, 9, MARKER)).toEqual([]);
  });

  it('says it could not reach GitHub, not that GitHub refused, when the API is unreachable, and applies nothing: it cannot tell what was reviewed', async () => {
    const run = await applyOnPush(sha('7'), orgYaml(), { githubApiUrl: await unreachableApiUrl() });
    expect(run.code).toBe(1);
    expect(world.emulator().counters()).toEqual({});
    expect(run.stdout).toMatch(/^::error::.*could not reach http:\/\/127\.0\.0\.1:\d+ while finding the pull request of commit 7{40}: ECONNREFUSED\./m);
    expect(run.stdout).not.toMatch(/GitHub refused|HTTP 500/);
  });
});
