// The service-access kind's read, in bulk: ListAWSServiceAccessForOrganization once, and
// ListDelegatedAdministrators once plus ListDelegatedServicesForAccount per delegated administrator
// (Organizations has no call that lists every delegation at once). Only what org.yaml manages is read,
// so plans of files without these sections make no such call and hash as before.

import { isAwsCallError } from '../../aws/errors.js';
import type { AwsPort } from '../../aws/port.js';
import type { LiveDelegatedAdministrator, LiveOrg } from '../../model/live.js';
import type { KindReadContext } from '../kind.js';
import { declaresMemberContacts } from '../alternate-contacts/members.js';
import { renamesMemberAccount } from './account-management-access.js';

export type ServiceAccessSlice = Pick<LiveOrg, 'trustedServices' | 'delegatedAdministrators'>;

export interface ServiceAccessReads {
  readonly trustedServices: boolean;
  readonly delegatedAdministrators: boolean;
}

export async function readServiceAccessSlice(ctx: KindReadContext): Promise<ServiceAccessSlice> {
  const { trustedServices, delegatedAdministrators, options } = ctx.desired;
  return readServiceAccess(ctx.port, {
    // Registering needs trusted access, so declared administrators need the enabled services too; and
    // renaming a member account or setting its contacts needs it for account.amazonaws.com (the plan says when it is missing).
    trustedServices:
      trustedServices !== undefined ||
      delegatedAdministrators !== undefined ||
      declaresMemberContacts(ctx.desired) ||
      renamesMemberAccount(ctx.desired, (await ctx.tree).accounts, ctx.callerAccountId),
    // Disabling a service (prune) is refused while it still has administrators, so that needs them.
    delegatedAdministrators: delegatedAdministrators !== undefined || (trustedServices !== undefined && options.pruneTrustedServices === true),
  });
}

export async function readServiceAccess(port: AwsPort, reads: ServiceAccessReads): Promise<ServiceAccessSlice> {
  try {
    const [trustedServices, delegatedAdministrators] = await Promise.all([
      reads.trustedServices ? port.listAwsServiceAccess() : undefined,
      reads.delegatedAdministrators ? readDelegations(port) : undefined,
    ]);
    return {
      ...(trustedServices !== undefined && { trustedServices: [...trustedServices].sort() }),
      ...(delegatedAdministrators !== undefined && { delegatedAdministrators }),
    };
  } catch (error) {
    // No organization yet (the plan creates it): nothing is enabled or delegated.
    if (isAwsCallError(error, 'notInUse')) return {};
    throw error;
  }
}

async function readDelegations(port: AwsPort): Promise<LiveDelegatedAdministrator[]> {
  const accounts = await port.listDelegatedAdministrators();
  const perAccount = await Promise.all(
    accounts.map(async (accountId) => {
      try {
        return (await port.listDelegatedServicesForAccount(accountId)).map((principal) => ({ principal, accountId }));
      } catch (error) {
        // Deregistered between the two calls: it administers nothing now.
        if (isAwsCallError(error, 'notFound')) return [];
        throw error;
      }
    }),
  );
  return perAccount.flat().sort((a, b) => compare(a.principal, b.principal) || compare(a.accountId, b.accountId));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
