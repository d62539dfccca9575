// The text the shell hashes into PlanInputs.liveStateSha256: everything in the live organization
// a plan depends on (the canonical document plus the IDs, names, states and tags steps and notes use),
// serialized deterministically. Two reads of an unchanged organization give the same text.

import type { LiveOrg } from '../model/live.js';
import { buildLiveDocument, sortedRecord } from './canonical-document.js';
import { indexLiveTree } from './live-tree.js';

export function serializeLiveState(live: LiveOrg): string {
  const tree = indexLiveTree(live);
  const document = buildLiveDocument(live, tree, tree.pathById);
  const state = {
    format: 1,
    organization: live.organization && { ...document.organization, id: live.organization.id },
    rootId: tree.rootId,
    ous: sortedRecord(tree.ousTopDown.map((ou) => [tree.pathById.get(ou.id)!, { id: ou.id, name: ou.name }])),
    accounts: sortedRecord(
      live.accounts.map((a) => [a.id, { parentPath: tree.pathById.get(a.parentId) ?? null, name: a.name, state: a.state }]),
    ),
    budgets: sortedRecord(
      live.budgets.map((b) => [b.name, { ...document.budgets[b.name], tags: b.tags === undefined ? null : sortedRecord(Object.entries(b.tags)) }]),
    ),
    // Only when read (org.yaml declares contacts), so plans of files without them hash as before.
    ...(live.alternateContacts && {
      alternateContacts: sortedRecord(live.alternateContacts.map((c) => [c.type, c.readError === undefined ? c.contact : { unreadable: true }])),
    }),
  };
  return canonicalJson(state);
}

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? sortedRecord(Object.entries(v)) : v,
  );
}
