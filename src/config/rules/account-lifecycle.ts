// Rules for accounts orgctl creates, renames and closes: emails unique in the tree, names AWS accepts
// when it creates an account, never closing the management account, closedAccountsOu naming a declared OU.

import type { SourcePosition } from '../../model/desired.js';
import { visibleText } from '../../text/visible-text.js';
import type { OrgRule } from './rule.js';
import { walkAccounts } from './walk-accounts.js';
import { walkOus } from './walk-ous.js';

/** CreateAccount's AccountName: 1 to 50 printable ASCII characters. */
export const CREATE_ACCOUNT_NAME = /^[\u0020-\u007E]{1,50}$/;

/** AWS compares root emails without regard to case. */
export function emailKey(email: string): string {
  return email.toLowerCase();
}

export const accountEmailsUnique: OrgRule = (org, report) => {
  const seen = new Map<string, SourcePosition | undefined>();
  for (const { account } of walkAccounts(org)) {
    if (account.email === undefined) continue;
    const key = emailKey(account.email);
    if (!seen.has(key)) {
      seen.set(key, account.at);
      continue;
    }
    const first = seen.get(key);
    report(
      account.at,
      `the email ${visibleText(account.email)} is already given to an account${first ? ` on line ${first.line}` : ''}; ` +
        'an email belongs to one AWS account, so keep one entry (or give this account its own email).',
    );
  }
};

export const newAccountNamesValid: OrgRule = (org, report) => {
  for (const { account } of walkAccounts(org)) {
    if (account.id !== undefined || account.name === undefined || CREATE_ACCOUNT_NAME.test(account.name)) continue;
    report(
      account.at,
      `the account name "${visibleText(account.name)}" cannot be given to a new account: AWS accepts 1 to 50 printable ASCII characters ` +
        '(letters, digits, spaces and punctuation, no accents or emoji).',
    );
  }
};

export const managementAccountNotClosed: OrgRule = (org, report) => {
  for (const { account } of walkAccounts(org)) {
    if (account.closed && account.id === org.managementAccountId) {
      report(
        account.at,
        `the management account ${org.managementAccountId} cannot be closed by orgctl (AWS refuses CANNOT_CLOSE_MANAGEMENT_ACCOUNT); ` +
          'remove `closed: true` from it.',
      );
    }
  }
};

export const closedAccountsOuDeclared: OrgRule = (org, report) => {
  const path = org.options.closedAccountsOu;
  if (path === undefined) return;
  for (const { ou } of walkOus(org)) if (ou.path === path) return;
  report(
    undefined,
    `options.closedAccountsOu is ${visibleText(path)}, which is not an OU declared in org.yaml; declare it under root.organizationalUnits ` +
      '(closed accounts are moved there), or remove the option.',
  );
};
