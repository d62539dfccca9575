// How `orgctl import --include-tags` writes tags: as each resource's `tags:` key, with the tags orgctl
// manages (not `aws:` keys or `managed-by`), keys in natural order. A resource without such tags gets no
// key, so it keeps whatever it has and the plan reads nothing for it.

import type { DesiredTags } from '../../model/desired.js';
import type { LiveOrg, LiveResourceTags } from '../../model/live.js';
import { parentRef, type TagTarget } from '../../model/refs.js';
import { indexLiveTree } from '../../planner/live-tree.js';
import { managedTags, type Tags } from '../../model/tags.js';
import { byNaturalOrder } from '../../importer/natural-order.js';

/** `{ tags }` to spread into an imported root, OU, account or budget; nothing when it has no tags to declare (or they were not read). */
export function importedTags(tags: Tags | undefined): { tags?: DesiredTags } {
  if (tags === undefined) return {};
  const entries = Object.entries(managedTags(tags))
    .sort(([a], [b]) => byNaturalOrder(a, b))
    .map(([key, value]) => ({ key, value }));
  return entries.length === 0 ? {} : { tags: { entries } };
}

/**
 * The tags import read as the live organization's `resourceTags` (as a plan would read them), so the
 * importer's own check plans the file it wrote against them; none when tags were not read.
 */
export function liveTagsOfImport(live: LiveOrg, byId: ReadonlyMap<string, Tags> | null): Pick<LiveOrg, 'resourceTags'> {
  if (byId === null) return {};
  const { pathById } = indexLiveTree(live);
  const targetOf = (id: string): TagTarget => {
    const path = pathById.get(id);
    return path === undefined ? { type: 'account', id } : parentRef(path);
  };
  return {
    resourceTags: [
      ...[...byId].map(([id, tags]): LiveResourceTags => ({ target: targetOf(id), tags })),
      ...live.budgets.filter((b) => b.tags !== undefined).map((b): LiveResourceTags => ({ target: { type: 'budget', name: b.name }, tags: b.tags! })),
    ],
  };
}
