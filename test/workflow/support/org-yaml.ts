// Writes a DesiredOrg as org.yaml text, for tests that run the CLI on a generated organization.

import { stringify } from 'yaml';
import { parseOrgYaml } from '../../../src/config/parse-org-yaml.js';
import type { DesiredIdentityCenter, DesiredNode, DesiredOrg, DesiredSecurity, DesiredTags } from '../../../src/model/desired.js';

export function orgYamlOf(desired: DesiredOrg): string {
  const node = (n: DesiredNode & { renamedFrom?: string }): Record<string, unknown> => ({
    ...(n.renamedFrom !== undefined && { renamedFrom: n.renamedFrom }),
    ...(n.accounts.length > 0 && {
      accounts: n.accounts.map((a) =>
        a.name !== undefined || a.tags || a.policies
          ? {
              ...(a.id !== undefined && { id: a.id }),
              ...(a.name !== undefined && { name: a.name }),
              ...(a.email !== undefined && { email: a.email }),
              ...(a.closed && { closed: true }),
              ...tagsOf(a.tags),
              ...(a.policies && { policies: a.policies.map((p) => p.name) }),
              ...(a.creation?.iamUserAccessToBilling !== undefined && { iamUserAccessToBilling: a.creation.iamUserAccessToBilling }),
              ...(a.creation?.roleName !== undefined && { roleName: a.creation.roleName }),
            }
          : a.id,
      ),
    }),
    ...(n.organizationalUnits.length > 0 && { organizationalUnits: Object.fromEntries(n.organizationalUnits.map((ou) => [ou.name, node(ou)])) }),
    ...tagsOf(n.tags),
    ...(n.policies && { policies: n.policies.map((p) => p.name) }),
  });
  return stringify(
    {
      version: 1,
      organization: {
        managementAccountId: desired.managementAccountId,
        featureSet: desired.featureSet,
        ...(desired.trustedServices && { trustedServices: desired.trustedServices.map((s) => s.principal) }),
        ...(desired.delegatedAdministrators && {
          delegatedAdministrators: Object.fromEntries(desired.delegatedAdministrators.map((d) => [d.principal, d.accountIds.length === 1 ? d.accountIds[0] : d.accountIds])),
        }),
      },
      root: node(desired.root),
      budgets: desired.budgets.map((b) => ({
        name: b.name,
        amount: b.amount,
        unit: b.unit,
        timeUnit: b.timeUnit,
        ...tagsOf(b.tags),
        ...(b.notifications.length > 0 && { notifications: b.notifications.map((n) => {
          const emails = n.subscribers.filter((s) => s.type === 'EMAIL').map((s) => s.address);
          const sns = n.subscribers.find((s) => s.type === 'SNS')?.address;
          return {
            type: n.type,
            comparison: n.comparison,
            threshold: n.threshold,
            thresholdType: n.thresholdType,
            ...(emails.length > 0 && { emails }),
            ...(sns !== undefined && { sns }),
          };
        }) }),
      })),
      options: {
        ...desired.options,
        ...(desired.identityCenter && { prunePermissionSets: desired.identityCenter.prunePermissionSets, pruneAssignments: desired.identityCenter.pruneAssignments }),
      },
      ...((desired.policies ?? []).length > 0 && {
        policies: Object.fromEntries(
          (desired.policies ?? []).map((p) => [
            p.name,
            { type: p.type, description: p.description, ...(p.file !== undefined ? { file: p.file } : { document: p.document }) },
          ]),
        ),
      }),
      ...(desired.security && { security: securityOf(desired.security) }),
      ...(desired.identityCenter && { identityCenter: identityCenterOf(desired.identityCenter) }),
    },
    // Account IDs must stay strings; the default would already quote them, this makes it explicit.
    { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' },
  );
}

function tagsOf(tags: DesiredTags | undefined): { tags?: Record<string, string> } {
  return tags ? { tags: Object.fromEntries(tags.entries.map((t) => [t.key, t.value])) } : {};
}

function securityOf(security: DesiredSecurity): Record<string, unknown> {
  return {
    breakGlassUsers: security.breakGlassUsers.map((u) => (u.create ? { name: u.name, create: true } : u.name)),
    identityCenter: security.identityCenter,
    ...(security.identityCenterRegion !== undefined && { identityCenterRegion: security.identityCenterRegion }),
    ...(security.alternateContacts.length > 0 && {
      alternateContacts: Object.fromEntries(
        security.alternateContacts.map(({ type, at: _at, ...fields }) => [type.toLowerCase(), fields]),
      ),
    }),
  };
}

/** The DesiredOrg orgctl reads back from orgYamlOf(desired): the same, apart from source positions. */
export function throughOrgYaml(desired: DesiredOrg): { desired: DesiredOrg; text: string } {
  const text = orgYamlOf(desired);
  const parsed = parseOrgYaml(text, 'org.yaml');
  if (!parsed.ok) throw new Error(`generated org.yaml is invalid:\n${parsed.errors.map((e) => e.message).join('\n')}\n${text}`);
  return { desired: parsed.value, text };
}

/** Drops `at` (source positions) everywhere, to compare a parsed DesiredOrg with a built one. */
export function withoutPositions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'at' ? undefined : v))) as T;
}

function identityCenterOf(section: DesiredIdentityCenter): Record<string, unknown> {
  return {
    ...(section.region !== undefined && { region: section.region }),
    permissionSets: Object.fromEntries(
      section.permissionSets.map((set) => [
        set.name,
        { ...(set.description !== undefined && { description: set.description }), sessionDuration: set.sessionDuration, managedPolicies: [...set.managedPolicies] },
      ]),
    ),
    ...(section.groups !== undefined && { groups: Object.fromEntries(section.groups.map((g) => [g.name, g.description !== undefined ? { description: g.description } : {}])) }),
    assignments: section.assignments.map((a) => ({
      ...(a.principal?.type === 'GROUP' && { group: a.principal.name }),
      ...(a.principal?.type === 'USER' && { user: a.principal.name }),
      permissionSet: a.permissionSet.value,
      ...(a.accounts.length > 0 && { accounts: a.accounts.map((x) => x.value) }),
      ...(a.organizationalUnits.length > 0 && { organizationalUnits: a.organizationalUnits.map((x) => x.value) }),
    })),
  };
}
