// The IAM Access Analyzer side of the SDK port: ValidatePolicy for SCPs and RCPs, every page of findings.

import type { ValidatePolicyResponse } from '@aws-sdk/client-accessanalyzer';
import { PORT_OPERATIONS } from '../operations.js';
import type { AccessAnalyzerPort, PolicyFinding, PolicyFindingType } from '../ports/access-analyzer.js';
import type { AdapterContext } from './adapter-context.js';

const FINDING_TYPES: readonly PolicyFindingType[] = ['ERROR', 'SECURITY_WARNING', 'SUGGESTION', 'WARNING'];

type SdkFinding = NonNullable<ValidatePolicyResponse['findings']>[number];

function toFinding(finding: SdkFinding): PolicyFinding {
  const type = FINDING_TYPES.find((t) => t === finding.findingType);
  return {
    // A type newer than this orgctl is shown, as a warning, rather than dropped or made to block.
    findingType: type ?? 'WARNING',
    issueCode: finding.issueCode ?? '',
    learnMoreLink: finding.learnMoreLink ?? '',
    message: finding.findingDetails ?? '',
  };
}

export function accessAnalyzerAdapter({ clients, list }: AdapterContext): AccessAnalyzerPort {
  return {
    async validatePolicy(document, type) {
      const { client, sdk } = await clients.accessAnalyzer();
      return list<ValidatePolicyResponse, PolicyFinding>({
        service: 'accessanalyzer',
        operation: 'ValidatePolicy',
        // AWS documents no maximum; its default page is used.
        pageSize: undefined,
        send: (token) => client.send(new sdk.ValidatePolicyCommand({ policyDocument: document, policyType: type, ...(token ? { nextToken: token } : {}) })),
        page: (reply) => ({ items: reply.findings?.map(toFinding), nextToken: reply.nextToken }),
        // Plan goes on without it ("could not check"): no minute of retries for an endpoint without the service.
        callOptions: { optional: PORT_OPERATIONS.validatePolicy.optional },
      });
    },
  };
}
