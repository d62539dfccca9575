// Plans the renderer tests share, made by the real planner from builder worlds.

import type { Plan } from '../../src/model/plan.js';
import { planOrg } from '../../src/planner/index.js';
import { aDesiredOrg, aLiveOrg, FAKE_INPUTS, theRepositoryOrg } from '../support/builders.js';

export function bootstrapPlan(): Plan {
  return planOrg(theRepositoryOrg().build(), aLiveOrg().withoutOrganization().build(), FAKE_INPUTS);
}

/** A bit of every kind: rename, create, move, delete, budget, notification and subscriber changes, warnings, an error. */
export function driftPlan(): Plan {
  const desired = aDesiredOrg()
    .withOu('/Workloads/Prod', { renamedFrom: 'Production' })
    .withOu('/Workloads/NonProd')
    .withOu('/Sandbox')
    .withAccount('111111111111', '/Workloads/Prod', { name: 'prod', at: { line: 12, column: 9 } })
    .withAccount('222222222222', '/Sandbox', { name: 'sandbox' })
    .withAccount('333333333333', '/Sandbox', { at: { line: 15, column: 9 } })
    .withBudget({ name: 'monthly-guardrail', amount: 20, notifications: [{ threshold: 90, emails: ['billing@example.com', 'new@example.com'] }] })
    .withBudget({ name: 'forecast', amount: 500, notifications: [{ type: 'FORECASTED', threshold: 100, sns: 'arn:aws:sns:us-east-1:123456789012:alerts' }] })
    .withOptions({ pruneOrganizationalUnits: true, pruneBudgets: true })
    .build();
  const live = aLiveOrg()
    .withOu('/Workloads/Production', { id: 'ou-root-production' })
    .withOu('/Sandbox')
    .withOu('/Legacy', { id: 'ou-root-legacy000' })
    .withAccount('111111111111', '/Sandbox', { name: 'prod' })
    .withAccount('222222222222', '/Legacy', { name: 'sandbox', state: 'SUSPENDED' })
    .withBudget({ name: 'monthly-guardrail', amount: 10, tags: 'managed', notifications: [{ threshold: 80, emails: ['billing@example.com', 'old@example.com'] }] })
    .withBudget({ name: 'retired', amount: 5, tags: 'managed', notifications: [{ threshold: 100, emails: ['old@example.com'] }] })
    .withBudget({ name: 'team-budget', tags: {} })
    .build();
  return planOrg(desired, live, FAKE_INPUTS);
}

/** Names that try to break out: markdown, HTML, mentions, issue references, code fences, newlines, terminal escapes. */
export const HOSTILE = {
  ou: 'x```\n</details><img src=x onerror=alert(1)> @octocat #1 | a |',
  account: 'evil\u001b[2J\u001b[31m @org/team ```',
  budget: '[click](https://evil.example) <b>bold</b> *stars* _u_ `tick` $x$ \u202etxt.exe',
  email: '@everyone\n```\n# heading',
};

export function hostilePlan(): Plan {
  const desired = aDesiredOrg()
    .withAccount('111111111111', '/Safe', { name: HOSTILE.account })
    .withBudget({ name: HOSTILE.budget, notifications: [{ emails: [HOSTILE.email] }] })
    .build();
  const live = aLiveOrg()
    .withOu('/Safe')
    .withOu(`/${HOSTILE.ou.replace(/%/g, '%25').replace(/\//g, '%2F')}`)
    .withAccount('111111111111', '/', { name: 'innocent' })
    .withBudget({ name: `${HOSTILE.budget} old`, tags: 'managed' })
    .build();
  return planOrg(desired, live, FAKE_INPUTS);
}

/** `count` moveAccount steps, for size limits. */
export function hugePlan(count: number): Plan {
  const desired = aDesiredOrg().withOu('/Target');
  const live = aLiveOrg().withOu('/Target');
  for (let i = 0; i < count; i++) {
    const id = String(100000000000 + i);
    desired.withAccount(id, '/Target');
    live.withAccount(id, '/', { name: `account number ${i}` });
  }
  return planOrg(desired.build(), live.build(), FAKE_INPUTS);
}
