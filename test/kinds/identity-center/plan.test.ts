// The identity center kind's plan so far: OU targets expand to the accounts org.yaml places under them
// (recursively), and since nothing is read or applied yet, the plan says so in a warning that lists the
// expansions instead of silently planning nothing.

import { describe, expect, it } from 'vitest';
import { planOrg } from '../../../src/planner/index.js';
import { renderPlanMarkdown } from '../../../src/render/plan-markdown.js';
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

function notesOf(lines: string[]) {
  const desired = desiredOf(yamlDoc(...lines));
  return planOrg(desired, aLiveOrgMatching(desired).build(), FAKE_INPUTS);
}

describe('identity center plan', () => {
  it('expands OUs recursively (not to a sibling OU sharing a prefix) and counts listed accounts once', () => {
    const plan = notesOf([...TREE, ...CENTER]);
    const note = plan.warnings.find((w) => w.code === 'identity-center-not-applied');
    expect(note?.message).toContain('AdministratorAccess → group PlatformAdmins on 3 accounts (under /Workloads)');
    // 555 listed, 222 listed and under Prod (once), 333 under Prod: 3 accounts. The control character is escaped.
    expect(note?.message).toContain('AdministratorAccess → user alice\\u001b[31m on 3 accounts (2 listed; under /Workloads/Prod)');
    expect(note?.source).toEqual({ line: TREE.length + 1, column: 1 });
    expect(plan.steps).toEqual([]);
  });

  it('without an identityCenter section there is no such note', () => {
    const plan = notesOf(TREE);
    expect(plan.warnings.filter((w) => w.code === 'identity-center-not-applied')).toEqual([]);
  });

  it('names from org.yaml cannot inject markdown, HTML or @-mentions into the PR comment', () => {
    const lines = [...TREE, ...CENTER.slice(0, 4), '    - group: "@acme/admins <img src=x> [x](http://e)"', '      permissionSet: AdministratorAccess', '      accounts: ["111111111111"]'];
    const markdown = renderPlanMarkdown(notesOf(lines));
    expect(markdown).toContain('acme/admins');
    expect(markdown).not.toContain('@acme');
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('[x](http://e)');
  });
});
