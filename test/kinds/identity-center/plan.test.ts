// The identity center kind's plan: OU targets expand to the accounts org.yaml places under them
// (recursively), shown in the plan comment's "Access changes" section; permission sets are not applied yet,
// and the plan says so in a warning instead of silently planning nothing.

import { describe, expect, it } from 'vitest';
import { planOrg } from '../../../src/planner/index.js';
import { renderPlanMarkdown } from '../../../src/render/plan-markdown.js';
import { renderPlanText } from '../../../src/render/plan-text.js';
import { aLiveOrgMatching, FAKE_INPUTS } from '../../support/builders.js';
import { desiredOf, HEADER, yamlDoc } from '../../config/support.js';

const TREE = [
  ...HEADER,
  '    Workloads:',
  '      accounts: ["111111111111"]',
  '      organizationalUnits:',
  '        Prod:',
  '          accounts: ["222222222222", "333333333333"]',
  '    WorkloadsOld:',
  '      accounts: ["444444444444"]',
];

const CENTER = [
  'identityCenter:',
  '  permissionSets:',
  '    AdministratorAccess: { sessionDuration: PT4H }',
  '  assignments:',
  '    - group: PlatformAdmins',
  '      permissionSet: AdministratorAccess',
  '      organizationalUnits: [/Workloads]',
  '    - user: "alice\\u001b[31m"',
  '      permissionSet: AdministratorAccess',
  '      accounts: ["555555555555", "222222222222"]',
  '      organizationalUnits: [/Workloads/Prod]',
];

/** Identity Center as AWS has it: the instance, the permission set, the principals found, no assignments yet. */
function notesOf(lines: string[]) {
  const desired = desiredOf(yamlDoc(...lines));
  const principals = (desired.identityCenter?.assignments ?? []).flatMap((a, i) => (a.principal ? [{ ...a.principal, id: `90670000-0000-7000-8000-00000000000${i}` }] : []));
  const identityCenterAccess = {
    region: 'us-east-1',
    instance: { instanceArn: 'arn:aws:sso:::instance/ssoins-1', identityStoreId: 'd-1' },
    permissionSets: [{ name: 'AdministratorAccess', arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1' }],
    principals,
    assignments: [],
  };
  return planOrg(desired, { ...aLiveOrgMatching(desired).build(), identityCenterAccess }, FAKE_INPUTS);
}

describe('identity center plan', () => {
  it('expands OUs recursively (not to a sibling OU sharing a prefix) and counts listed accounts once', () => {
    const plan = notesOf([...TREE, ...CENTER]);
    const text = renderPlanText(plan, { color: false });
    expect(text).toContain('gains: AdministratorAccess → group PlatformAdmins on 3 accounts under /Workloads\n');
    // 555 listed, 222 listed and under Prod (once), 333 under Prod: 3 accounts. The control character is escaped.
    expect(text).toContain('gains: AdministratorAccess → user alice\\u001b[31m on 3 accounts under /Workloads/Prod, 1 listed\n');
    // Permission sets and assignments are both applied now: no "not applied" warning.
    expect(plan.warnings.map((w) => w.code)).not.toContain('identity-center-not-applied');
    expect(plan.steps.filter((s) => s.kind === 'createAccountAssignment')).toHaveLength(6);
  });

  it('without an identityCenter section there is no such note', () => {
    const plan = notesOf(TREE);
    expect(plan.warnings.filter((w) => w.code === 'identity-center-not-applied')).toEqual([]);
  });

  it('names from org.yaml cannot inject markdown, HTML or @-mentions into the PR comment', () => {
    const lines = [...TREE, ...CENTER.slice(0, 4), '    - group: "@acme/admins <img src=x> [x](http://e)"', '      permissionSet: AdministratorAccess', '      accounts: ["111111111111"]'];
    const markdown = renderPlanMarkdown(notesOf(lines));
    // Outside the diff block (inside it GitHub renders no mention or HTML, and nothing can close the fence).
    const outside = markdown.replace(/```diff[\s\S]*?```/g, '');
    expect(outside).toContain('acme/admins');
    expect(outside).not.toContain('@acme');
    expect(outside).not.toContain('<img');
    expect(outside).not.toContain('[x](http://e)');
  });
});
