// The identity center kind: IAM Identity Center permission sets and account assignments (org.yaml
// `identityCenter:`). It normalizes and validates the section, expands OU targets, reads the
// instance's permission sets (only when org.yaml has the section) and creates, updates, provisions and
// (with prunePermissionSets) deletes them (permission-sets/). Assignments are not applied yet (plan.ts).

import type { ResourceKind } from '../kind.js';
import { normalizeIdentityCenter } from './normalize.js';
import { PERMISSION_SET_HANDLERS, PERMISSION_SETS_GROUP } from './permission-sets/handlers.js';
import { readPermissionSetsSlice } from './permission-sets/read.js';
import type { PermissionSetStep } from './permission-sets/steps.js';
import { planIdentityCenter } from './plan.js';
import { importPermissionSets } from './permission-sets/import.js';
import { writeIdentityCenterSection } from './write-yaml.js';

export const identityCenterKind: ResourceKind<PermissionSetStep['kind'], 'identityCenterPermissionSets'> = {
  name: 'identity center',
  groups: [PERMISSION_SETS_GROUP],
  normalize: normalizeIdentityCenter,
  plan: planIdentityCenter,
  read: readPermissionSetsSlice,
  // With --identity-center-region, import reads the permission sets (src/importer/read-for-import.ts).
  importDesired: (reading) => {
    const identityCenter = importPermissionSets(reading.identityCenterPermissionSets ?? null);
    return { desired: identityCenter === undefined ? {} : { identityCenter }, leftOut: {}, counts: {} };
  },
  orgYamlSection: writeIdentityCenterSection,
  liveFields: ['identityCenterPermissionSets'],
  // Only what was read (org.yaml has the section), so plans of files without one hash as before.
  fingerprint: (live) => (live.identityCenterPermissionSets === undefined ? {} : { identityCenterPermissionSets: live.identityCenterPermissionSets }),
  steps: PERMISSION_SET_HANDLERS,
};
