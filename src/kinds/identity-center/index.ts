// The identity center kind: IAM Identity Center permission sets, groups and account assignments (org.yaml
// `identityCenter:`). It normalizes and validates the section, expands OU targets, reads (only when org.yaml
// has the section) the instance, its permission sets whole (permission-sets/read.ts), the principals
// org.yaml names and their assignments (assignments/read.ts), and creates, updates, provisions and (with
// prunePermissionSets) deletes permission sets, creates groups and assignments (deleting undeclared ones
// with pruneAssignments).

import type { ResourceKind } from '../kind.js';
import { accessChangesSection, describeAssignment } from './assignments/describe.js';
import { createAccountAssignment, createGroup, deleteAccountAssignment, MAX_ASSIGNMENTS_IN_FLIGHT } from './assignments/execute.js';
import { importIdentityCenter } from './assignments/import.js';
import type { IdentityCenterAccessStep } from './assignments/steps.js';
import { normalizeIdentityCenter } from './normalize.js';
import { PERMISSION_SET_HANDLERS, PERMISSION_SETS_GROUP } from './permission-sets/handlers.js';
import { importPermissionSets } from './permission-sets/import.js';
import type { PermissionSetStep } from './permission-sets/steps.js';
import { planIdentityCenter } from './plan.js';
import { readIdentityCenter } from './read.js';
import { writeIdentityCenterSection } from './write-yaml.js';

const GROUPS = 'Identity Center groups';
const ASSIGNMENTS = 'Identity Center assignments';

export const identityCenterKind: ResourceKind<PermissionSetStep['kind'] | IdentityCenterAccessStep['kind'], 'identityCenterPermissionSets' | 'identityCenterAccess'> = {
  name: 'identity center',
  groups: [PERMISSION_SETS_GROUP, GROUPS, ASSIGNMENTS],
  normalize: normalizeIdentityCenter,
  plan: planIdentityCenter,
  planSection: accessChangesSection,
  read: readIdentityCenter,
  // When import reads Identity Center (src/importer/read-for-import.ts): the permission sets whole, then the
  // groups and assignments (which name the sets).
  importDesired: (reading) => {
    const placed = new Set(reading.live.accounts.filter((a) => a.state === 'ACTIVE').map((a) => a.id));
    const sets = importPermissionSets(reading.live.identityCenterPermissionSets ?? null);
    const access = importIdentityCenter(reading.live.identityCenterAccess, placed);
    const identityCenter =
      sets === undefined ? access : access === undefined ? sets : { ...access, ...sets, assignments: access.assignments, ...(access.groups !== undefined && { groups: access.groups }) };
    return { desired: identityCenter === undefined ? {} : { identityCenter }, leftOut: {}, counts: {} };
  },
  orgYamlSection: writeIdentityCenterSection,
  liveFields: ['identityCenterPermissionSets', 'identityCenterAccess'],
  // Only what was read (org.yaml has the section), so plans of files without one hash as before.
  fingerprint: (live) => {
    const access = live.identityCenterAccess;
    return {
      ...(live.identityCenterPermissionSets !== undefined && { identityCenterPermissionSets: live.identityCenterPermissionSets }),
      ...(access !== undefined && {
        identityCenterAccess: {
          region: access.region ?? null,
          instance: access.instance,
          permissionSets: access.permissionSets.map((s) => `${s.name}=${s.arn}`).sort(),
          principals: access.principals.map((p) => `${p.type}:${p.name}=${p.id ?? ''}`).sort(),
          externalDirectory: access.externalDirectory ?? null,
          assignments: access.assignments.map((a) => `${a.permissionSetArn}/${a.principalType}:${a.principalId}/${a.accountId}`).sort(),
        },
      }),
    };
  },
  steps: {
    ...PERMISSION_SET_HANDLERS,
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
