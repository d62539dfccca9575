// The identity center kind: IAM Identity Center permission sets and account assignments (org.yaml
// `identityCenter:`). It normalizes and validates the section, expands OU targets, reads the instance,
// the principals org.yaml names and their assignments (assignments/read.ts), and creates groups and
// assignments (deleting undeclared ones with options.pruneAssignments). Permission sets are checked, not
// yet applied (plan.ts says so).

import type { ResourceKind } from '../kind.js';
import { accessChangesSection, describeAssignment } from './assignments/describe.js';
import { createAccountAssignment, createGroup, deleteAccountAssignment, MAX_ASSIGNMENTS_IN_FLIGHT } from './assignments/execute.js';
import { readIdentityCenterAccess } from './assignments/read.js';
import { importIdentityCenter } from './assignments/import.js';
import { writeIdentityCenterSection } from './write-yaml.js';
import type { IdentityCenterAccessStep } from './assignments/steps.js';
import { normalizeIdentityCenter } from './normalize.js';
import { planIdentityCenter } from './plan.js';

const GROUPS = 'Identity Center groups';
const ASSIGNMENTS = 'Identity Center assignments';

export const identityCenterKind: ResourceKind<IdentityCenterAccessStep['kind'], 'identityCenterAccess'> = {
  name: 'identity center',
  groups: [GROUPS, ASSIGNMENTS],
  normalize: normalizeIdentityCenter,
  plan: planIdentityCenter,
  planSection: accessChangesSection,
  read: readIdentityCenterAccess,
  // Import reads the assignments of every group and user (assignments/read-for-import.ts) when the shell names a region.
  importDesired: (reading) => {
    const placed = new Set(reading.live.accounts.filter((a) => a.state === 'ACTIVE').map((a) => a.id));
    const identityCenter = importIdentityCenter(reading.live.identityCenterAccess, placed);
    return { desired: identityCenter !== undefined ? { identityCenter } : {}, leftOut: {}, counts: {} };
  },
  orgYamlSection: writeIdentityCenterSection,
  liveFields: ['identityCenterAccess'],
  // Only what was read (org.yaml has the section), so plans of files without one hash as before.
  fingerprint: (live) => {
    const access = live.identityCenterAccess;
    if (access === undefined) return {};
    return {
      identityCenterAccess: {
        region: access.region ?? null,
        instance: access.instance,
        permissionSets: access.permissionSets.map((s) => `${s.name}=${s.arn}`).sort(),
        principals: access.principals.map((p) => `${p.type}:${p.name}=${p.id ?? ''}`).sort(),
        externalDirectory: access.externalDirectory ?? null,
        assignments: access.assignments.map((a) => `${a.permissionSetArn}/${a.principalType}:${a.principalId}/${a.accountId}`).sort(),
      },
    };
  },
  steps: {
    createGroup: {
      group: GROUPS,
      action: 'create',
      describe: (step) => ({ title: `group ${step.after.displayName}`, details: step.after.description !== undefined ? [`description: ${step.after.description}`] : [] }),
      execute: createGroup,
    },
    createAccountAssignment: {
      group: ASSIGNMENTS,
      action: 'create',
      maxInFlight: MAX_ASSIGNMENTS_IN_FLIGHT,
      describe: (step) => describeAssignment(step.after),
      execute: createAccountAssignment,
    },
    deleteAccountAssignment: {
      group: ASSIGNMENTS,
      action: 'delete',
      maxInFlight: MAX_ASSIGNMENTS_IN_FLIGHT,
      describe: (step) => describeAssignment(step.before),
      execute: deleteAccountAssignment,
    },
  },
};
