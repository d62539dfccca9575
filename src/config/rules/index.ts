// Every semantic rule, run in this order on a schema-valid, normalized org.yaml.

import type { Diagnostic } from '../../model/diagnostics.js';
import type { DesiredOrg } from '../../model/desired.js';
import { accountEmailsUnique, closedAccountsOuDeclared, managementAccountNotClosed, newAccountNamesValid } from './account-lifecycle.js';
import { accountsPlacedOnce } from './accounts-placed-once.js';
import { breakGlassUserNamesUnique } from './break-glass-users-unique.js';
import { budgetNamesUnique } from './budget-names-unique.js';
import { identityCenterIsConsistent } from './identity-center.js';
import { notificationsUniquePerBudget } from './notifications-unique.js';
import { ouDepthWithinLimit } from './ou-depth.js';
import { renamedFromIsUnambiguous } from './renamed-from.js';
import { policyHasOneDocument, policyReferencesKnown } from './policy-references.js';
import type { OrgRule } from './rule.js';
import { managementAccountNotDelegated, servicePrincipalsSpelledAsAws } from './service-access.js';
import { tagsValid } from './tags-valid.js';

export const ORG_RULES: readonly OrgRule[] = [
  accountsPlacedOnce,
  ouDepthWithinLimit,
  renamedFromIsUnambiguous,
  budgetNamesUnique,
  notificationsUniquePerBudget,
  breakGlassUserNamesUnique,
  tagsValid,
  accountEmailsUnique,
  newAccountNamesValid,
  managementAccountNotClosed,
  closedAccountsOuDeclared,
  policyHasOneDocument,
  policyReferencesKnown,
  servicePrincipalsSpelledAsAws,
  managementAccountNotDelegated,
  identityCenterIsConsistent,
];

export function checkOrgRules(org: DesiredOrg, fileName: string, rules: readonly OrgRule[] = ORG_RULES): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const rule of rules) {
    rule(org, (at, message) => found.push({ severity: 'error', file: fileName, ...(at ? { position: at } : {}), message }));
  }
  return found;
}
