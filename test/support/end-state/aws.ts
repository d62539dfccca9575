// The oracle's own SDK clients and paging loop: straight @aws-sdk calls, none of src/aws, so a bug in
// orgctl's adapter, reader or planner cannot hide itself here.

import { AccountClient } from '@aws-sdk/client-account';
import { BudgetsClient } from '@aws-sdk/client-budgets';
import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';

export interface OracleTarget {
  /** The emulator's URL (ours or moto's). */
  readonly endpoint: string;
  /** Default: an access key the emulator answers as its default account. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

export interface OracleClients {
  readonly organizations: OrganizationsClient;
  readonly budgets: BudgetsClient;
  readonly account: AccountClient;
  readonly sts: STSClient;
  readonly iam: IAMClient;
  /** IAM Identity Center and its identity store, in the oracle's region (permission-sets.ts, identity-center.ts). */
  readonly ssoAdmin: SSOAdminClient;
  readonly identityStore: IdentitystoreClient;
  destroy(): void;
}

export function oracleClients(target: OracleTarget): OracleClients {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const config = {
    endpoint: target.endpoint,
    region: 'us-east-1',
    credentials: { ...(target.credentials ?? { accessKeyId: 'test', secretAccessKey: 'test' }) },
    // The SDK's own retries ride out an emulator's rate limits; every call gives up after 10 s.
    maxAttempts: 8,
    requestHandler: { requestTimeout: 10_000, connectionTimeout: 5_000 },
  };
  const clients = {
    organizations: new OrganizationsClient(config),
    budgets: new BudgetsClient(config),
    account: new AccountClient(config),
    sts: new STSClient(config),
    iam: new IAMClient(config),
    ssoAdmin: new SSOAdminClient(config),
    identityStore: new IdentitystoreClient(config),
  };
  return { ...clients, destroy: () => Object.values(clients).forEach((c) => c.destroy()) };
}

export async function callerAccountId(clients: OracleClients): Promise<string> {
  const account = (await clients.sts.send(new GetCallerIdentityCommand({}))).Account;
  if (!account) throw new Error('end-state oracle: GetCallerIdentity named no account');
  return account;
}

/** Every item of a paged list call, following NextToken until it is absent (empty pages included). */
export async function allPages<Page extends { NextToken?: string | undefined }, Item>(
  call: (nextToken: string | undefined) => Promise<Page>,
  items: (page: Page) => readonly Item[] | undefined,
): Promise<Item[]> {
  const all: Item[] = [];
  let token: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await call(token);
    all.push(...(items(page) ?? []));
    token = page.NextToken;
    if (!token) return all;
    if (pages >= 10_000) throw new Error('end-state oracle: more than 10,000 pages; the NextToken never ends');
  }
}

/** `fn` over `items`, at most `limit` at a time, results in order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The error's name as the SDK reports it (AWS's __type). */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}
