// The organization kind: the organization itself, the OU tree and where accounts sit. One kind, not
// two: an account's placement is a path in the OU tree, so moves wait for the creates and renames of
// their destination and OU deletions wait for the moves out of them (one step graph, one set of phases).

import type { ResourceKind } from '../kind.js';
import { sortedRecord } from '../../planner/sorted-record.js';
import { createOrganization, createOrganizationalUnit, deleteOrganizationalUnit, moveAccount, renameOrganizationalUnit } from './execute.js';
import { tagChanges } from '../tags/describe.js';
import { closeAccount, createAccount, MAX_CREATIONS_IN_FLIGHT, renameAccount } from './account-lifecycle.js';
import { importOrganization } from './import.js';
import { pathOfParent } from '../../model/refs.js';
import { planOrganizationSteps } from './plan.js';
import type { OrganizationStep } from './steps.js';
import { writeOrganizationSection } from './write-yaml.js';
import { normalizeOrganization } from './normalize.js';
import { readTree } from './read.js';

export const organizationKind: ResourceKind<OrganizationStep['kind'], 'callerAccountId' | 'organization' | 'root' | 'ous' | 'accounts'> = {
  name: 'organization',
  groups: ['Organization', 'Organizational units', 'Accounts'],
  normalize: normalizeOrganization,
  readSnapshot: readTree,
  plan: planOrganizationSteps,
  importDesired: importOrganization,
  orgYamlSection: writeOrganizationSection,
  liveFields: ['callerAccountId', 'organization', 'root', 'ous', 'accounts'],
  fingerprint(live, tree) {
    const organization = live.organization;
    return {
      // The plan notes a caller who is not the management account (only possible without an
      // organization: the guard refuses other callers); as the management account it adds nothing, so
      // plans of an existing organization hash as before.
      ...(live.callerAccountId !== organization?.managementAccountId && { callerAccountId: live.callerAccountId }),
      organization: organization && { featureSet: organization.featureSet, managementAccountId: organization.managementAccountId, id: organization.id },
      rootId: tree.rootId,
      ous: sortedRecord(tree.ousTopDown.map((ou) => [tree.pathById.get(ou.id)!, { id: ou.id, name: ou.name }])),
      accounts: sortedRecord(
        live.accounts.map((a) => [a.id, { parentPath: tree.pathById.get(a.parentId) ?? null, name: a.name, state: a.state, email: a.email }]),
      ),
    };
  },
  steps: {
    createOrganization: {
      group: 'Organization',
      action: 'create',
      describe: (step) => ({ details: [`featureSet: ${step.after.featureSet}`] }),
      execute: (step, ctx) => createOrganization(ctx, step.after.featureSet),
    },
    createOrganizationalUnit: {
      group: 'Organizational units',
      action: 'create',
      describe: (step) => ({ details: step.after.tags ? tagChanges({}, step.after.tags) : [] }),
      execute: createOrganizationalUnit,
    },
    renameOrganizationalUnit: {
      group: 'Organizational units',
      action: 'update',
      describe: (step) => ({ details: [`name: "${step.before.name}" → "${step.after.name}"`, `id: ${step.before.id}`] }),
      execute: renameOrganizationalUnit,
    },
    deleteOrganizationalUnit: {
      group: 'Organizational units',
      action: 'delete',
      describe: (step) => ({ details: [`id: ${step.before.id}`] }),
      execute: deleteOrganizationalUnit,
    },
    moveAccount: {
      group: 'Accounts',
      action: 'update',
      describe: (step) => ({ ...(step.before.accountName && { title: `${step.address} (${step.before.accountName})` }), details: [] }),
      execute: moveAccount,
    },
    createAccount: {
      group: 'Accounts',
      action: 'create',
      maxInFlight: MAX_CREATIONS_IN_FLIGHT,
      describe: (step) => ({
        title: `${step.address} (${step.after.name})`,
        details: [
          `email: ${step.after.email}`,
          `OU: ${pathOfParent(step.after.parent)}`,
          ...(step.after.tags !== undefined ? [`tags: ${Object.entries(step.after.tags).map(([k, v]) => `${k}=${v}`).join(', ')}`] : []),
          ...(step.after.iamUserAccessToBilling !== undefined ? [`iamUserAccessToBilling: ${step.after.iamUserAccessToBilling}`] : []),
          ...(step.after.roleName !== undefined ? [`roleName: ${step.after.roleName}`] : []),
        ],
      }),
      execute: createAccount,
    },
    renameAccount: {
      group: 'Accounts',
      action: 'update',
      describe: (step) => ({ details: [`name: "${step.before.name}" → "${step.after.name}"`] }),
      execute: renameAccount,
    },
    closeAccount: {
      group: 'Accounts',
      action: 'delete',
      // AWS runs at most 3 closures at once (aws-facts.md §2.6).
      maxInFlight: 3,
      describe: (step) => ({ title: `${step.address} (${step.before.name})`, details: [`state: ${step.before.state} → closed (PENDING_CLOSURE, then SUSPENDED)`] }),
      execute: closeAccount,
    },
  },
};
