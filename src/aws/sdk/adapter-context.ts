// What every service adapter (organizations.ts, budgets.ts, ...) is built from: the SDK clients,
// the one way to send a request (paced → counted → sent → classified → retried), and the one way to
// read a paged List/Describe operation.

import type { CallOptions, CallRunner } from '../call-runner.js';
import type { AwsServiceName } from '../operations.js';
import { classifyError } from './classify-error.js';
import type { SdkClients } from './clients.js';
import { listAll, type PagedOperation } from './paginate.js';

export interface AdapterContext {
  readonly clients: SdkClients;
  /** One paced, counted, classified, retried request. */
  readonly call: CallRunner;
  /** Every item of a List/Describe operation, following NextToken across empty pages. */
  list<Reply, Item>(paged: PagedOperation<Reply, Item>): Promise<Item[]>;
}

export function createAdapterContext(clients: SdkClients, run: CallRunner): AdapterContext {
  const call = <T>(service: AwsServiceName, operation: string, send: () => Promise<T>, options?: CallOptions): Promise<T> =>
    run(
      service,
      operation,
      async () => {
        try {
          return await send();
        } catch (error) {
          throw classifyError(error, service, operation);
        }
      },
      options,
    );
  return { clients, call, list: (paged) => listAll(call, paged) };
}
