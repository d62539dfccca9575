// Shared by the emulator suites: SDK clients against an emulator, error capture, and small builders.

import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  CreateOrganizationalUnitCommand,
  DescribeCreateAccountStatusCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { BudgetsClient } from '@aws-sdk/client-budgets';
import { expect } from 'vitest';
import type { EmulatorSnapshot } from '../../src/emulator/index.js';
import type { SdkClientConfig } from '../support/emulator.js';

export const MANAGEMENT = '123456789012';

/** Clients that make exactly one attempt, so tests see every error the server sends. */
export function orgs(config: SdkClientConfig): OrganizationsClient {
  return new OrganizationsClient({ ...config, maxAttempts: 1 });
}

export function budgets(config: SdkClientConfig): BudgetsClient {
  return new BudgetsClient({ ...config, maxAttempts: 1 });
}

export interface CaughtAwsError {
  readonly name: string;
  readonly status: number | undefined;
  readonly message: string;
  readonly reason: string | undefined;
}

/** The AWS error a call fails with; fails the test if the call succeeds. */
export async function awsError(call: Promise<unknown>): Promise<CaughtAwsError> {
  try {
    await call;
  } catch (error) {
    const e = error as { name: string; message: string; Reason?: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message, reason: e.Reason };
  }
  expect.fail('expected the call to fail with an AWS error, but it succeeded');
}

/** Creates the organization and returns the root ID. */
export async function createOrganization(client: OrganizationsClient): Promise<string> {
  await client.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const roots = await client.send(new ListRootsCommand({}));
  const rootId = roots.Roots?.[0]?.Id;
  if (!rootId) throw new Error('no root');
  return rootId;
}

export async function createOu(client: OrganizationsClient, parentId: string, name: string): Promise<string> {
  const out = await client.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: name }));
  const id = out.OrganizationalUnit?.Id;
  if (!id) throw new Error('no OU id');
  return id;
}

/** Creates an account and polls until it exists (the emulator should run with a short createAccountDelayMs). */
export async function createAccount(client: OrganizationsClient, name: string, email = `${name.toLowerCase()}@example.com`): Promise<string> {
  const started = await client.send(new CreateAccountCommand({ AccountName: name, Email: email }));
  const requestId = started.CreateAccountStatus?.Id;
  for (let i = 0; i < 200; i++) {
    const status = await client.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: requestId }));
    if (status.CreateAccountStatus?.State === 'SUCCEEDED') return status.CreateAccountStatus.AccountId ?? '';
    if (status.CreateAccountStatus?.State === 'FAILED') throw new Error(`CreateAccount failed: ${status.CreateAccountStatus.FailureReason}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('CreateAccount did not finish');
}

/** A controllable clock for the emulator's `now` option. */
export function fakeClock(start = Date.UTC(2025, 0, 15, 12)): { now: () => number; advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

/** `ous` OUs in chains five deep, `accounts` accounts spread over them. */
export function bigOrganization(accounts: number, ous: number): EmulatorSnapshot {
  const root = 'r-ab12';
  const ouList = Array.from({ length: ous }, (_, i) => ({
    id: `ou-ab12-${String(i).padStart(8, '0')}`,
    name: `ou-${i}`,
    parentId: i % 5 === 0 ? root : `ou-ab12-${String(i - 1).padStart(8, '0')}`,
  }));
  return {
    formatVersion: 1,
    organization: {
      id: 'o-abcdefghij',
      managementAccountId: MANAGEMENT,
      root: { id: root },
      organizationalUnits: ouList,
      accounts: [
        { id: MANAGEMENT, name: 'management', email: 'm@example.com', parentId: root },
        ...Array.from({ length: accounts }, (_, i) => ({ id: String(300000000000 + i), name: `acct-${i}`, email: `acct-${i}@example.com`, parentId: ouList[i % ous]?.id ?? root })),
      ],
    },
    quotas: { maxAccounts: accounts + 10 },
  };
}
