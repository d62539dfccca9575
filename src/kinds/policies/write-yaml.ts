// The policies section of org.yaml (filled in by the import step of issue #14).

import type { DesiredOrg } from '../../model/desired.js';

export function writePoliciesSection(_org: DesiredOrg): string[] {
  return [];
}
