// The IAM Identity Center side of FakeAwsPort: the instances FakeSecurity holds per region.

import type { SsoAdminPort } from '../../../src/aws/port.js';
import type { FakeSecurity } from '../fake-security.js';
import type { FakeCaller } from './calls.js';

export function fakeSsoAdmin(security: FakeSecurity, call: FakeCaller<SsoAdminPort>): Pick<SsoAdminPort, 'listIdentityCenterInstances'> {
  return {
    listIdentityCenterInstances: (region) => call('listIdentityCenterInstances', [region], () => (security.identityCenter.get(region) ?? []).map((i) => ({ ...i }))),
  };
}
