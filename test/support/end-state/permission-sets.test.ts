// The end-state oracle's permission sets kind reports each way the end state can break org.yaml's
// promises (so it can fail), and nothing for a world that keeps them.

import { describe, expect, it } from 'vitest';
import type { LiveOrg } from '../../../src/model/live.js';
import type { LivePermissionSet } from '../../../src/model/permission-sets.js';
import { aLiveOrg, MANAGEMENT_ACCOUNT_ID as MGMT } from '../builders.js';
import { compareEndState, endStateOfLive, expectedEndState } from './index.js';

const ORG = (...center: string[]) =>
  ['version: 1', 'organization:', `  managementAccountId: "${MGMT}"`, 'root:', `  accounts: ["${MGMT}"]`, ...center, ''].join('\n');

const DECLARED = ORG(
  'identityCenter:',
  '  region: us-east-1',
  '  permissionSets:',
  '    Admin:',
  '      description: Full administrator',
  '      sessionDuration: PT4H',
  '      managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]',
  '      customerManagedPolicies: [{ name: B }]',
  '      inlinePolicy: policies/a.json',
  '      permissionsBoundary: { managedPolicyArn: arn:aws:iam::aws:policy/PowerUserAccess }',
  '      tags: { owner: platform }',
);

function set(fields: Partial<LivePermissionSet> & { name: string }): LivePermissionSet {
  return {
    arn: `arn:aws:sso:::permissionSet/ssoins-1/ps-${fields.name}`,
    description: undefined,
    sessionDuration: 'PT1H',
    managedPolicies: [],
    customerManagedPolicies: [],
    inlinePolicy: undefined,
    permissionsBoundary: null,
    tags: {},
    provisionedAccountIds: [],
    ...fields,
  };
}

const ADMIN = set({
  name: 'Admin',
  description: 'Full administrator',
  sessionDuration: 'PT240M',
  managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
  customerManagedPolicies: [{ name: 'B', path: '/' }],
  inlinePolicy: '{"Version":"2012-10-17","Statement":[]}',
  permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' },
  tags: { owner: 'platform', 'managed-by': 'orgctl' },
});

function world(...sets: LivePermissionSet[]): LiveOrg {
  return { ...aLiveOrg().withAccount(MGMT).build(), identityCenterPermissionSets: { region: 'us-east-1', instance: { region: 'us-east-1', instanceArn: 'arn:aws:sso:::instance/ssoins-1' }, permissionSets: sets } };
}

const mismatchesOf = (yaml: string, before: LiveOrg, after: LiveOrg) => compareEndState(endStateOfLive(after), expectedEndState(yaml, endStateOfLive(before))).mismatches;

describe('end-state oracle: permission sets', () => {
  it('a world that is what org.yaml declares: nothing to report', () => {
    expect(mismatchesOf(DECLARED, world(), world(ADMIN))).toEqual([]);
  });

  it('without `permissionsBoundary` in org.yaml, any boundary (or none) keeps the promise: it is left alone', () => {
    const unbounded = DECLARED.split('\n').filter((l) => !l.includes('permissionsBoundary')).join('\n');
    expect(mismatchesOf(unbounded, world(), world(ADMIN))).toEqual([]);
    expect(mismatchesOf(unbounded, world(), world({ ...ADMIN, permissionsBoundary: null }))).toEqual([]);
  });

  const cases: { name: string; yaml?: string; before?: LiveOrg; after: LiveOrg; report: RegExp }[] = [
    { name: 'a declared set is missing', after: world(), report: /"Admin": declared, but not in Identity Center/ },
    { name: 'the description differs', after: world({ ...ADMIN, description: 'Old' }), report: /description is "Old"/ },
    { name: 'the session duration differs', after: world({ ...ADMIN, sessionDuration: 'PT1H' }), report: /session duration \(s\) is 3600/ },
    { name: 'an extra managed policy', after: world({ ...ADMIN, managedPolicies: [...ADMIN.managedPolicies, 'arn:aws:iam::aws:policy/ReadOnlyAccess'] }), report: /managed policies is/ },
    { name: 'a customer managed policy is missing', after: world({ ...ADMIN, customerManagedPolicies: [] }), report: /customer managed policies is \[\]/ },
    { name: 'no inline policy', after: world({ ...ADMIN, inlinePolicy: undefined }), report: /has an inline policy is false/ },
    { name: 'another boundary', after: world({ ...ADMIN, permissionsBoundary: null }), report: /permissions boundary is "none"/ },
    { name: 'a tag differs', after: world({ ...ADMIN, tags: { owner: 'finance' } }), report: /tags is \{"owner":"finance"\}/ },
    { name: 'an undeclared set appeared', after: world(ADMIN, set({ name: 'New' })), report: /"New": created by the apply/ },
    {
      name: 'an undeclared set orgctl created survived prune',
      yaml: `${DECLARED}options:\n  prunePermissionSets: true\n`,
      before: world(ADMIN, set({ name: 'Old', tags: { 'managed-by': 'orgctl' } })),
      after: world(ADMIN, set({ name: 'Old', tags: { 'managed-by': 'orgctl' } })),
      report: /"Old": created by orgctl, not declared/,
    },
    { name: 'a console set was deleted', before: world(ADMIN, set({ name: 'Console' })), after: world(ADMIN), report: /"Console": deleted, though prunePermissionSets is off/ },
    { name: 'sets changed without an identityCenter section', yaml: ORG(), before: world(), after: world(ADMIN), report: /no identityCenter section in org.yaml, yet the permission sets changed/ },
  ];
  it.each(cases)('reports: $name', ({ yaml, before, after, report }) => {
    expect(mismatchesOf(yaml ?? DECLARED, before ?? world(), after).join('\n')).toMatch(report);
  });
});
