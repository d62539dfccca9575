// Builders for the policy rules' inputs.

import { minifiedLength } from '../../../../src/kinds/policies/rules/minified.js';
import type { JsonValue, PolicyInput } from '../../../../src/kinds/policies/rules/types.js';

export const FULL_AWS_ACCESS: JsonValue = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

export function policy(name: string, type: string, document: JsonValue, extra: Partial<PolicyInput> = {}): PolicyInput {
  return { name, type, document, minifiedLength: minifiedLength(document), awsManaged: false, at: { line: 3, column: 3 }, ...extra };
}

export const fullAwsAccess: PolicyInput = { name: 'FullAWSAccess', type: 'SERVICE_CONTROL_POLICY', document: FULL_AWS_ACCESS, minifiedLength: minifiedLength(FULL_AWS_ACCESS), awsManaged: true };

export function scp(name: string, ...statements: JsonValue[]): PolicyInput {
  return policy(name, 'SERVICE_CONTROL_POLICY', { Version: '2012-10-17', Statement: statements });
}
