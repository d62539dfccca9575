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

export const identityCenterKind: ResourceKind<PermissionSetStep['kind'], 'identityCenterPermissionSets'> = {
  name: 'identity center',
  groups: [PERMISSION_SETS_GROUP],
  normalize: normalizeIdentityCenter,
  plan: planIdentityCenter,
  read: readPermissionSetsSlice,
  // Import reads nothing from Identity Center yet, so it writes no `identityCenter:` section.
  importDesired: () => ({ desired: {}, leftOut: {}, counts: {} }),
  orgYamlSection: () => [],
  liveFields: ['identityCenterPermissionSets'],
  // Only what was read (org.yaml has the section), so plans of files without one hash as before.
  fingerprint: (live) => (live.identityCenterPermissionSets === undefined ? {} : { identityCenterPermissionSets: live.identityCenterPermissionSets }),
  steps: PERMISSION_SET_HANDLERS,
};
