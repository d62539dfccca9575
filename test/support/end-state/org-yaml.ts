// What org.yaml declares, read by the oracle itself: the `yaml` package's plain parse, no src/config.
// Defaults are the ones docs/org-yaml.md states (its tables are checked against DOCUMENTED_DEFAULTS by
// test/support/end-state/end-state.test.ts). The oracle only reads files orgctl accepted, so it is
// lenient about shape but throws on anything it cannot read rather than guess.

import { parseDocument } from 'yaml';
import type { DesiredOrg } from '../../../src/model/desired.js';
import { orgYamlOf } from '../../workflow/support/org-yaml.js';

/** docs/org-yaml.md, "Keys": the Default column of each table; budgets are cost budgets ("Each budget is a cost budget"). */
export const DOCUMENTED_DEFAULTS = {
  organization: { featureSet: 'ALL' },
  budget: { unit: 'USD', timeUnit: 'MONTHLY', budgetType: 'COST' },
  notification: { thresholdType: 'PERCENTAGE', comparison: 'GREATER_THAN' },
  options: {
    pruneOrganizationalUnits: false,
    pruneBudgets: false,
    unlistedAccounts: 'ignore',
    pruneTrustedServices: false,
    pruneDelegatedAdministrators: false,
    prunePolicies: false,
    unlistedPolicyAttachments: 'ignore',
    pruneAssignments: false,
  },
  policy: { type: 'SERVICE_CONTROL_POLICY', description: '' },
} as const;

/** org.yaml's top-level mapping. */
export type OrgYamlDocument = ReadonlyMap<string, unknown>;

/** org.yaml text, or a DesiredOrg written out as org.yaml (test/workflow/support/org-yaml.ts). */
export function orgYamlDocument(source: string | DesiredOrg): OrgYamlDocument {
  const text = typeof source === 'string' ? source : orgYamlOf(source);
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new Error(`end-state oracle: org.yaml does not parse: ${document.errors[0]!.message}`);
  return mapping(document.toJS({ mapAsMap: true, maxAliasCount: 100 }), 'org.yaml');
}

/** A mapping with its keys as text (YAML may read a key such as 2024 as a number); absent or null: empty. */
export function mapping(value: unknown, where: string): ReadonlyMap<string, unknown> {
  if (value === undefined || value === null) return new Map();
  if (!(value instanceof Map)) throw new Error(`end-state oracle: ${where} is not a mapping`);
  return new Map([...value].map(([key, v]) => [String(key), v]));
}

/** A list; absent: empty. */
export function list(value: unknown, where: string): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`end-state oracle: ${where} is not a list`);
  return value;
}

export function text(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new Error(`end-state oracle: ${where} is not text`);
  return value;
}

export function textOr(value: unknown, fallback: string, where: string): string {
  return value === undefined || value === null ? fallback : text(value, where);
}

export function number(value: unknown, where: string): number {
  if (typeof value !== 'number') throw new Error(`end-state oracle: ${where} is not a number`);
  return value;
}

export function booleanOr(value: unknown, fallback: boolean, where: string): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new Error(`end-state oracle: ${where} is not true or false`);
  return value;
}
