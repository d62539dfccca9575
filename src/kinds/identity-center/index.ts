// The identity center kind: IAM Identity Center permission sets and account assignments (org.yaml
// `identityCenter:`). So far it normalizes and validates the section and expands OU targets; it reads
// nothing and has no steps yet (see plan.ts).

import type { ResourceKind } from '../kind.js';
import { normalizeIdentityCenter } from './normalize.js';
import { planIdentityCenter } from './plan.js';

export const identityCenterKind: ResourceKind<never, never> = {
  name: 'identity center',
  // No steps yet, so no groups for the renderers.
  groups: [],
  normalize: normalizeIdentityCenter,
  plan: planIdentityCenter,
  // Import reads nothing from Identity Center yet, so it writes no `identityCenter:` section.
  importDesired: () => ({ desired: {}, leftOut: {}, counts: {} }),
  orgYamlSection: () => [],
  liveFields: [],
  fingerprint: () => ({}),
  steps: {},
};
