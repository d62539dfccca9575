// `command: drift` end to end: the committed dist/index.js against our emulator and a fake GitHub.

import { describe, expect, it } from 'vitest';
import { pushEvent, scheduleEvent } from './support/events.js';
import { GITHUB_ACTIONS_BOT } from './support/fake-github.js';
import { orgYaml, sha, useActionWorld } from './support/world.js';

const MARKER = '<!-- orgctl:drift -->';
const DRIFT_INPUTS = { command: 'drift', file: 'org.yaml', 'github-token': 'ghs_test', comment: 'true', 'fail-on-drift': 'false' };
const COMMIT = sha('a');

// Several runs of the bundle per test (a reviewed merge first): more than the default timeout when the machine is busy.
describe('drift', { timeout: 120_000 }, () => {
  const world = useActionWorld();

  const checkDrift = (inputs: Record<string, string> = {}) =>
    world.run({ eventName: 'schedule', event: scheduleEvent(), inputs: { ...DRIFT_INPUTS, ...inputs }, orgYaml: orgYaml(), sha: COMMIT, ref: 'refs/heads/main' });

  /** Makes the emulator's organization match org.yaml, through the Action itself: a reviewed pull request, merged and applied. */
  async function applyOrgYaml(): Promise<void> {
    await world.reviewAndMerge({ number: 90, headSha: sha('8'), mergeCommit: COMMIT, yaml: orgYaml() });
    const run = await world.run({
      eventName: 'push',
      event: pushEvent({ after: COMMIT }),
      inputs: { ...DRIFT_INPUTS, command: 'apply' },
      orgYaml: orgYaml(),
      sha: COMMIT,
      ref: 'refs/heads/main',
    });
    expect(run.code).toBe(0);
  }

  /** Someone deletes the (empty) Sandbox OU in the console. */
  function deleteSandboxOutOfBand(): void {
    const live = world.emulator().snapshot();
    const organization = live.organization!;
    world.emulator().seed({ ...live, organization: { ...organization, organizationalUnits: organization.organizationalUnits!.filter((ou) => ou.name !== 'Sandbox') } });
  }

  const driftIssues = () => world.github().issues().filter((i) => i.body.startsWith(MARKER));

  it('opens one drift issue, updates it while drift lasts, and closes it once drift is gone', async () => {
    const github = world.github();
    await applyOrgYaml();
    const unrelated = github.addIssue({ title: 'Budget alerts go to the wrong list', body: 'not orgctl', labels: ['drift'] });

    const clean = await checkDrift();
    expect(clean.code).toBe(0);
    expect(clean.outputs).toMatchObject({ 'has-changes': 'false', summary: 'No drift. The organization matches org.yaml.' });
    expect(driftIssues()).toEqual([]);
    expect(clean.summary).toContain('### orgctl drift: none');

    deleteSandboxOutOfBand();
    const first = await checkDrift();
    expect(first.code).toBe(0); // fail-on-drift is off
    expect(first.outputs).toMatchObject({ 'has-changes': 'true', summary: 'Drift: Plan: 1 to create, 0 to update, 0 to delete.' });
    expect(first.summary).toContain('+ ou:/Sandbox');
    const [opened] = driftIssues();
    expect(opened).toMatchObject({ state: 'open', labels: ['drift'], title: 'orgctl: the AWS organization differs from org.yaml' });
    expect(opened?.body).toContain('+ ou:/Sandbox');
    expect(opened?.body).toContain(`/commit/${COMMIT}`);
    expect(github.requestsTo('GET', /\/issues$/)[0]?.query).toMatchObject({ labels: 'drift', state: 'open' });

    const second = await checkDrift();
    expect(second.code).toBe(0);
    expect(driftIssues()).toHaveLength(1);
    expect(github.requestsTo('POST', /\/issues$/)).toHaveLength(1);

    // Fixed (applied again): the next check closes the issue with a comment.
    await applyOrgYaml();
    const fixed = await checkDrift();
    expect(fixed.code).toBe(0);
    expect(fixed.outputs['has-changes']).toBe('false');
    const [closed] = driftIssues();
    expect(closed?.number).toBe(opened?.number);
    expect(closed?.state).toBe('closed');
    expect(closed?.comments.map((c) => c.body)).toEqual([expect.stringContaining('No drift any more')]);
    // The other issue labelled drift is not orgctl's: untouched.
    expect(github.issue(unrelated.number)).toMatchObject({ state: 'open', body: 'not orgctl', comments: [] });

    // A later drift opens a new issue rather than reopening the closed one.
    deleteSandboxOutOfBand();
    await checkDrift();
    expect(driftIssues().filter((i) => i.state === 'open').map((i) => i.number)).not.toContain(opened?.number);
    expect(driftIssues()).toHaveLength(2);
  });

  it('fails the job on drift with fail-on-drift, after updating the issue', async () => {
    await applyOrgYaml();
    deleteSandboxOutOfBand();
    const run = await checkDrift({ 'fail-on-drift': 'true' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::drift: the live organization differs from org\.yaml \(1 step to apply\)/m);
    expect(driftIssues()).toHaveLength(1);
    expect(run.outputs['has-changes']).toBe('true');
  });

  it('passes with fail-on-drift when there is no drift, and reads only', async () => {
    await applyOrgYaml();
    world.emulator().clearStats();
    const run = await checkDrift({ 'fail-on-drift': 'true' });
    expect(run.code).toBe(0);
    expect(Object.keys(world.emulator().counters()).filter((op) => /Create|Move|Update|Delete/.test(op))).toEqual([]);
  });

  it('adopts only a drift issue its own identity opened: one anyone else opened with the marker is left open and untouched', async () => {
    const github = world.github();
    await applyOrgYaml();
    const mallory = { login: 'mallory', type: 'User' } as const;
    const forgedBody = `${MARKER}\n\n### orgctl drift: none`;
    const forged = github.addIssue({ title: 'orgctl: the AWS organization differs from org.yaml', body: forgedBody, labels: ['drift'], user: mallory });

    deleteSandboxOutOfBand();
    const drifted = await checkDrift();
    expect(drifted.code).toBe(0);
    const ours = driftIssues().filter((i) => i.number !== forged.number);
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ state: 'open', user: GITHUB_ACTIONS_BOT });
    expect(ours[0]?.body).toContain('+ ou:/Sandbox');

    await applyOrgYaml();
    const fixed = await checkDrift();
    expect(fixed.code).toBe(0);
    expect(github.issue(ours[0]?.number ?? 0).state).toBe('closed');
    expect(github.issue(forged.number)).toMatchObject({ state: 'open', body: forgedBody, user: mallory, comments: [] });
    expect(github.requestsTo('PATCH', new RegExp(`/issues/${forged.number}$`))).toEqual([]);
    expect(github.requestsTo('POST', new RegExp(`/issues/${forged.number}/comments$`))).toEqual([]);
  });

  it('writes the job summary and the outputs, then fails saying what GitHub answered, when the drift issue cannot be opened', async () => {
    const github = world.github();
    await applyOrgYaml();
    deleteSandboxOutOfBand();
    github.failRequests('POST', /\/issues$/, 500, 'Server Error');

    const run = await checkDrift();
    expect(run.code).toBe(1);
    expect(run.summary).toContain('+ ou:/Sandbox');
    expect(run.outputs).toMatchObject({ 'has-changes': 'true', summary: 'Drift: Plan: 1 to create, 0 to update, 0 to delete.' });
    expect(run.stdout).toMatch(/^::error::could not write the drift issue: GitHub answered HTTP 500 \(Server Error - https:\/\/docs\.github\.com\/rest\) while opening an issue\. GitHub had a problem; re-run the job\./m);
    expect(driftIssues()).toEqual([]);
  });
});
