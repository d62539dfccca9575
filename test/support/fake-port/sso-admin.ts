// The IAM Identity Center side of FakeAwsPort: the instances FakeSecurity holds per region.

import type { SsoAdminAssignmentsPort, SsoAdminPort } from '../../../src/aws/port.js';
import type { FakeSecurity } from '../fake-security.js';
import type { FakeCaller } from './calls.js';

export function fakeSsoAdmin(security: FakeSecurity, call: FakeCaller<SsoAdminPort>): Omit<SsoAdminPort, keyof SsoAdminAssignmentsPort> {
  return {
    listIdentityCenterInstances: (region) => call('listIdentityCenterInstances', [region], () => (security.identityCenter.get(region) ?? []).map((i) => ({ ...i }))),
  };
}
