// The apply comment lists the accounts the apply created with their new IDs, and the plan comment shows
// each new account's OU and email (issue #15); names from org.yaml cannot inject markdown.

import { describe, expect, it } from 'vitest';
import { composeComment, MARKERS } from '../../src/action/compose-comment.js';
import { newAccountsPart } from '../../src/action/new-accounts.js';
import { applyPlan } from '../../src/apply/apply-plan.js';
import { planOrg } from '../../src/planner/index.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { aDesiredOrg, FAKE_INPUTS } from '../support/builders.js';
import { FakeAwsPort } from '../support/fake-port.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;

async function applied() {
  const fake = new FakeAwsPort();
  fake.seedOrganization();
  const desired = aDesiredOrg()
    .withManagementAccount(MGMT)
    .withAccount(MGMT, '/', { name: 'management' })
    .withAccountEntry({ name: 'team-x-prod', email: 'aws+team-x@example.com' }, '/Workloads/Prod')
    .withAccountEntry({ name: '@org/team **bold**', email: 'b@example.com' })
    .build();
  const live = fake.liveOrg();
  const plan = planOrg(desired, live, FAKE_INPUTS);
  const run = await applyPlan(plan, { port: fake, live, managementAccountId: MGMT, sleep: async () => {} });
  expect(run.allSucceeded).toBe(true);
  const idOf = (email: string) => fake.liveOrg().accounts.find((a) => a.email === email)!.id;
  return { plan, run, idOf };
}

describe('new accounts in the comments', () => {
  it('the apply comment lists each new account ID with its name, email and OU', async () => {
    const { plan, run, idOf } = await applied();
    const body = composeComment(MARKERS.apply, newAccountsPart(plan, run));
    expect(body).toContain('#### New accounts');
    expect(body).toContain(`| ${idOf('aws+team-x@example.com')} | team\\-x\\-prod | aws\\+team\\-x@​example\\.com | /Workloads/Prod |`);
    // Hostile text stays text: no mention, no bold.
    expect(body).not.toMatch(/[^\\]\*\*bold/);
    expect(body).not.toContain(' @org/team');
    expect(body).toContain(idOf('b@example.com'));
  });

  it('no part when the apply created no account', async () => {
    const { plan } = await applied();
    expect(newAccountsPart(plan, { results: [], allSucceeded: true })).toEqual([]);
  });

  it('the plan comment shows each new account\'s email and OU', () => {
    const desired = aDesiredOrg().withManagementAccount(MGMT).withAccountEntry({ name: 'team-x-prod', email: 'aws+team-x@example.com' }, '/Workloads/Prod').build();
    const markdown = renderPlanMarkdown(planOrg(desired, new FakeAwsPort().liveOrg(), FAKE_INPUTS));
    expect(markdown).toContain('email: aws+team-x@example.com');
    expect(markdown).toContain('OU: /Workloads/Prod');
  });
});
