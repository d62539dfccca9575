// Which permission sets grant administrator access, so the plan calls out who gains it: the AWS managed
// AdministratorAccess policy, or an inline policy with an Allow of Action "*" on Resource "*".

import type { JsonValue } from '../../../model/desired.js';

const ADMINISTRATOR_ACCESS = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;

export function grantsAdministrator(set: { readonly managedPolicies: readonly string[]; readonly inlinePolicy?: unknown }): boolean {
  return set.managedPolicies.some((arn) => ADMINISTRATOR_ACCESS.test(arn)) || allowsEverything(set.inlinePolicy as JsonValue | undefined);
}

/** An IAM policy document with a statement that allows "*" on "*" (as a string or in a list). */
export function allowsEverything(document: JsonValue | undefined): boolean {
  const parsed = typeof document === 'string' ? parse(document) : document;
  if (!isObject(parsed)) return false;
  const statements = parsed['Statement'];
  const list = Array.isArray(statements) ? statements : [statements];
  return list.some((s) => isObject(s) && s['Effect'] === 'Allow' && hasStar(s['Action']) && hasStar(s['Resource']));
}

function hasStar(value: JsonValue | undefined): boolean {
  return value === '*' || (Array.isArray(value) && value.includes('*'));
}

function isObject(value: JsonValue | undefined): value is { readonly [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parse(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}
