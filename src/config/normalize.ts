// Schema-valid org.yaml (WrittenOrgYaml) → DesiredOrg: defaults applied, OU paths built, positions attached.
// Each resource kind normalizes its own section(s) (`normalize` in src/kinds/<kind>/normalize.ts); what
// belongs to no kind (the audit's part of `security:`) is normalized here. The parts are merged by
// merge-desired-parts.ts, so a new kind adds its normalization in its own folder.

import type { DesiredOrg } from '../model/desired.js';
import { RESOURCE_KINDS } from '../kinds/registry.js';
import type { NormalizeContext } from '../kinds/kind.js';
import { mergeDesiredParts, type OwnedPart } from './merge-desired-parts.js';
import { normalizeSecurity } from './normalize-security.js';
import type { PositionLookup } from './position-lookup.js';
import type { WrittenOrgYaml } from './written-org-yaml.js';

export { DEFAULTS } from './defaults.js';
export type { PositionLookup } from './position-lookup.js';

/** Builds the desired organization from a schema-valid document. `positionOf` fills the `at` fields. */
export function normalizeOrg(written: WrittenOrgYaml, positionOf: PositionLookup = () => undefined): DesiredOrg {
  const ctx: NormalizeContext = { written, positionOf };
  const security = normalizeSecurity(written.security, positionOf);
  const parts: OwnedPart[] = RESOURCE_KINDS.flatMap((kind): OwnedPart[] => (kind.normalize ? [[`the ${kind.name} kind`, kind.normalize(ctx)]] : []));
  parts.push(['the audit (security:)', security === undefined ? {} : { security }]);
  return mergeDesiredParts(parts);
}
