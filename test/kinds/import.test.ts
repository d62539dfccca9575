// Import loops over the registry as the planner does: every kind declares how import writes it back
// (ResourceKind.importDesired, required by the interface), and the importer merges their parts. A field
// of the imported organization that no kind fills, or that two kinds fill, is refused, not written.

import { describe, expect, it } from 'vitest';
import { merged } from '../../src/importer/build-imported-org.js';
import type { ImportReading } from '../../src/importer/read-for-import.js';
import { RESOURCE_KINDS } from '../../src/kinds/registry.js';
import { aLiveOrg } from '../support/builders.js';

function aReading(): ImportReading {
  const live = aLiveOrg()
    .withOu('/Workloads/Prod')
    .withAccount('111111111111', '/Workloads/Prod', { name: 'prod' })
    .withAccount('222222222222', '/', { name: 'closed', state: 'SUSPENDED' })
    .withBudget({ name: 'monthly', amount: 100, notifications: [{ emails: ['ops@example.com'] }] })
    .build();
  return { live, organization: live.organization!, root: live.root!, policies: null, resourceTags: null };
}

const DESIRED = { managementAccountId: true, featureSet: true, root: true, budgets: true, policies: true } as const;

describe('import over the resource kind registry', () => {
  it.each(RESOURCE_KINDS.map((kind) => [kind.name, kind] as const))('%s declares its import', (_name, kind) => {
    expect(typeof kind.importDesired).toBe('function');
    const part = kind.importDesired(aReading());
    expect(part).toEqual({ desired: expect.any(Object), leftOut: expect.any(Object), counts: expect.any(Object) });
  });

  it('the registered kinds fill every imported field, each field once', () => {
    const reading = aReading();
    const parts = RESOURCE_KINDS.map((kind) => ({ kind: kind.name, part: kind.importDesired(reading) }));
    const desired = merged(parts, 'desired', DESIRED);
    expect(desired.root.organizationalUnits.map((ou) => ou.path)).toEqual(['/Workloads']);
    expect(desired.budgets.map((b) => b.name)).toEqual(['monthly']);
    expect(merged(parts, 'leftOut', { inactiveAccounts: true, leftOutBudgets: true }).inactiveAccounts.map((a) => a.id)).toEqual(['222222222222']);
  });

  it('each kind writes its own top-level org.yaml sections, in registry order', () => {
    const desired = merged(
      RESOURCE_KINDS.map((kind) => ({ kind: kind.name, part: kind.importDesired(aReading()) })),
      'desired',
      DESIRED,
    );
    const org = { ...desired, options: { pruneOrganizationalUnits: false, pruneBudgets: false, unlistedAccounts: 'ignore' as const } };
    const sections = RESOURCE_KINDS.flatMap((kind) => kind.orgYamlSection(org).filter((line) => /^\S/.test(line)));
    expect(sections).toEqual(['organization:', 'root:', 'budgets:']);
  });

  it('refuses a field no kind imports', () => {
    const parts = [{ kind: 'organization', part: { desired: { featureSet: 'ALL' as const }, leftOut: {}, counts: {} } }];
    expect(() => merged(parts, 'desired', DESIRED)).toThrow('no resource kind imports desired.managementAccountId, desired.root, desired.budgets, desired.policies');
  });

  it('refuses a field two kinds import', () => {
    const part = { desired: { budgets: [] }, leftOut: {}, counts: {} };
    expect(() => merged([{ kind: 'budgets', part }, { kind: 'other', part }], 'desired', DESIRED)).toThrow('the budgets and other kinds both import desired.budgets');
  });
});
