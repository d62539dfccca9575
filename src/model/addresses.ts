// Step addresses: stable, readable identities shown in plans and used to match steps to results.

import type { NotificationKey, Subscriber } from './desired.js';

export const ORGANIZATION_ADDRESS = 'organization';

export function ouAddress(path: string): string {
  return `ou:${path}`;
}

export function accountAddress(accountId: string): string {
  return `account:${accountId}`;
}

export function budgetAddress(budgetName: string): string {
  return `budget:${budgetName}`;
}

/** "alternate-contact:security". */
export function alternateContactAddress(type: 'SECURITY' | 'BILLING' | 'OPERATIONS'): string {
  return `alternate-contact:${type.toLowerCase()}`;
}

/** Canonical key of a notification: its four identifying fields. */
export function notificationKeyString(n: NotificationKey): string {
  return `${n.type}:${n.comparison}:${n.threshold}:${n.thresholdType}`;
}

export function notificationAddress(budgetName: string, n: NotificationKey): string {
  return `${budgetAddress(budgetName)}/notification:${notificationKeyString(n)}`;
}

export function subscriberKeyString(s: Subscriber): string {
  return `${s.type}:${s.address}`;
}

export function subscriberAddress(budgetName: string, n: NotificationKey, s: Subscriber): string {
  return `${notificationAddress(budgetName, n)}/subscriber:${subscriberKeyString(s)}`;
}

/** "policy:DenyLeave". */
export function policyAddress(policyName: string): string {
  return `policy:${policyName}`;
}

/** "policy:DenyLeave/attachment:ou:/Workloads": one policy on one root, OU or account. */
export function policyAttachmentAddress(policyName: string, targetAddress: string): string {
  return `${policyAddress(policyName)}/attachment:${targetAddress}`;
}

/** "root/policy-type:SERVICE_CONTROL_POLICY". */
export function policyTypeAddress(policyType: string): string {
  return `root/policy-type:${policyType}`;
}

/** "trusted-access:sso.amazonaws.com". */
export function trustedAccessAddress(servicePrincipal: string): string {
  return `trusted-access:${servicePrincipal}`;
}

/** "delegated-administrator:securityhub.amazonaws.com/333333333333". */
export function delegatedAdministratorAddress(servicePrincipal: string, accountId: string): string {
  return `delegated-administrator:${servicePrincipal}/${accountId}`;
}

/** "alternate-contact:security@111111111111": a member account's contact. */
export function memberAlternateContactAddress(type: 'SECURITY' | 'BILLING' | 'OPERATIONS', accountId: string): string {
  return `${alternateContactAddress(type)}@${accountId}`;
}

/** "permission-set:AdministratorAccess": an IAM Identity Center permission set, by name. */
export function permissionSetAddress(name: string): string {
  return `permission-set:${name}`;
}
