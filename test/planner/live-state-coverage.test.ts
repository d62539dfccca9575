// The stale-plan fingerprint is composed from the kinds' fingerprints, each over the LiveOrg fields the
// kind owns (registry.ts refuses to compile a field no kind owns). Here: each field is owned by exactly
// one kind, and changing any field's value changes the fingerprint, so no live state can be missed.

import { describe, expect, it } from 'vitest';
import { RESOURCE_KINDS } from '../../src/kinds/registry.js';
import type { LiveOrg, LiveOrganization } from '../../src/model/live.js';
import { serializeLiveState } from '../../src/planner/live-state.js';

const MGMT = '111111111111';

const ORGANIZATION: LiveOrganization = { id: 'o-1', arn: 'arn:aws:organizations::111111111111:organization/o-1', featureSet: 'ALL', managementAccountId: MGMT, managementAccountEmail: 'm@example.com' };

const LIVE: Required<LiveOrg> = {
  callerAccountId: MGMT,
  organization: ORGANIZATION,
  root: { id: 'r-1', name: 'Root' },
  ous: [{ id: 'ou-1', name: 'Team', parentId: 'r-1' }],
  accounts: [{ id: MGMT, name: 'mgmt', email: 'm@example.com', state: 'ACTIVE', parentId: 'r-1' }],
  budgets: [{ name: 'b', budgetType: 'COST', amount: 10, unit: 'USD', timeUnit: 'MONTHLY', notifications: [] }],
  alternateContacts: [{ type: 'SECURITY', contact: null }],
  resourceTags: [{ target: { type: 'ou', path: '/Team' }, tags: { owner: 'platform' } }],
  policies: {
    enabledTypes: ['SERVICE_CONTROL_POLICY'],
    readTypes: ['SERVICE_CONTROL_POLICY'],
    policies: [{ id: 'p-12345678', name: 'Deny', type: 'SERVICE_CONTROL_POLICY', awsManaged: false, description: '', content: '{"a":1}', targets: ['r-1'] }],
  },
  trustedServices: ['sso.amazonaws.com'],
  delegatedAdministrators: [{ principal: 'securityhub.amazonaws.com', accountId: '222222222222' }],
  breakGlassUsers: [{ name: 'break-glass', user: null }],
  memberAlternateContacts: [{ accountId: '222222222222', type: 'SECURITY', contact: null }],
  identityCenterPermissionSets: {
    region: 'us-east-1',
    instance: { region: 'us-east-1', instanceArn: 'arn:aws:sso:::instance/ssoins-0000000000000001' },
    permissionSets: [
      {
        arn: 'arn:aws:sso:::permissionSet/ssoins-0000000000000001/ps-0000000000000001',
        name: 'Admin',
        description: undefined,
        sessionDuration: 'PT1H',
        managedPolicies: [],
        customerManagedPolicies: [],
        inlinePolicy: undefined,
        permissionsBoundary: null,
        tags: {},
        provisionedAccountIds: [],
      },
    ],
  },
  identityCenterAccess: {
    region: 'us-east-1',
    instance: { instanceArn: 'arn:aws:sso:::instance/ssoins-1', identityStoreId: 'd-1' },
    permissionSets: [{ name: 'Admin', arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1' }],
    principals: [{ type: 'GROUP', name: 'Admins', id: 'g-1' }],
    assignments: [{ accountId: MGMT, permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1', principalType: 'GROUP', principalId: 'g-1' }],
  },
};

/** Another value for every field: the compiler asks for one when LiveOrg gains a field. */
const CHANGED: { readonly [F in keyof LiveOrg]-?: LiveOrg[F] } = {
  callerAccountId: '999999999999',
  organization: { ...ORGANIZATION, featureSet: 'CONSOLIDATED_BILLING' },
  root: { id: 'r-2', name: 'Root' },
  ous: [{ id: 'ou-1', name: 'Platform', parentId: 'r-1' }],
  accounts: [{ ...LIVE.accounts[0]!, state: 'SUSPENDED' }],
  budgets: [{ ...LIVE.budgets[0]!, amount: 20 }],
  alternateContacts: [{ type: 'SECURITY', contact: { type: 'SECURITY', name: 'n', title: 't', email: 'e@example.com', phone: '+1' } }],
  resourceTags: [{ target: { type: 'ou', path: '/Team' }, tags: { owner: 'finance' } }],
  policies: { ...LIVE.policies, policies: [{ ...LIVE.policies.policies[0]!, targets: ['r-1', 'ou-1'] }] },
  trustedServices: ['account.amazonaws.com'],
  delegatedAdministrators: [{ principal: 'securityhub.amazonaws.com', accountId: '333333333333' }],
  breakGlassUsers: [{ name: 'break-glass', user: { tags: { 'managed-by': 'orgctl', 'orgctl:role': 'break-glass' }, attachedPolicies: [] } }],
  memberAlternateContacts: [{ accountId: '222222222222', type: 'SECURITY', contact: { type: 'SECURITY', name: 'n', title: 't', email: 'e@example.com', phone: '+1' } }],
  identityCenterPermissionSets: { ...LIVE.identityCenterPermissionSets, permissionSets: [{ ...LIVE.identityCenterPermissionSets.permissionSets[0]!, sessionDuration: 'PT4H' }] },
  identityCenterAccess: { ...LIVE.identityCenterAccess, assignments: [] },
};

describe('the live-state fingerprint covers every LiveOrg field', () => {
  const fields = Object.keys(CHANGED) as (keyof LiveOrg)[];

  it.each(fields)('%s is owned by exactly one kind', (field) => {
    expect(RESOURCE_KINDS.filter((kind) => kind.liveFields.includes(field)).map((kind) => kind.name)).toHaveLength(1);
  });

  it.each(fields)('changing %s changes the fingerprint', (field) => {
    expect(serializeLiveState({ ...LIVE, [field]: CHANGED[field] })).not.toBe(serializeLiveState(LIVE));
  });

  it('leaves the caller out when it is the management account, so plans of an organization hash as before', () => {
    expect(serializeLiveState(LIVE)).not.toContain('callerAccountId');
  });
});
