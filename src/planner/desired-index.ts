// Flat views of the desired OU tree: every OU and every declared account with its parent path.
// An account declared by email alone is matched to the live account with that email (AWS keeps root
// emails unique, without regard to case); when there is none it is an account to create.

import type { DesiredAccount, DesiredNode, DesiredOrg, DesiredOu } from '../model/desired.js';
import type { LiveAccount } from '../model/live.js';
import { ROOT_PATH } from '../model/paths.js';

export interface PlacedAccount {
  readonly account: DesiredAccount;
  /** Where org.yaml wants it: where it is declared, or options.closedAccountsOu for a closed account. */
  readonly parentPath: string;
}

/** An account declared by email that no live account has: the plan creates it. */
export interface NewAccount extends PlacedAccount {
  readonly email: string;
}

export interface DesiredIndex {
  /** Every OU, parents before children. */
  readonly ous: readonly DesiredOu[];
  /** Declared accounts by ID, those declared by email included once matched (the first declaration wins; config rejects duplicates). */
  readonly accounts: ReadonlyMap<string, PlacedAccount>;
  /** Accounts declared by email that are not in the organization, in org.yaml order. */
  readonly newAccounts: readonly NewAccount[];
}

export function indexDesired(desired: DesiredOrg, liveAccounts: readonly LiveAccount[] = []): DesiredIndex {
  const idByEmail = new Map(liveAccounts.map((a) => [a.email.toLowerCase(), a.id]));
  const ous: DesiredOu[] = [];
  const accounts = new Map<string, PlacedAccount>();
  const newAccounts: NewAccount[] = [];
  const closedAccountsOu = desired.options.closedAccountsOu;
  const visit = (node: DesiredNode, path: string): void => {
    for (const account of node.accounts) {
      const parentPath = account.closed && closedAccountsOu !== undefined ? closedAccountsOu : path;
      const id = account.id ?? idByEmail.get(account.email!.toLowerCase());
      if (id === undefined) newAccounts.push({ account, parentPath, email: account.email! });
      else if (!accounts.has(id)) accounts.set(id, { account, parentPath });
    }
    for (const ou of node.organizationalUnits) {
      ous.push(ou);
      visit(ou, ou.path);
    }
  };
  visit(desired.root, ROOT_PATH);
  return { ous, accounts, newAccounts };
}
