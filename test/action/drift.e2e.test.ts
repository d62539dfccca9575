// `command: drift` end to end: the committed dist/index.js against our emulator and a fake GitHub.

import { describe, expect, it } from 'vitest';
import { pushEvent, scheduleEvent } from './support/events.js';
import { orgYaml, sha, useActionWorld } from './support/world.js';

const MARKER = '<!-- orgctl:drift -->';
const DRIFT_INPUTS = { command: 'drift', file: 'org.yaml', 'github-token': 'ghs_test', comment: 'true', 'fail-on-drift': 'false' };
const COMMIT = sha('a');

describe('drift', () => {
  const world = useActionWorld();

  const checkDrift = (inputs: Record<string, string> = {}) =>
    world.run({ eventName: 'schedule', event: scheduleEvent(), inputs: { ...DRIFT_INPUTS, ...inputs }, orgYaml: orgYaml(), sha: COMMIT, ref: 'refs/heads/main' });

  /** Makes the emulator's organization match org.yaml, through the Action itself. */
  async function applyOrgYaml(): Promise<void> {
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
});
