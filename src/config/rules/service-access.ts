// Trusted access and delegated administrators: what validate can tell without AWS.
// Errors: a service principal that is a near miss of one AWS knows (a typo AWS would refuse at apply),
// and the management account as a delegated administrator (AWS refuses it:
// CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR). Warnings: a principal orgctl does not know at
// all (AWS adds services over time), and an account that org.yaml does not place (it may be unlisted).

import type { Diagnostic } from '../../model/diagnostics.js';
import type { DesiredOrg, SourcePosition } from '../../model/desired.js';
import { KNOWN_SERVICE_PRINCIPALS } from '../../model/service-principals.js';
import { visibleText } from '../../text/visible-text.js';
import { closestMatch } from '../closest-match.js';
import type { OrgRule } from './rule.js';
import { walkOus } from './walk-ous.js';

const KNOWN = new Set(KNOWN_SERVICE_PRINCIPALS);

interface DeclaredPrincipal {
  readonly principal: string;
  readonly at: SourcePosition | undefined;
  readonly where: string;
}

function declaredPrincipals(org: DesiredOrg): DeclaredPrincipal[] {
  return [
    ...(org.trustedServices ?? []).map((s) => ({ principal: s.principal, at: s.at, where: 'organization.trustedServices' })),
    ...(org.delegatedAdministrators ?? []).map((d) => ({ principal: d.principal, at: d.at, where: 'organization.delegatedAdministrators' })),
  ];
}

export const servicePrincipalsSpelledAsAws: OrgRule = (org, report) => {
  for (const { principal, at, where } of declaredPrincipals(org)) {
    if (KNOWN.has(principal)) continue;
    const suggestion = closestMatch(principal, KNOWN_SERVICE_PRINCIPALS);
    if (suggestion !== undefined) {
      report(at, `"${visibleText(principal)}" in ${where} is not a service principal AWS knows; did you mean "${suggestion}"?`);
    }
  }
};

export const managementAccountNotDelegated: OrgRule = (org, report) => {
  for (const entry of org.delegatedAdministrators ?? []) {
    if (!entry.accountIds.includes(org.managementAccountId)) continue;
    report(
      entry.at,
      `the management account ${org.managementAccountId} cannot be a delegated administrator of ${entry.principal} (AWS refuses it): name a member account, such as a security tooling account.`,
    );
  }
};

/** Warnings for `orgctl validate`: nothing here stops a plan. */
export function serviceAccessWarnings(org: DesiredOrg, fileName: string): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const warn = (at: SourcePosition | undefined, message: string): void => {
    warnings.push({ severity: 'warning', file: fileName, ...(at ? { position: at } : {}), message });
  };
  for (const { principal, at, where } of declaredPrincipals(org)) {
    if (KNOWN.has(principal) || closestMatch(principal, KNOWN_SERVICE_PRINCIPALS) !== undefined) continue;
    warn(at, `"${visibleText(principal)}" in ${where} is not a service principal orgctl knows; check the spelling against AWS's list of services that work with Organizations (AWS refuses unknown ones at apply).`);
  }
  const placed = new Set([org.managementAccountId, ...org.root.accounts.map((a) => a.id), ...[...walkOus(org)].flatMap(({ ou }) => ou.accounts.map((a) => a.id))]);
  for (const entry of org.delegatedAdministrators ?? []) {
    for (const accountId of entry.accountIds) {
      if (placed.has(accountId)) continue;
      warn(entry.at, `delegated administrator ${accountId} of ${entry.principal} is not placed in root: (it may be an unlisted account; the plan checks that it is in the organization).`);
    }
  }
  return warnings;
}
