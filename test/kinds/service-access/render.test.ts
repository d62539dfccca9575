// Every service-access step in the PR comment and the terminal: its group, title, reason and what AWS
// documents about doing it through the service (snapshots), and the counts.

import { describe, expect, it } from 'vitest';
import type { DesiredOrg } from '../../../src/model/desired.js';
import type { LiveOrg } from '../../../src/model/live.js';
import type { Plan } from '../../../src/model/plan.js';
import { planOrg } from '../../../src/planner/index.js';
import { renderPlanMarkdown } from '../../../src/render/plan-markdown.js';
import { renderPlanText } from '../../../src/render/plan-text.js';
import { aDesiredOrg, aLiveOrgMatching, FAKE_INPUTS } from '../../support/builders.js';

/** All four steps: enable and register securityhub, deregister then disable ram (both prune options on). */
function serviceAccessPlan(): Plan {
  const base = aDesiredOrg().withAccount('333333333333').withAccount('444444444444').withOptions({ pruneTrustedServices: true, pruneDelegatedAdministrators: true }).build();
  const desired: DesiredOrg = {
    ...base,
    trustedServices: [{ principal: 'securityhub.amazonaws.com' }, { principal: 'sso.amazonaws.com' }],
    delegatedAdministrators: [{ principal: 'securityhub.amazonaws.com', accountIds: ['333333333333'] }],
  };
  const live: LiveOrg = {
    ...aLiveOrgMatching(base).build(),
    trustedServices: ['ram.amazonaws.com', 'sso.amazonaws.com'],
    delegatedAdministrators: [{ principal: 'ram.amazonaws.com', accountId: '444444444444' }],
  };
  return planOrg(desired, live, FAKE_INPUTS);
}

describe('service-access steps, rendered', () => {
  it('in the PR comment', async () => {
    const markdown = renderPlanMarkdown(serviceAccessPlan());
    await expect(markdown).toMatchFileSnapshot('./__snapshots__/service-access-plan.md');
    expect(markdown).toContain('**Plan: 2 to create, 0 to update, 2 to delete.**');
  });

  it('in the terminal', async () => {
    const text = renderPlanText(serviceAccessPlan(), { color: false });
    await expect(text).toMatchFileSnapshot('./__snapshots__/service-access-plan.txt');
    for (const line of ['Trusted access', 'Delegated administrators']) expect(text).toContain(line);
  });
});
