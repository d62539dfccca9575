// The AWS-managed organization policies org.yaml may name on a node without declaring them. AWS creates
// them; orgctl never creates, changes or deletes them (aws-facts.md §2.4: FullAWSAccess is the default
// SCP attached to every root, OU and account; RCPFullAWSAccess the same for RCPs, and cannot be detached).

import type { OrgPolicyType } from './desired.js';

export const AWS_MANAGED_POLICIES: Readonly<Record<string, OrgPolicyType>> = {
  FullAWSAccess: 'SERVICE_CONTROL_POLICY',
  RCPFullAWSAccess: 'RESOURCE_CONTROL_POLICY',
};

/** The AWS-managed policy AWS attaches to every target while its type is enabled. */
export const DEFAULT_POLICY_OF_TYPE: Readonly<Partial<Record<OrgPolicyType, string>>> = {
  SERVICE_CONTROL_POLICY: 'FullAWSAccess',
  RESOURCE_CONTROL_POLICY: 'RCPFullAWSAccess',
};

/** AWS refuses to detach these (InvalidInput NON_DETACHABLE_POLICY): they stay attached while their type is enabled. */
export const NON_DETACHABLE_POLICIES: ReadonlySet<string> = new Set(['RCPFullAWSAccess']);

export function isAwsManagedPolicyName(name: string): boolean {
  return Object.hasOwn(AWS_MANAGED_POLICIES, name);
}
