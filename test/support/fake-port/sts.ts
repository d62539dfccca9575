// The STS side of FakeAwsPort: the caller's account.

import type { StsPort } from '../../../src/aws/port.js';
import type { FakeCaller } from './calls.js';
import type { FakeOrgTree } from './org-tree.js';

export function fakeSts(tree: FakeOrgTree, call: FakeCaller<StsPort>): StsPort {
  return { getCallerAccountId: () => call('getCallerAccountId', [], () => tree.callerAccountId) };
}
