// Records rendered as the Organizations wire shapes (Account, OrganizationalUnit, Root, Policy, ...).

import type { JsonObject } from '../json.js';
import { statusOf, type AccountRecord, type CreateAccountRequestRecord, type OuRecord, type PolicyRecord } from './model.js';
import type { OrganizationsState } from './state.js';

function arnPrefix(state: OrganizationsState): string {
  return `arn:aws:organizations::${state.organization?.managementAccountId ?? ''}`;
}

export function organizationShape(state: OrganizationsState): JsonObject {
  const org = state.organization;
  if (!org) return {};
  const management = state.accounts.get(org.managementAccountId);
  const scpEnabled = state.root?.policyTypes.has('SERVICE_CONTROL_POLICY') ?? false;
  return {
    Id: org.id,
    Arn: `${arnPrefix(state)}:organization/${org.id}`,
    FeatureSet: org.featureSet,
    MasterAccountArn: `${arnPrefix(state)}:account/${org.id}/${org.managementAccountId}`,
    MasterAccountId: org.managementAccountId,
    MasterAccountEmail: management?.email ?? '',
    AvailablePolicyTypes: scpEnabled ? [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] : [],
  };
}

export function rootShape(state: OrganizationsState): JsonObject {
  const root = state.root;
  if (!root) return {};
  return {
    Id: root.id,
    Arn: `${arnPrefix(state)}:root/${state.organization?.id ?? ''}/${root.id}`,
    Name: root.name,
    PolicyTypes: [...root.policyTypes].map((Type) => ({ Type, Status: 'ENABLED' })),
  };
}

export function ouShape(state: OrganizationsState, ou: OuRecord): JsonObject {
  return {
    Id: ou.id,
    Arn: `${arnPrefix(state)}:ou/${state.organization?.id ?? ''}/${ou.id}`,
    Name: ou.name,
    Path: state.pathOf(ou.id),
  };
}

export function accountShape(state: OrganizationsState, account: AccountRecord): JsonObject {
  return {
    Id: account.id,
    Arn: `${arnPrefix(state)}:account/${state.organization?.id ?? ''}/${account.id}`,
    Email: account.email,
    Name: account.name,
    Status: statusOf(account.state),
    State: account.state,
    Paths: [state.pathOf(account.id)],
    JoinedMethod: account.joinedMethod,
    JoinedTimestamp: account.joinedTimestamp,
  };
}

export function policyArn(state: OrganizationsState, policy: PolicyRecord): string {
  const type = policy.type.toLowerCase();
  return policy.awsManaged
    ? `arn:aws:organizations::aws:policy/${type}/${policy.id}`
    : `${arnPrefix(state)}:policy/${state.organization?.id ?? ''}/${type}/${policy.id}`;
}

export function policySummaryShape(state: OrganizationsState, policy: PolicyRecord): JsonObject {
  return {
    Id: policy.id,
    Arn: policyArn(state, policy),
    Name: policy.name,
    Description: policy.description,
    Type: policy.type,
    AwsManaged: policy.awsManaged,
  };
}

export function policyShape(state: OrganizationsState, policy: PolicyRecord): JsonObject {
  return { PolicySummary: policySummaryShape(state, policy), Content: policy.content };
}

export function createAccountStatusShape(request: CreateAccountRequestRecord): JsonObject {
  const done = request.state !== 'IN_PROGRESS';
  return {
    Id: request.id,
    AccountName: request.accountName,
    State: request.state,
    RequestedTimestamp: request.requestedAt / 1000,
    CompletedTimestamp: done ? request.completesAt / 1000 : undefined,
    AccountId: request.state === 'SUCCEEDED' ? request.accountId : undefined,
    FailureReason: request.state === 'FAILED' ? request.failureReason : undefined,
  };
}

/** A policy target (root, OU or account) as in ListTargetsForPolicy. */
export function targetShape(state: OrganizationsState, targetId: string): JsonObject | undefined {
  if (targetId === state.root?.id) {
    const root = rootShape(state);
    return { TargetId: targetId, Arn: root['Arn'], Name: root['Name'], Type: 'ROOT' };
  }
  const ou = state.ous.get(targetId);
  if (ou) return { TargetId: targetId, Arn: ouShape(state, ou)['Arn'], Name: ou.name, Type: 'ORGANIZATIONAL_UNIT' };
  const account = state.accounts.get(targetId);
  if (account) return { TargetId: targetId, Arn: accountShape(state, account)['Arn'], Name: account.name, Type: 'ACCOUNT' };
  return undefined;
}
