// How import writes policies back (filled in by the import step of issue #14).

import type { KindImport } from '../kind-import.js';

export function importPolicies(): KindImport {
  return { desired: {}, leftOut: {}, counts: {} };
}
