// How import writes trusted access and delegated administrators back: every enabled service, every
// delegation grouped by service, sorted, so that the imported file plans nothing. An organization
// without all features has neither (trusted access needs all features): import leaves both out.

import { byNaturalOrder } from '../../importer/natural-order.js';
import type { DesiredDelegatedAdministrators, DesiredTrustedService } from '../../model/desired.js';
import type { ImportReading, KindImport } from '../kind-import.js';

export function importServiceAccess({ live }: ImportReading): KindImport {
  if (live.trustedServices === undefined || live.delegatedAdministrators === undefined) return { desired: {}, leftOut: {}, counts: {} };
  const trustedServices: DesiredTrustedService[] = [...live.trustedServices].sort(byNaturalOrder).map((principal) => ({ principal }));
  const byService = new Map<string, string[]>();
  for (const { principal, accountId } of live.delegatedAdministrators) byService.set(principal, [...(byService.get(principal) ?? []), accountId]);
  const delegatedAdministrators: DesiredDelegatedAdministrators[] = [...byService]
    .sort(([a], [b]) => byNaturalOrder(a, b))
    .map(([principal, accountIds]) => ({ principal, accountIds: [...new Set(accountIds)].sort() }));
  return { desired: { trustedServices, delegatedAdministrators }, leftOut: {}, counts: {} };
}
