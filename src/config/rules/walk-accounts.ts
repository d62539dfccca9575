// Visits every declared account with the path of the node it is placed in ("/" for the root).

import type { DesiredAccount, DesiredOrg } from '../../model/desired.js';
import { walkOus } from './walk-ous.js';

export interface AccountVisit {
  readonly account: DesiredAccount;
  readonly parentPath: string;
}

export function* walkAccounts(org: DesiredOrg): Generator<AccountVisit> {
  for (const account of org.root.accounts) yield { account, parentPath: '/' };
  for (const { ou } of walkOus(org)) for (const account of ou.accounts) yield { account, parentPath: ou.path };
}
