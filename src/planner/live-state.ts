// The text the shell hashes into PlanInputs.liveStateSha256: everything in the live organization
// a plan depends on, composed from every resource kind's fingerprint (the canonical values plus the IDs,
// names, states and tags its steps and notes use), serialized deterministically. Two reads of an unchanged organization give the same text.

import type { LiveOrg } from '../model/live.js';
import { RESOURCE_KINDS } from '../kinds/registry.js';
import { sortedRecord } from './sorted-record.js';
import { indexLiveTree } from './live-tree.js';

export function serializeLiveState(live: LiveOrg): string {
  const tree = indexLiveTree(live);
  // Each kind adds what its steps and notes depend on, from the fields it owns; nothing is listed here
  // by hand, and registry.ts makes every LiveOrg field owned by some kind.
  const parts = RESOURCE_KINDS.map((kind) => kind.fingerprint(liveFields(live, kind.liveFields), tree));
  return canonicalJson(Object.assign({ format: 1 }, ...parts));
}

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? sortedRecord(Object.entries(v)) : v,
  );
}

/** The fields of `live` a kind owns (absent optional fields stay absent). */
function liveFields<F extends keyof LiveOrg>(live: LiveOrg, fields: readonly F[]): Pick<LiveOrg, F> {
  return Object.fromEntries(fields.filter((field) => field in live).map((field) => [field, live[field]])) as Pick<LiveOrg, F>;
}
