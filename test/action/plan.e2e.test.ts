// `command: plan` end to end: the committed dist/index.js, run as a runner runs it, against our emulator
// (AWS) and a fake GitHub REST API.

import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.js';
import { pullRequestEvent } from './support/events.js';
import { GITHUB_ACTIONS_BOT, GITHUB_BODY_LIMIT, type FakeGitHub } from './support/fake-github.js';
import { RUN_URL } from './support/run-action.js';
import { markedComments, orgYaml, sha, TOKENS, unreachableApiUrl, useActionWorld } from './support/world.js';

const MARKER = '<!-- orgctl:plan -->';
const PLAN_INPUTS = { command: 'plan', file: 'org.yaml', 'github-token': 'ghs_test', comment: 'true', 'fail-on-drift': 'false' };

describe('plan on a pull request', () => {
  const world = useActionWorld();

  const planPullRequest = (number: number, headSha: string, yaml: string, extra: { headRepo?: string; withAws?: boolean; inputs?: Record<string, string>; githubApiUrl?: string } = {}) =>
    world.run({
      ...(extra.githubApiUrl ? { githubApiUrl: extra.githubApiUrl } : {}),
      eventName: 'pull_request',
      event: pullRequestEvent({ number, headSha, ...(extra.headRepo ? { headRepo: extra.headRepo } : {}) }),
      inputs: { ...PLAN_INPUTS, ...extra.inputs },
      orgYaml: yaml,
      sha: sha('9'), // GitHub's merge commit; the comment names the head commit
      ref: `refs/pull/${number}/merge`,
      withAws: extra.withAws ?? true,
    });

  it('creates one comment on the first run and edits that comment on the next, across comment pages', async () => {
    const github = world.github();
    github.addPullRequest({ number: 7, headSha: sha('a') });
    github.addComments(7, 130); // the Action's comment lands on page 2 of 100

    const first = await planPullRequest(7, sha('a'), orgYaml());
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(github.requestsTo('POST', /\/issues\/7\/comments$/)).toHaveLength(1);
    const [created] = markedComments(github, 7, MARKER);
    expect(created).toContain('### orgctl plan');
    expect(created).toContain('Plan: 5 to create');
    expect(created).toContain('+ organization  # there is no organization yet');
    expect(created).toContain(`/pull/7/commits/${sha('a')}`);
    expect(created).toContain(RUN_URL);
    expect(first.outputs).toMatchObject({ 'has-changes': 'true', summary: 'Plan: 5 to create, 1 to update, 0 to delete.' });
    const plan = JSON.parse(first.planJson ?? '') as Plan;
    expect(plan.steps.map((s) => s.kind)).toContain('createOrganization');
    expect(first.summary).toContain('Plan: 5 to create');
    // The run read AWS and wrote nothing.
    expect(Object.keys(world.emulator().counters()).some((op) => /Create|Move|Update|Delete/.test(op))).toBe(false);

    const second = await planPullRequest(7, sha('b'), orgYaml({ ous: ['Security', 'Sandbox', 'Workloads'] }));
    expect(second.code).toBe(0);
    const comments = markedComments(github, 7, MARKER);
    expect(comments).toHaveLength(1);
    expect(github.requestsTo('POST', /\/issues\/7\/comments$/)).toHaveLength(1);
    expect(github.requestsTo('PATCH', /\/issues\/comments\/\d+$/)).toHaveLength(1);
    expect(comments[0]).toContain(`/pull/7/commits/${sha('b')}`);
    expect(comments[0]).not.toContain(`/pull/7/commits/${sha('a')}`);
    expect(comments[0]).toContain('+ ou:/Workloads');
    // It looked past the first page to find its comment.
    expect(github.requestsTo('GET', /\/issues\/7\/comments$/).map((r) => r.query['page'] ?? '1')).toContain('2');
    expect(github.issue(7).comments).toHaveLength(131);
    for (const request of github.requests) expect(request.authorization).toBe('token ghs_test');
  });

  it('keeps the comment of a 3,000-step plan under GitHub\'s 65,536-character limit', async () => {
    const github = world.github();
    github.addPullRequest({ number: 8, headSha: sha('c') });

    const run = await planPullRequest(8, sha('c'), orgYaml({ extraOus: 3_000 }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [comment = ''] = markedComments(github, 8, MARKER);
    expect(comment.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(comment.length).toBeGreaterThan(GITHUB_BODY_LIMIT * 0.9); // filled, not emptied
    expect(comment).toMatch(/_[\d,]+ of 3,006 steps not shown: the comment is limited to [\d,]+ characters/);
    expect(comment).toContain(RUN_URL); // the footer survived the cut
    expect((JSON.parse(run.planJson ?? '') as Plan).steps).toHaveLength(3_006);
    // The job summary has room for every step.
    expect(run.summary).toContain('+ ou:/Team2999');
  });

  it('validates only, without AWS, a pull request from a fork, and says so in the comment', async () => {
    const github = world.github();
    github.addPullRequest({ number: 9, headSha: sha('d') });

    const run = await planPullRequest(9, sha('d'), orgYaml(), { headRepo: 'outsider/aws-org', withAws: false });
    expect(run.code).toBe(0);
    expect(run.annotations).toEqual([]);
    const [comment = ''] = markedComments(github, 9, MARKER);
    expect(comment).toContain('validation only');
    expect(comment).toContain('comes from a fork');
    expect(comment).toContain('is valid');
    expect(comment).not.toContain('Plan:');
    expect(run.outputs).toMatchObject({ 'has-changes': 'false', 'plan-json': '' });
    expect(world.emulator().counters()).toEqual({});
  });

  it('fails a fork\'s invalid org.yaml with annotations, still without AWS', async () => {
    const github = world.github();
    github.addPullRequest({ number: 10, headSha: sha('e') });

    const run = await planPullRequest(10, sha('e'), orgYaml().replace('amount: 10', 'amount: -5'), { headRepo: 'outsider/aws-org', withAws: false });
    expect(run.code).toBe(1);
    expect(run.annotations.some((a) => /^::error file=org\.yaml,line=13,col=13::`amount` must be greater than 0/.test(a))).toBe(true);
    expect(markedComments(github, 10, MARKER)[0]).toContain('is not valid');
  });

  it('turns org.yaml problems into annotations on their lines, lists them in the comment, and fails', async () => {
    const github = world.github();
    github.addPullRequest({ number: 11, headSha: sha('f') });
    const broken = orgYaml().replace('    Sandbox: {}', '    Sandbox:\n      acounts: []').replace('amount: 10', 'amount: -5');

    const run = await planPullRequest(11, sha('f'), broken);
    expect(run.code).toBe(1);
    expect(run.annotations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^::error file=org\.yaml,line=11,col=7::unknown key `acounts`/),
        expect.stringMatching(/^::error file=org\.yaml,line=14,col=13::`amount` must be greater than 0/),
        expect.stringMatching(/^::error::org\.yaml has 2 problems/),
      ]),
    );
    const [comment = ''] = markedComments(github, 11, MARKER);
    expect(comment).toContain('is not valid');
    expect(comment).toContain('org.yaml:11:7');
    expect(comment).toContain('org.yaml:14:13');
    expect(run.outputs['plan-json']).toBe('');
    expect(world.emulator().counters()).toEqual({});
    expect(run.stdout).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('replaces the comment with the failure, and fails, when AWS refuses', async () => {
    const github = world.github();
    github.addPullRequest({ number: 12, headSha: sha('1') });
    await planPullRequest(12, sha('1'), orgYaml());
    expect(markedComments(github, 12, MARKER)[0]).toContain('Plan:');

    // Credentials of another account: the guard refuses before reading anything else.
    const wrongAccount = orgYaml().replaceAll('123456789012', '111122223333');
    const run = await planPullRequest(12, sha('2'), wrongAccount);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::.*111122223333/m);
    expect(run.stdout).not.toMatch(/\n\s+at /);
    const comments = markedComments(github, 12, MARKER);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain('orgctl plan: failed');
    expect(comments[0]).not.toContain('Plan:');
  });

  it('posts nothing with comment: false, and still writes the summary and outputs', async () => {
    world.github().addPullRequest({ number: 13, headSha: sha('3') });
    const run = await planPullRequest(13, sha('3'), orgYaml(), { inputs: { comment: 'false' } });
    expect(run.code).toBe(0);
    expect(world.github().requests).toEqual([]);
    expect(run.summary).toContain('Plan: 5 to create');
    expect(run.outputs['has-changes']).toBe('true');
  });

  it('refuses bad inputs with a message and no stack trace', async () => {
    const run = await planPullRequest(14, sha('4'), orgYaml(), { inputs: { command: 'destroy' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::the command input must be one of plan, apply, drift (got "destroy").');
    expect(world.github().requests).toEqual([]);
  });

  it('edits only a comment its own identity wrote: a marker comment by anyone else is left untouched, and it writes its own', async () => {
    const github = world.github();
    github.addPullRequest({ number: 16, headSha: sha('5') });
    const mallory = { login: 'mallory', type: 'User' } as const;
    const forgedBody = `${MARKER}\n\n### orgctl plan\n\nNo changes. LGTM`;
    const [forged] = github.addComments(16, 1, () => forgedBody, mallory);

    const first = await planPullRequest(16, sha('5'), orgYaml());
    expect(first.code).toBe(0);
    const [theirs, ours] = github.issue(16).comments;
    expect(theirs).toEqual({ id: forged?.id, body: forgedBody, user: mallory });
    expect(ours?.user).toEqual(GITHUB_ACTIONS_BOT);
    expect(ours?.body).toContain('Plan: 5 to create');
    expect(github.requestsTo('PATCH', /\/issues\/comments\/\d+$/)).toEqual([]);
    // GITHUB_TOKEN may not read /user (403): the Action takes that to mean it writes as github-actions[bot].
    expect(github.requestsTo('GET', /^\/user$/)).toHaveLength(1);

    // The next push edits the Action's own comment, never the forged one.
    const second = await planPullRequest(16, sha('6'), orgYaml({ ous: ['Security', 'Sandbox', 'Workloads'] }));
    expect(second.code).toBe(0);
    expect(github.issue(16).comments).toHaveLength(2);
    expect(github.requestsTo('PATCH', /\/issues\/comments\/\d+$/).map((r) => r.path)).toEqual([`/repos/acme/aws-org/issues/comments/${ours?.id}`]);
    expect(github.issue(16).comments[0]).toEqual({ id: forged?.id, body: forgedBody, user: mallory });
    expect(github.issue(16).comments[1]?.body).toContain('+ ou:/Workloads');
  });

  it('knows its identity from the token: the user of a personal token (any letter case), or the app comment-author names', async () => {
    const github = world.github();
    github.addPullRequest({ number: 17, headSha: sha('7') });
    const [botComment] = github.addComments(17, 1, () => `${MARKER}\n\nfrom the default token`, GITHUB_ACTIONS_BOT);
    const [userComment] = github.addComments(17, 1, () => `${MARKER}\n\nan older plan`, { login: 'org-automation', type: 'User' });

    const personal = await planPullRequest(17, sha('7'), orgYaml(), { inputs: { 'github-token': TOKENS.personal } });
    expect(personal.code).toBe(0);
    expect(github.issue(17).comments.map((c) => c.body)).toEqual([`${MARKER}\n\nfrom the default token`, expect.stringContaining('Plan: 5 to create')]);
    expect(github.requestsTo('PATCH', /\/issues\/comments\/\d+$/).map((r) => r.path)).toEqual([`/repos/acme/aws-org/issues/comments/${userComment?.id}`]);
    expect(botComment).toBeDefined();

    // An app's installation token cannot read /user either: comment-author names its bot.
    github.addPullRequest({ number: 18, headSha: sha('8') });
    const [appComment] = github.addComments(18, 1, () => `${MARKER}\n\nan older plan`, { login: 'acme-orgctl[bot]', type: 'Bot' });
    const askedUser = github.requestsTo('GET', /^\/user$/).length;
    const app = await planPullRequest(18, sha('8'), orgYaml(), { inputs: { 'github-token': TOKENS.app, 'comment-author': 'ACME-orgctl[bot]' } });
    expect(app.code).toBe(0);
    expect(github.issue(18).comments).toHaveLength(1);
    expect(github.issue(18).comments[0]?.body).toContain('Plan: 5 to create');
    expect(github.requestsTo('PATCH', /\/issues\/comments\/\d+$/).map((r) => r.path)).toContain(`/repos/acme/aws-org/issues/comments/${appComment?.id}`);
    expect(github.requestsTo('GET', /^\/user$/)).toHaveLength(askedUser); // named, so not asked

    // Without comment-author, the app's comment is not recognised: the Action writes a new one and says how to fix that.
    const unnamed = await planPullRequest(18, sha('8'), orgYaml(), { inputs: { 'github-token': TOKENS.app } });
    expect(unnamed.code).toBe(0);
    expect(github.issue(18).comments).toHaveLength(2);
    expect(unnamed.annotations).toContainEqual(expect.stringMatching(/^::warning::GitHub wrote the comment as acme-orgctl\[bot\], but the Action takes only github-actions\[bot\]'s as its own.*Set the comment-author input to acme-orgctl\[bot\]\./));
  });

  const commentFailures: [string, (github: FakeGitHub) => Promise<string | undefined>, RegExp][] = [
    [
      'GitHub refuses it (403)',
      async (github) => void github.failRequests('POST', /\/issues\/\d+\/comments$/, 403, 'Resource not accessible by integration'),
      /^::error::could not write the plan comment on #19: GitHub answered HTTP 403 \(Resource not accessible by integration - https:\/\/docs\.github\.com\/rest\) while commenting on #19\. Give the job `permissions: pull-requests: write`/m,
    ],
    [
      'GitHub fails (500)',
      async (github) => void github.failRequests('GET', /\/issues\/\d+\/comments$/, 500, 'Server Error'),
      /^::error::could not write the plan comment on #19: GitHub answered HTTP 500 \(Server Error - https:\/\/docs\.github\.com\/rest\) while listing the comments of #19\. GitHub had a problem; re-run the job\./m,
    ],
    [
      'GitHub cannot be reached',
      () => unreachableApiUrl(),
      /^::error::could not write the plan comment on #19: could not reach http:\/\/127\.0\.0\.1:\d+ while asking which account the github-token acts as \(GET \/user\): ECONNREFUSED\./m,
    ],
  ];

  it.each(commentFailures)('writes the job summary and the outputs, then fails saying what happened, when the comment cannot be written: %s', async (_, breakGitHub, message) => {
    const github = world.github();
    github.addPullRequest({ number: 19, headSha: sha('9') });
    const githubApiUrl = await breakGitHub(github);

    const run = await planPullRequest(19, sha('9'), orgYaml(), githubApiUrl ? { githubApiUrl } : {});
    expect(run.code).toBe(1);
    expect(run.summary).toContain('Plan: 5 to create');
    expect(run.outputs).toMatchObject({ 'has-changes': 'true', summary: 'Plan: 5 to create, 1 to update, 0 to delete.' });
    expect((JSON.parse(run.planJson ?? '') as Plan).steps).toHaveLength(6);
    expect(run.stdout).toMatch(message);
    expect(run.stdout).not.toMatch(/GitHub refused|\n\s+at /);
    expect(github.issue(19).comments).toEqual([]);
  });

  it('rehearses the plan (rehearse defaults to true) and shows the verdict and the estimated apply time; rehearse: false leaves the rehearsal out', async () => {
    const github = world.github();
    github.addPullRequest({ number: 21, headSha: sha('e') });

    const run = await planPullRequest(21, sha('e'), orgYaml());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [comment = ''] = markedComments(github, 21, MARKER);
    expect(comment).toContain('Estimated apply time');
    expect(comment).toMatch(/rehearsal\\: 6 steps applied, converged/);
    expect((JSON.parse(run.planJson ?? '') as Plan).rehearsal).toEqual({ outcome: 'converged', applied: 6 });
    // The rehearsal ran in the Action's own emulator: the AWS the Action was given saw reads only.
    expect(Object.keys(world.emulator().counters()).some((op) => /Create|Move|Update|Delete/.test(op))).toBe(false);

    await planPullRequest(21, sha('f'), orgYaml(), { inputs: { rehearse: 'false' } });
    const [second = ''] = markedComments(github, 21, MARKER);
    expect(second).toContain('Estimated apply time');
    expect(second).not.toContain('rehearsal');
  });
});
