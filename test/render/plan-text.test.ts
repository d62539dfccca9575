// The terminal rendering of a plan.

import { describe, expect, it } from 'vitest';
import { renderPlanText } from '../../src/render/plan-text.js';
import { aDesiredOrg, aLiveOrgMatching, FAKE_INPUTS } from '../support/builders.js';
import { planOrg } from '../../src/planner/index.js';
import { bootstrapPlan, driftPlan, HOSTILE, hostilePlan } from './plans.js';

const ESC = '\u001b';

describe('renderPlanText', () => {
  it('renders the bootstrap plan', () => {
    expect(renderPlanText(bootstrapPlan(), { color: false })).toBe(
      [
        'Organization',
        '  + organization  # there is no organization yet',
        '      featureSet: ALL',
        '',
        'Organizational units',
        '  + ou:/Infrastructure  # not in the live organization',
        '  + ou:/Management  # not in the live organization',
        '  + ou:/Sandbox  # not in the live organization',
        '  + ou:/Security  # not in the live organization',
        '  + ou:/Suspended  # not in the live organization',
        '  + ou:/Workloads  # not in the live organization',
        '  + ou:/Workloads/NonProd  # not in the live organization',
        '  + ou:/Workloads/Prod  # not in the live organization',
        '',
        'Accounts',
        '  ~ account:123456789012  # the account will sit in the root of the new organization; org.yaml places it in /Management',
        '',
        'Budgets',
        '  + budget:monthly-guardrail  # not in the live budgets',
        '      limit: 10 USD MONTHLY',
        '      notify when ACTUAL > 80%: email billing@example.com',
        '',
        'Plan: 10 to create, 1 to update, 0 to delete.',
        '',
      ].join('\n'),
    );
  });

  it('renders every kind of change with warnings, errors and their org.yaml positions', async () => {
    const text = renderPlanText(driftPlan(), { color: false, sourceFile: 'infra/org.yaml' });
    await expect(text).toMatchFileSnapshot('./__snapshots__/drift-plan.txt');
    expect(text).toContain('  x account 333333333333 is declared in org.yaml but is not in the organization; invite it (or create it) first, or remove it from org.yaml. (infra/org.yaml:15:9)\n');
    expect(text.endsWith('Plan: 3 to create, 5 to update, 3 to delete.\nThis plan has 1 error and cannot be applied.\n')).toBe(true);
  });

  it('says so when nothing changes', () => {
    const desired = aDesiredOrg().withOu('/A').build();
    expect(renderPlanText(planOrg(desired, aLiveOrgMatching(desired).build(), FAKE_INPUTS), { color: false })).toBe(
      'No changes. The organization matches org.yaml.\n',
    );
  });

  it('uses ANSI color only when asked', () => {
    const plain = renderPlanText(driftPlan(), { color: false });
    const colored = renderPlanText(driftPlan(), { color: true });
    expect(plain).not.toContain(ESC);
    expect(colored).toContain(`${ESC}[32m+ ou:/Workloads/NonProd${ESC}[0m`);
    expect(colored).toContain(`${ESC}[31m- ou:/Legacy${ESC}[0m`);
    expect(colored).toContain(`${ESC}[33m~ account:111111111111 (prod)${ESC}[0m`);
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('shows control characters in names as escapes: one name is one line, and no name drives the terminal', () => {
    const text = renderPlanText(hostilePlan(), { color: false });
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u202e');
    expect(text).toContain('\\u001b[2J\\u001b[31m @org/team');
    expect(text).toContain('email @everyone\\n```\\n# heading');
    expect(text.split('\n').filter((line) => line.includes('heading'))).toHaveLength(1);
    expect(HOSTILE.email).toContain('\n');
  });
});
