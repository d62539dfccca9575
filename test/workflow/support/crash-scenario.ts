// One organization with work of every kind for crash and subprocess tests: an OU renamed, new OUs
// (nested, under the renamed one too), 30 accounts moved, an OU pruned, a budget changed (limit,
// notification updated in place, subscriber swapped, notification removed), a budget created and
// one pruned.

import type { DesiredOrg } from '../../../src/model/desired.js';
import { aDesiredOrg, MANAGED_TAGS } from '../../support/builders.js';
import { type LiveWorld, MGMT } from './emulator-world.js';

const ids = (from: number, count: number): string[] => Array.from({ length: count }, (_, i) => String(200000000000 + from + i));
const inRoot = ids(0, 10);
const inOld = ids(10, 10);
const inTrash = ids(20, 10);
const KEY = { type: 'ACTUAL', comparison: 'GREATER_THAN', thresholdType: 'PERCENTAGE' } as const;
const email = (address: string) => ({ type: 'EMAIL', address }) as const;

export const CRASH_LIVE: LiveWorld = {
  hasOrganization: true,
  ous: [
    { path: '/Old', name: 'Old', parentPath: '/' },
    { path: '/Old/Team', name: 'Team', parentPath: '/Old' },
    { path: '/Trash', name: 'Trash', parentPath: '/' },
  ],
  accounts: [
    { id: MGMT, parentPath: '/' },
    ...inRoot.map((id) => ({ id, parentPath: '/' })),
    ...inOld.map((id) => ({ id, parentPath: '/Old' })),
    ...inTrash.map((id) => ({ id, parentPath: '/Trash' })),
  ],
  budgets: [
    {
      name: 'ops',
      amount: 10,
      timeUnit: 'MONTHLY',
      budgetType: 'COST',
      notifications: [
        { ...KEY, threshold: 80, subscribers: [email('e0@example.com'), email('e1@example.com')] },
        { ...KEY, threshold: 100, subscribers: [email('e2@example.com')] },
      ],
      tags: MANAGED_TAGS,
    },
    { name: 'legacy', amount: 5, timeUnit: 'MONTHLY', budgetType: 'COST', notifications: [], tags: MANAGED_TAGS },
  ],
};

export function crashDesired(): DesiredOrg {
  const org = aDesiredOrg()
    .withManagementAccount(MGMT)
    .withAccount(MGMT, '/')
    .withOu('/Workloads', { renamedFrom: 'Old' })
    .withOu('/Workloads/Team')
    .withOptions({ pruneOrganizationalUnits: true, pruneBudgets: true })
    .withBudget({ name: 'ops', amount: 25, notifications: [{ threshold: 90, emails: ['e0@example.com', 'e3@example.com'] }] })
    .withBudget({
      name: 'new',
      amount: 50,
      notifications: [
        { threshold: 50, emails: ['e4@example.com'] },
        { type: 'FORECASTED', threshold: 100, emails: ['e5@example.com'], sns: 'arn:aws:sns:us-east-1:123456789012:alerts' },
      ],
    });
  for (const id of inRoot) org.withAccount(id, '/Workloads/Prod');
  for (const id of inOld) org.withAccount(id, '/Workloads/Dev');
  for (const id of inTrash) org.withAccount(id, '/Sandbox/Deep/Er');
  return org.build();
}
