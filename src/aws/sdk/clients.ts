// Builds the SDK clients orgctl uses. Credentials and endpoints come from the SDK's standard
// chain unless a test passes them: AWS_PROFILE, AWS_ACCESS_KEY_ID/..., and the endpoint variables
// AWS_ENDPOINT_URL_ORGANIZATIONS, AWS_ENDPOINT_URL_BUDGETS, AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL,
// which SDK v3 resolves itself per service ID (@smithy/core getEndpointUrlConfig), so nothing here
// reads them. The SDK's own retries are off: src/aws/retry.ts decides, and counts, every attempt.
// Every request has a connect and a request timeout that end it (src/aws/timeouts.ts), and the SDK
// never logs: its warnings would reach the user's terminal and the Action's log as noise.

import type { AccountClient } from '@aws-sdk/client-account';
import { BudgetsClient } from '@aws-sdk/client-budgets';
import type { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import type { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { STSClient } from '@aws-sdk/client-sts';
import type { Logger } from '@aws-sdk/types';
import { DEFAULT_AWS_TIMEOUTS, type AwsTimeouts } from '../timeouts.js';
import { recordTransportFacts } from './transport-facts.js';

/** Organizations, Budgets, IAM and Account Management are global services hosted in us-east-1 (aws-facts.md §1.1, §5). */
export const GLOBAL_SERVICE_REGION = 'us-east-1';

export interface StaticCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface ClientOptions {
  /** One endpoint for all three services (tests); production leaves it to the SDK's variables. */
  readonly endpoint?: string;
  readonly credentials?: StaticCredentials;
  /** Region for STS; default AWS_REGION, else us-east-1. */
  readonly stsRegion?: string;
  /** Default: DEFAULT_AWS_TIMEOUTS. */
  readonly timeouts?: AwsTimeouts;
  /** A named profile of the shared config and credentials files (`--profile`), as AWS_PROFILE would name it. */
  readonly profile?: string;
}

/** What the SDK would log (a request over its timeout, sockets at capacity) orgctl reports itself, or not at all. */
const SILENT_LOGGER: Logger = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** The audit's clients and their commands (security-sdk.ts), loaded on first use. */
export interface SecurityClients {
  readonly sdk: typeof import('./security-sdk.js');
  readonly iam: IAMClient;
  readonly account: AccountClient;
  /** IAM Identity Center is regional: one client per region, made on first use. */
  ssoAdmin(region: string): SSOAdminClient;
  /** The identity store of an Identity Center instance, in the instance's region: one client per region. */
  identityStore(region: string): IdentitystoreClient;
}

/** Access Analyzer (access-analyzer-sdk.ts), loaded on first use. Regional: the caller's region (as STS). */
export interface AccessAnalyzerClients {
  readonly sdk: typeof import('./access-analyzer-sdk.js');
  readonly client: import('@aws-sdk/client-accessanalyzer').AccessAnalyzerClient;
}

export interface SdkClients {
  readonly organizations: OrganizationsClient;
  readonly budgets: BudgetsClient;
  readonly sts: STSClient;
  /** IAM, Account and SSO Admin: their SDK modules load on the first call (most runs make none before the bulk read). */
  security(): Promise<SecurityClients>;
  /** Access Analyzer: its SDK module loads on the first call. */
  accessAnalyzer(): Promise<AccessAnalyzerClients>;
  /** Closes every client's sockets. */
  destroy(): void;
}

export function createClients(options: ClientOptions): SdkClients {
  // The SDK warns on every run under Node 20 (supported by orgctl) about releases due in 2027; that
  // warning would land in every plan and PR log. Its documented switch; an explicit user value wins.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const timeouts = options.timeouts ?? DEFAULT_AWS_TIMEOUTS;
  const common = {
    maxAttempts: 1,
    customUserAgent: 'orgctl',
    logger: SILENT_LOGGER,
    requestHandler: {
      connectionTimeout: timeouts.connectMs,
      requestTimeout: timeouts.requestMs,
      // Without this the SDK only logs a warning when requestTimeout passes, and keeps waiting.
      throwOnRequestTimeout: true,
      // A reply whose body stops arriving: the same limit, on silence (the SDK's default is 5 minutes).
      socketTimeout: timeouts.requestMs,
      logger: SILENT_LOGGER,
    },
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: { ...options.credentials } } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  };
  const clients = {
    // Signed for us-east-1 whatever AWS_REGION says.
    organizations: new OrganizationsClient({ ...common, region: GLOBAL_SERVICE_REGION }),
    budgets: new BudgetsClient({ ...common, region: GLOBAL_SERVICE_REGION }),
    sts: new STSClient({ ...common, region: options.stsRegion ?? (process.env['AWS_REGION'] || GLOBAL_SERVICE_REGION) }),
  };
  recordTransportFacts(clients.organizations, timeouts);
  recordTransportFacts(clients.budgets, timeouts);
  recordTransportFacts(clients.sts, timeouts);
  const destroyLater: { destroy(): void }[] = [];
  let security: Promise<SecurityClients> | undefined;
  const loadSecurity = async (): Promise<SecurityClients> => {
    const sdk = await import('./security-sdk.js');
    const ssoAdminByRegion = new Map<string, SSOAdminClient>();
    const identityStoreByRegion = new Map<string, IdentitystoreClient>();
    const iam = new sdk.IAMClient({ ...common, region: GLOBAL_SERVICE_REGION });
    const account = new sdk.AccountClient({ ...common, region: GLOBAL_SERVICE_REGION });
    recordTransportFacts(iam, timeouts);
    recordTransportFacts(account, timeouts);
    destroyLater.push(iam, account);
    return {
      sdk,
      iam,
      account,
      ssoAdmin(region: string): SSOAdminClient {
        let client = ssoAdminByRegion.get(region);
        if (!client) {
          client = new sdk.SSOAdminClient({ ...common, region });
          recordTransportFacts(client, timeouts);
          ssoAdminByRegion.set(region, client);
          destroyLater.push(client);
        }
        return client;
      },
      identityStore(region: string): IdentitystoreClient {
        let client = identityStoreByRegion.get(region);
        if (!client) {
          client = new sdk.IdentitystoreClient({ ...common, region });
          recordTransportFacts(client, timeouts);
          identityStoreByRegion.set(region, client);
          destroyLater.push(client);
        }
        return client;
      },
    };
  };
  let accessAnalyzer: Promise<AccessAnalyzerClients> | undefined;
  const loadAccessAnalyzer = async (): Promise<AccessAnalyzerClients> => {
    const sdk = await import('./access-analyzer-sdk.js');
    const client = new sdk.AccessAnalyzerClient({ ...common, region: options.stsRegion ?? (process.env['AWS_REGION'] || GLOBAL_SERVICE_REGION) });
    recordTransportFacts(client, timeouts);
    destroyLater.push(client);
    return { sdk, client };
  };
  return {
    ...clients,
    security: () => (security ??= loadSecurity()),
    accessAnalyzer: () => (accessAnalyzer ??= loadAccessAnalyzer()),
    destroy(): void {
      for (const client of [...Object.values(clients), ...destroyLater]) client.destroy();
    },
  };
}
