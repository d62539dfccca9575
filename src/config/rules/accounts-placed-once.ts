// Each account has exactly one parent, so it may appear once in the whole tree (the management account too).

import type { DesiredAccount, SourcePosition } from '../../model/desired.js';
import { visibleText } from '../../text/visible-text.js';
import type { OrgRule } from './rule.js';
import { walkOus } from './walk-ous.js';

interface Placement {
  readonly parentPath: string;
  readonly at?: SourcePosition;
}

function describePlace(place: Placement): string {
  const under = place.parentPath === '/' ? 'the root' : `OU ${visibleText(place.parentPath)}`;
  return place.at ? `under ${under} (line ${place.at.line})` : `under ${under}`;
}

export const accountsPlacedOnce: OrgRule = (org, report) => {
  const placements = new Map<string, Placement[]>();
  const place = (accounts: readonly DesiredAccount[], parentPath: string): void => {
    for (const account of accounts) {
      // An account without an ID is identified by its email (accountEmailsUnique checks those).
      if (account.id === undefined) continue;
      const list = placements.get(account.id) ?? [];
      list.push({ parentPath, ...(account.at ? { at: account.at } : {}) });
      placements.set(account.id, list);
    }
  };
  place(org.root.accounts, '/');
  for (const { ou } of walkOus(org)) place(ou.accounts, ou.path);

  for (const [id, places] of placements) {
    if (places.length < 2) continue;
    const what = id === org.managementAccountId ? `the management account ${id}` : `account ${id}`;
    const all = places.map(describePlace).join(' and ');
    for (const here of places) {
      report(here.at, `${what} is placed ${places.length === 2 ? 'twice' : `${places.length} times`}: ${all}. An account has exactly one parent; keep one placement.`);
    }
  }
};
