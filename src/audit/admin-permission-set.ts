// Whether a permission set gives administrator rights: the AdministratorAccess managed policy, or an
// inline policy with a statement that allows every action on every resource. Pure.

import { ADMINISTRATOR_ACCESS_POLICY_ARN } from '../model/break-glass.js';

/** What makes the set an administrator set, in words for the report; undefined when it is not one. */
export function adminGrantOf(managedPolicies: readonly string[], inlinePolicy: string): string | undefined {
  // Any partition's AdministratorAccess (arn:aws-us-gov:..., arn:aws-cn:...).
  const suffix = ADMINISTRATOR_ACCESS_POLICY_ARN.slice('arn:aws'.length);
  if (managedPolicies.some((arn) => arn.startsWith('arn:aws') && arn.endsWith(suffix))) return 'the AdministratorAccess managed policy';
  if (inlineAllowsEverything(inlinePolicy)) return 'an inline policy allowing * on *';
  return undefined;
}

function inlineAllowsEverything(text: string): boolean {
  if (text.trim() === '') return false;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof document !== 'object' || document === null) return false;
  const statement = (document as { Statement?: unknown }).Statement;
  const statements = Array.isArray(statement) ? statement : [statement];
  return statements.some((s) => {
    if (typeof s !== 'object' || s === null) return false;
    const { Effect, Action, Resource } = s as { Effect?: unknown; Action?: unknown; Resource?: unknown };
    return Effect === 'Allow' && anyOf(Action, ['*', '*:*']) && anyOf(Resource, ['*']);
  });
}

function anyOf(value: unknown, wildcards: readonly string[]): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => typeof v === 'string' && wildcards.includes(v));
}
