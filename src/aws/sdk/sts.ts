// The STS side of the SDK port: who the credentials belong to.

import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { AwsCallError } from '../errors.js';
import type { StsPort } from '../ports/sts.js';
import type { AdapterContext } from './adapter-context.js';

export function stsAdapter({ clients, call }: AdapterContext): StsPort {
  return {
    async getCallerAccountId() {
      const out = await call('sts', 'GetCallerIdentity', () => clients.sts.send(new GetCallerIdentityCommand({})));
      if (!out.Account) throw new AwsCallError('GetCallerIdentity', 'other', 'MissingAccount', 'the response named no account');
      return out.Account;
    },
  };
}
