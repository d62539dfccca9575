// org.yaml's `organization:` and `root:` sections → the organization, the OU tree with OU paths, and
// accounts, positions attached; `options:` → the tree's options.

import { normalizeContactSet } from '../alternate-contacts/normalize.js';
import { DEFAULTS } from '../../config/defaults.js';
import { at, type PositionLookup } from '../../config/position-lookup.js';
import type { AccountEntry, OrganizationalUnits, WrittenOrgYaml } from '../../config/written-org-yaml.js';
import type { DocumentPath } from '../../config/yaml-source.js';
import type { AccountCreationSettings, DesiredAccount, DesiredNode, DesiredOu, DesiredPolicyAttachment } from '../../model/desired.js';
import { childPath, ROOT_PATH } from '../../model/paths.js';
import type { DesiredPart, NormalizeContext } from '../kind.js';
import { normalizeTags } from '../tags/normalize.js';

export function normalizeOrganization({ written, positionOf }: NormalizeContext): DesiredPart {
  return {
    managementAccountId: written.organization.managementAccountId,
    featureSet: written.organization.featureSet ?? DEFAULTS.featureSet,
    root: normalizeRoot(written.root, positionOf),
    options: {
      pruneOrganizationalUnits: written.options?.pruneOrganizationalUnits ?? DEFAULTS.options.pruneOrganizationalUnits,
      unlistedAccounts: written.options?.unlistedAccounts ?? DEFAULTS.options.unlistedAccounts,
      ...(written.options?.closedAccountsOu !== undefined && { closedAccountsOu: written.options.closedAccountsOu }),
    },
  };
}

function normalizeAccounts(entries: readonly AccountEntry[] | undefined, path: DocumentPath, positionOf: PositionLookup): DesiredAccount[] {
  return (entries ?? []).map((entry, index) => {
    const position = at(positionOf([...path, index]));
    if (typeof entry === 'string') return { id: entry, ...position };
    return {
      ...normalizeNamedAccount(entry),
      ...position,
      ...normalizeTags(entry.tags, [...path, index, 'tags'], positionOf),
      ...attachments(entry.policies, [...path, index, 'policies'], positionOf),
      ...(entry.alternateContacts !== undefined && { alternateContacts: normalizeContactSet(entry.alternateContacts, [...path, index, 'alternateContacts'], positionOf) }),
    };
  });
}

function normalizeNamedAccount(entry: Exclude<AccountEntry, string>): DesiredAccount {
  const creation: AccountCreationSettings = {
    ...(entry.iamUserAccessToBilling !== undefined && { iamUserAccessToBilling: entry.iamUserAccessToBilling }),
    ...(entry.roleName !== undefined && { roleName: entry.roleName }),
  };
  return {
    ...(entry.id !== undefined && { id: entry.id }),
    ...(entry.name !== undefined && { name: entry.name }),
    ...(entry.email !== undefined && { email: entry.email }),
    ...(entry.closed === true && { closed: true }),
    ...(Object.keys(creation).length > 0 && { creation }),
  };
}

/** A node's `policies:` list (the policies kind plans from it); nothing when the key is absent (its attachments are left alone). */
function attachments(names: readonly string[] | undefined, path: DocumentPath, positionOf: PositionLookup): { policies?: DesiredPolicyAttachment[] } {
  if (names === undefined) return {};
  return { policies: names.map((name, index) => ({ name, ...at(positionOf([...path, index])) })) };
}

function normalizeOus(written: OrganizationalUnits | undefined, parentPath: string, path: DocumentPath, positionOf: PositionLookup): DesiredOu[] {
  return Object.entries(written ?? {}).map(([name, node]) => {
    const ouPath = childPath(parentPath, name);
    const nodePath = [...path, name];
    return {
      name,
      path: ouPath,
      ...(node?.renamedFrom !== undefined ? { renamedFrom: node.renamedFrom } : {}),
      accounts: normalizeAccounts(node?.accounts, [...nodePath, 'accounts'], positionOf),
      organizationalUnits: normalizeOus(node?.organizationalUnits, ouPath, [...nodePath, 'organizationalUnits'], positionOf),
      ...normalizeTags(node?.tags, [...nodePath, 'tags'], positionOf),
      ...attachments(node?.policies, [...nodePath, 'policies'], positionOf),
      // An OU's position is its name (the mapping key).
      ...at(positionOf(nodePath)),
    };
  });
}

function normalizeRoot(written: WrittenOrgYaml['root'], positionOf: PositionLookup): DesiredNode {
  return {
    accounts: normalizeAccounts(written.accounts, ['root', 'accounts'], positionOf),
    organizationalUnits: normalizeOus(written.organizationalUnits, ROOT_PATH, ['root', 'organizationalUnits'], positionOf),
    ...normalizeTags(written.tags, ['root', 'tags'], positionOf),
    ...attachments(written.policies, ['root', 'policies'], positionOf),
  };
}
