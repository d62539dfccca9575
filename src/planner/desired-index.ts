// Flat views of the desired OU tree: every OU and every declared account with its parent path.

import type { DesiredAccount, DesiredNode, DesiredOrg, DesiredOu } from '../model/desired.js';
import { ROOT_PATH } from '../model/paths.js';

export interface PlacedAccount {
  readonly account: DesiredAccount;
  readonly parentPath: string;
}

export interface DesiredIndex {
  /** Every OU, parents before children. */
  readonly ous: readonly DesiredOu[];
  /** Declared accounts by ID (the first declaration wins; config rejects duplicates). */
  readonly accounts: ReadonlyMap<string, PlacedAccount>;
}

export function indexDesired(desired: DesiredOrg): DesiredIndex {
  const ous: DesiredOu[] = [];
  const accounts = new Map<string, PlacedAccount>();
  const visit = (node: DesiredNode, path: string): void => {
    for (const account of node.accounts) {
      if (!accounts.has(account.id)) accounts.set(account.id, { account, parentPath: path });
    }
    for (const ou of node.organizationalUnits) {
      ous.push(ou);
      visit(ou, ou.path);
    }
  };
  visit(desired.root, ROOT_PATH);
  return { ous, accounts };
}
