// A `tags:` mapping of org.yaml → DesiredTags, for the kinds whose entries carry one (the organization
// kind's root, OUs and accounts, the budgets kind's budgets, the policies kind's policies).

import { at, type PositionLookup } from '../../config/position-lookup.js';
import type { Tags } from '../../config/written-org-yaml.js';
import type { DocumentPath } from '../../config/yaml-source.js';
import type { DesiredTags } from '../../model/desired.js';

/** In org.yaml order, key positions attached; nothing when the key is absent (the tags are left alone). */
export function normalizeTags(written: Tags | undefined, path: DocumentPath, positionOf: PositionLookup): { tags?: DesiredTags } {
  if (written === undefined) return {};
  const entries = Object.entries(written).map(([key, value]) => ({ key, value: value ?? '', ...at(positionOf([...path, key])) }));
  return { tags: { entries, ...at(positionOf(path)) } };
}
