// DesiredOrg from its owners' parts: each kind's normalize (src/kinds/<kind>/normalize.ts) and what
// src/config normalizes itself (the audit's part of `security:`). A section several owners share
// (`options:`, `security:`) is merged field by field; a field two owners fill is a programming error.

import type { DesiredPart } from '../kinds/kind.js';
import type { DesiredOrg } from '../model/desired.js';

/** A part and who normalized it (a kind's name), for the error that names two owners of one field. */
export type OwnedPart = readonly [owner: string, part: DesiredPart];

export function mergeDesiredParts(parts: readonly OwnedPart[]): DesiredOrg {
  const merged: Record<string, unknown> = {};
  const ownerOf = new Map<string, string>();
  const sections = new Set<string>();
  const claim = (field: string, owner: string): void => {
    const other = ownerOf.get(field);
    if (other !== undefined) throw new Error(`DesiredOrg.${field} is normalized by both ${other} and ${owner}; give it one owner.`);
    ownerOf.set(field, owner);
  };
  for (const [owner, part] of parts) {
    for (const [field, value] of Object.entries(part)) {
      if (value === undefined) continue;
      if (!isSection(value) || (ownerOf.has(field) && !sections.has(field))) {
        claim(field, owner);
        merged[field] = value;
        continue;
      }
      if (!sections.has(field)) claim(field, owner);
      sections.add(field);
      const section = (merged[field] ??= {}) as Record<string, unknown>;
      for (const [key, inner] of Object.entries(value)) {
        if (inner === undefined) continue;
        claim(`${field}.${key}`, owner);
        section[key] = inner;
      }
    }
  }
  return merged as unknown as DesiredOrg;
}

/** A section merged field by field: a plain object, not a list or a scalar. */
function isSection(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
