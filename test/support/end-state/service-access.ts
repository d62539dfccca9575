// Trusted access and delegated administrators. org.yaml's promises (docs/org-yaml.md, `organization`):
// - `trustedServices` present: every listed service has trusted access; one not listed keeps it unless
//   pruneTrustedServices is on (and no delegated administrator of it remains, which orgctl refuses to
//   strand); absent: trusted access is as it was;
// - `delegatedAdministrators` present: a listed service has exactly the listed accounts; a service not
//   listed keeps its administrators unless pruneDelegatedAdministrators is on; absent: as it was.

import { ListAWSServiceAccessForOrganizationCommand, ListDelegatedAdministratorsCommand, ListDelegatedServicesForAccountCommand } from '@aws-sdk/client-organizations';
import type { LiveOrg } from '../../../src/model/live.js';
import { allPages, errorName } from './aws.js';
import { type EndStateKind, newReport, type ReadContext } from './kind.js';
import { booleanOr, DOCUMENTED_DEFAULTS, list, mapping, text, type OrgYamlDocument } from './org-yaml.js';

export interface ServiceAccessState {
  /** Sorted service principals with trusted access. */
  readonly trusted: readonly string[];
  /** Sorted "principal account" pairs. */
  readonly delegations: readonly string[];
}

export interface DeclaredServiceAccess {
  readonly trusted: readonly string[] | undefined;
  /** Service principal → its accounts. */
  readonly delegated: ReadonlyMap<string, readonly string[]> | undefined;
  readonly pruneTrusted: boolean;
  readonly pruneDelegated: boolean;
}

function declared(document: OrgYamlDocument): DeclaredServiceAccess {
  const organization = mapping(document.get('organization'), 'organization');
  const options = mapping(document.get('options'), 'options');
  const trustedValue = organization.get('trustedServices');
  const delegatedValue = organization.get('delegatedAdministrators');
  return {
    trusted: trustedValue === undefined ? undefined : list(trustedValue, 'organization.trustedServices').map((p, i) => text(p, `organization.trustedServices[${i}]`)),
    delegated:
      delegatedValue === undefined
        ? undefined
        : new Map(
            [...mapping(delegatedValue, 'organization.delegatedAdministrators')].map(([principal, accounts]) => [
              principal,
              typeof accounts === 'string' ? [accounts] : list(accounts, `organization.delegatedAdministrators.${principal}`).map((a) => text(a, principal)),
            ]),
          ),
    pruneTrusted: booleanOr(options.get('pruneTrustedServices'), DOCUMENTED_DEFAULTS.options.pruneTrustedServices, 'options.pruneTrustedServices'),
    pruneDelegated: booleanOr(options.get('pruneDelegatedAdministrators'), DOCUMENTED_DEFAULTS.options.pruneDelegatedAdministrators, 'options.pruneDelegatedAdministrators'),
  };
}

async function read({ clients: { organizations } }: ReadContext): Promise<ServiceAccessState> {
  try {
    const enabled = await allPages(
      (NextToken) => organizations.send(new ListAWSServiceAccessForOrganizationCommand({ NextToken })),
      (page) => page.EnabledServicePrincipals,
    );
    const admins = await allPages((NextToken) => organizations.send(new ListDelegatedAdministratorsCommand({ NextToken })), (page) => page.DelegatedAdministrators);
    const delegations: string[] = [];
    for (const admin of admins) {
      const services = await allPages(
        (NextToken) => organizations.send(new ListDelegatedServicesForAccountCommand({ AccountId: admin.Id, NextToken })),
        (page) => page.DelegatedServices,
      );
      for (const service of services) delegations.push(`${service.ServicePrincipal} ${admin.Id}`);
    }
    return { trusted: enabled.map((e) => e.ServicePrincipal ?? '').sort(), delegations: delegations.sort() };
  } catch (error) {
    // No organization: nothing enabled, nobody delegated.
    if (errorName(error) === 'AWSOrganizationsNotInUseException') return { trusted: [], delegations: [] };
    throw error;
  }
}

function fromLive(live: LiveOrg): ServiceAccessState {
  return {
    trusted: [...(live.trustedServices ?? [])].sort(),
    delegations: (live.delegatedAdministrators ?? []).map((d) => `${d.principal} ${d.accountId}`).sort(),
  };
}

function check(after: ServiceAccessState, want: DeclaredServiceAccess, before: ServiceAccessState) {
  const report = newReport();
  const principalOf = (pair: string): string => pair.split(' ')[0]!;
  const same = (a: readonly string[], b: readonly string[]): boolean => JSON.stringify(a) === JSON.stringify(b);

  if (want.delegated === undefined) {
    if (!same(after.delegations, before.delegations)) report.mismatches.push(`delegatedAdministrators not in org.yaml, yet they changed from ${JSON.stringify(before.delegations)} to ${JSON.stringify(after.delegations)}`);
  } else {
    for (const [principal, accounts] of want.delegated) {
      const now = after.delegations.filter((d) => principalOf(d) === principal).map((d) => d.split(' ')[1]!).sort();
      if (!same(now, [...accounts].sort())) report.mismatches.push(`${principal}: delegated administrators are ${JSON.stringify(now)}, org.yaml lists ${JSON.stringify([...accounts].sort())}`);
    }
    for (const pair of after.delegations) {
      if (want.delegated.has(principalOf(pair))) continue;
      if (want.pruneDelegated) report.mismatches.push(`${pair}: its service is not in delegatedAdministrators and pruneDelegatedAdministrators is on, yet it is still registered`);
      else if (!before.delegations.includes(pair)) report.mismatches.push(`${pair}: registered by the apply, though its service is not in delegatedAdministrators`);
    }
    if (!want.pruneDelegated) {
      for (const pair of before.delegations) {
        if (!want.delegated.has(principalOf(pair)) && !after.delegations.includes(pair)) report.mismatches.push(`${pair}: deregistered although pruneDelegatedAdministrators is off and its service is not listed`);
      }
    }
  }

  if (want.trusted === undefined) {
    if (!same(after.trusted, before.trusted)) report.mismatches.push(`trustedServices not in org.yaml, yet trusted access changed from ${JSON.stringify(before.trusted)} to ${JSON.stringify(after.trusted)}`);
    return report;
  }
  for (const principal of want.trusted) if (!after.trusted.includes(principal)) report.mismatches.push(`${principal}: in trustedServices, but has no trusted access`);
  for (const principal of after.trusted) {
    if (want.trusted.includes(principal)) continue;
    // orgctl refuses to disable a service org.yaml, or AWS after the apply, still gives an administrator.
    const stillDelegated = want.delegated?.has(principal) === true || after.delegations.some((d) => principalOf(d) === principal);
    if (want.pruneTrusted && !stillDelegated) report.mismatches.push(`${principal}: not in trustedServices and pruneTrustedServices is on, yet it keeps trusted access`);
    if (!before.trusted.includes(principal)) report.mismatches.push(`${principal}: enabled by the apply, though not in trustedServices`);
  }
  if (!want.pruneTrusted) {
    for (const principal of before.trusted) if (!want.trusted.includes(principal) && !after.trusted.includes(principal)) report.mismatches.push(`${principal}: trusted access disabled although pruneTrustedServices is off`);
  }
  return report;
}

export const serviceAccessKind: EndStateKind<ServiceAccessState, DeclaredServiceAccess> = { name: 'service access', declared, read, fromLive, check };
