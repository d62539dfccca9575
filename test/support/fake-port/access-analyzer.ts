// The IAM Access Analyzer side of FakeAwsPort: ValidatePolicy answers what the test scripts
// (`fake.accessAnalyzer.findingsFor`), no findings by default. Denials and other failures come from
// failNext('ValidatePolicy', ...), like every other operation.

import type { AccessAnalyzerPolicyType, AccessAnalyzerPort, PolicyFinding } from '../../../src/aws/port.js';
import type { FakeCaller } from './calls.js';

export class FakeAccessAnalyzer {
  /** The findings for one document; default: none. */
  findingsFor: (document: string, type: AccessAnalyzerPolicyType) => PolicyFinding[] = () => [];
}

export function fakeAccessAnalyzer(state: FakeAccessAnalyzer, call: FakeCaller<AccessAnalyzerPort>): AccessAnalyzerPort {
  return {
    validatePolicy: (document, type) => call('validatePolicy', [document, type], () => state.findingsFor(document, type).map((f) => ({ ...f }))),
  };
}
