// Rehearsing a plan with tag and service-access steps: the rehearsal's copy of the live organization
// carries the tags the plan read (root, OU, account, budget) and the trusted services and delegated
// administrators, so untagging, retagging, disabling and deregistering meet what AWS has and converge.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrgYaml } from '../../src/config/parse-org-yaml.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { rehearsePlan } from '../../src/rehearsal/rehearse-plan.js';
import { snapshotOfLive } from '../../src/rehearsal/snapshot-of-live.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { emulatorPort, MGMT, ROOT_ID, snapshotOf } from '../workflow/support/emulator-world.js';

const MEMBER = '210987654321';
const SECURITY = '310987654321';
const SHA = '8'.repeat(64);
const OU = 'ou-appl-00000000';

function liveSnapshot() {
  const base = snapshotOf({
    hasOrganization: true,
    ous: [{ name: 'Workloads', path: '/Workloads', parentPath: '/' }],
    accounts: [{ id: MGMT, parentPath: '/' }, { id: MEMBER, parentPath: '/Workloads' }, { id: SECURITY, parentPath: '/Workloads' }],
    budgets: [],
  });
  const org = base.organization!;
  return {
    ...base,
    organization: {
      ...org,
      root: { ...org.root, tags: { owner: 'nobody', keep: 'x' } },
      organizationalUnits: org.organizationalUnits!.map((ou) => ({ ...ou, tags: { 'cost-center': '1', stale: 'y' } })),
      accounts: org.accounts!.map((a) => (a.id === MEMBER ? { ...a, tags: { team: 'old' } } : a)),
      trustedServices: ['sso.amazonaws.com', 'securityhub.amazonaws.com'],
      delegatedAdministrators: { [SECURITY]: ['securityhub.amazonaws.com'] },
    },
  };
}

const ORG_YAML = `version: 1
organization:
  managementAccountId: "${MGMT}"
  trustedServices: [sso.amazonaws.com, account.amazonaws.com]
  delegatedAdministrators: {}
root:
  tags: { owner: platform }
  accounts: ["${MGMT}"]
  organizationalUnits:
    Workloads:
      tags: { cost-center: "4711" }
      accounts:
        - { id: "${MEMBER}", tags: { team: payments } }
        - "${SECURITY}"
options: { pruneTrustedServices: true, pruneDelegatedAdministrators: true }
`;

describe('rehearsing a plan with tag and service-access steps', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false }));
  });
  afterAll(async () => {
    await emulator.stop();
  });

  async function planned() {
    emulator.seed(liveSnapshot());
    const parsed = parseOrgYaml(ORG_YAML, 'org.yaml');
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
    const port = emulatorPort(emulator.url);
    const made = await makePlan(port, parsed.value, SHA, { audit: false }).finally(() => port.destroy());
    return { ...made, desired: parsed.value };
  }

  it('copies the read tags, trusted services and delegated administrators, so the plan applies there and converges', async () => {
    const { plan, live, desired } = await planned();
    expect(plan.errors).toEqual([]);
    const kinds = new Set(plan.steps.map((s) => s.kind));
    for (const kind of ['tagResource', 'untagResource', 'enableServiceAccess', 'disableServiceAccess', 'deregisterDelegatedAdministrator']) expect(kinds).toContain(kind);
    const rehearsal = await rehearsePlan({ plan, live, desired, orgYamlSha256: SHA });
    expect(rehearsal).toEqual({ outcome: 'converged', applied: plan.steps.length });
  });

  it('the copy holds the tags by ID and the service access as read', async () => {
    const { live } = await planned();
    const copy = snapshotOfLive(live).organization!;
    expect(copy.root.tags).toEqual({ owner: 'nobody', keep: 'x' });
    expect(copy.organizationalUnits?.find((ou) => ou.id === OU)?.tags).toEqual({ 'cost-center': '1', stale: 'y' });
    expect(copy.accounts?.find((a) => a.id === MEMBER)?.tags).toEqual({ team: 'old' });
    expect([...(copy.trustedServices ?? [])].sort()).toEqual(['securityhub.amazonaws.com', 'sso.amazonaws.com']);
    expect(copy.delegatedAdministrators).toEqual({ [SECURITY]: ['securityhub.amazonaws.com'] });
    expect(copy.root.id).toBe(ROOT_ID);
  });
});
