// IAM Identity Center permission sets. org.yaml's promises (docs/org-yaml.md, `identityCenter.permissionSets`):
// - with `identityCenter:`, each declared set exists with its description (when written), session
//   duration (as a length: PT60M is PT1H), exactly its AWS managed and customer managed policies, an
//   inline policy exactly when `inlinePolicy:` names a file (its content is the file's JSON, which the
//   test compares: the oracle does not know where org.yaml was), its boundary when `permissionsBoundary` is
//   written (without it the boundary is left alone), and the tags it lists (besides managed-by and aws: keys) when `tags:` is written;
// - a set not declared stays, unless prunePermissionSets is on and orgctl created it (managed-by: orgctl)
//   and it is provisioned nowhere: then it is gone;
// - without `identityCenter:`, nothing in Identity Center changes.
// The oracle reads the instance in ORACLE_REGION (us-east-1) with its own SSO Admin client.

import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  ListTagsForResourceCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { LiveOrg } from '../../../src/model/live.js';
import { allPages, errorName } from './aws.js';
import { type EndStateKind, newReport, type ReadContext, shown, Unread } from './kind.js';
import { booleanOr, list, mapping, text, textOr, type OrgYamlDocument } from './org-yaml.js';

export const ORACLE_REGION = 'us-east-1';

export interface PermissionSetState {
  readonly name: string;
  readonly description: string | undefined;
  /** Seconds. */
  readonly sessionSeconds: number;
  /** Sorted. */
  readonly managedPolicies: readonly string[];
  /** Sorted "path+name". */
  readonly customerManagedPolicies: readonly string[];
  /** The inline policy's JSON value; undefined: none. */
  readonly inlinePolicy: unknown;
  /** "managed:<arn>", "customer:<path><name>" or "none". */
  readonly boundary: string | Unread;
  readonly tags: Readonly<Record<string, string>> | Unread;
  readonly provisionedAccounts: number;
}

export interface PermissionSetsState {
  /** By name. */
  readonly sets: ReadonlyMap<string, PermissionSetState>;
}

interface DeclaredSet {
  readonly description: string | undefined;
  readonly sessionSeconds: number;
  readonly managedPolicies: readonly string[];
  readonly customerManagedPolicies: readonly string[];
  readonly hasInlinePolicy: boolean;
  /** undefined: `permissionsBoundary` not written (left alone). */
  readonly boundary: string | undefined;
  readonly tags: Readonly<Record<string, string>> | undefined;
}

export interface DeclaredPermissionSets {
  /** undefined: no `identityCenter:` section. */
  readonly sets: ReadonlyMap<string, DeclaredSet> | undefined;
  readonly region: string | undefined;
  readonly prune: boolean;
}

/** docs/org-yaml.md: sessionDuration's default. */
const DEFAULT_SESSION = 'PT1H';

export function durationSeconds(iso: string): number {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso);
  if (!match) throw new Error(`end-state oracle: ${iso} is not an ISO 8601 time duration`);
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

function declared(document: OrgYamlDocument): DeclaredPermissionSets {
  const options = mapping(document.get('options'), 'options');
  const prune = booleanOr(options.get('prunePermissionSets'), false, 'options.prunePermissionSets');
  const section = document.get('identityCenter');
  if (section === undefined) return { sets: undefined, region: undefined, prune };
  const center = mapping(section, 'identityCenter');
  const security = mapping(document.get('security'), 'security');
  const region = center.get('region') ?? security.get('identityCenterRegion');
  const sets = new Map<string, DeclaredSet>();
  for (const [name, value] of mapping(center.get('permissionSets'), 'identityCenter.permissionSets')) {
    const set = mapping(value, name);
    const ref = (v: unknown, where: string): string => {
      const m = mapping(v, where);
      return `${textOr(m.get('path'), '/', `${where}.path`)}${text(m.get('name'), `${where}.name`)}`;
    };
    const boundary = set.get('permissionsBoundary');
    const b = boundary === undefined ? undefined : mapping(boundary, `${name}.permissionsBoundary`);
    const tags = set.get('tags');
    sets.set(name, {
      description: set.get('description') === undefined ? undefined : text(set.get('description'), `${name}.description`),
      sessionSeconds: durationSeconds(textOr(set.get('sessionDuration'), DEFAULT_SESSION, `${name}.sessionDuration`)),
      managedPolicies: list(set.get('managedPolicies') ?? [], `${name}.managedPolicies`).map((p, i) => text(p, `${name}.managedPolicies[${i}]`)).sort(),
      customerManagedPolicies: list(set.get('customerManagedPolicies') ?? [], `${name}.customerManagedPolicies`).map((p, i) => ref(p, `${name}.customerManagedPolicies[${i}]`)).sort(),
      hasInlinePolicy: set.get('inlinePolicy') !== undefined,
      boundary:
        b === undefined
          ? undefined
          : b.get('managedPolicyArn') !== undefined
            ? `managed:${text(b.get('managedPolicyArn'), 'managedPolicyArn')}`
            : `customer:${ref(b.get('customerManagedPolicy'), 'customerManagedPolicy')}`,
      tags: tags === undefined ? undefined : Object.fromEntries([...mapping(tags, `${name}.tags`)].map(([k, v]) => [k, text(v, `${name}.tags.${k}`)])),
    });
  }
  return { sets, region: region === undefined ? undefined : text(region, 'identityCenter.region'), prune };
}

async function read({ clients, accountId, backend }: ReadContext): Promise<PermissionSetsState> {
  const sso = clients.ssoAdmin;
  const instances = await allPages((NextToken) => sso.send(new ListInstancesCommand({ NextToken })), (page) => page.Instances);
  const instance = instances.find((i) => i.OwnerAccountId === undefined || i.OwnerAccountId === accountId);
  if (!instance?.InstanceArn) return { sets: new Map() };
  const InstanceArn = instance.InstanceArn;
  const arns = await allPages((NextToken) => sso.send(new ListPermissionSetsCommand({ InstanceArn, NextToken })), (page) => page.PermissionSets);
  const sets = new Map<string, PermissionSetState>();
  for (const PermissionSetArn of arns) {
    const described = (await sso.send(new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn }))).PermissionSet;
    const managed = await allPages(
      (NextToken) => sso.send(new ListManagedPoliciesInPermissionSetCommand({ InstanceArn, PermissionSetArn, NextToken })),
      (page) => page.AttachedManagedPolicies,
    );
    const customer = await allPages(
      (NextToken) => sso.send(new ListCustomerManagedPolicyReferencesInPermissionSetCommand({ InstanceArn, PermissionSetArn, NextToken })),
      (page) => page.CustomerManagedPolicyReferences,
    );
    const inline = (await sso.send(new GetInlinePolicyForPermissionSetCommand({ InstanceArn, PermissionSetArn }))).InlinePolicy;
    const accounts = await allPages(
      (NextToken) => sso.send(new ListAccountsForProvisionedPermissionSetCommand({ InstanceArn, PermissionSetArn, NextToken })),
      (page) => page.AccountIds,
    );
    const name = described?.Name ?? '';
    sets.set(name, {
      name,
      description: described?.Description || undefined,
      sessionSeconds: durationSeconds(String(described?.SessionDuration ?? DEFAULT_SESSION)),
      managedPolicies: managed.map((p) => p.Arn ?? '').sort(),
      customerManagedPolicies: customer.map((c) => `${c.Path ?? '/'}${c.Name ?? ''}`).sort(),
      inlinePolicy: inline ? (JSON.parse(inline) as unknown) : undefined,
      boundary: backend.gaps.permissionSetBoundaries !== undefined ? new Unread(backend.gaps.permissionSetBoundaries) : await readBoundary(sso, InstanceArn, PermissionSetArn),
      tags: backend.gaps.permissionSetTags !== undefined ? new Unread(backend.gaps.permissionSetTags) : await readTags(sso, InstanceArn, PermissionSetArn),
      provisionedAccounts: accounts.length,
    });
  }
  return { sets };
}

async function readBoundary(sso: SSOAdminClient, InstanceArn: string, PermissionSetArn: string): Promise<string> {
  try {
    const boundary = (await sso.send(new GetPermissionsBoundaryForPermissionSetCommand({ InstanceArn, PermissionSetArn }))).PermissionsBoundary;
    if (boundary?.ManagedPolicyArn) return `managed:${boundary.ManagedPolicyArn}`;
    const ref = boundary?.CustomerManagedPolicyReference;
    return ref ? `customer:${ref.Path ?? '/'}${ref.Name ?? ''}` : 'none';
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') return 'none';
    throw error;
  }
}

async function readTags(sso: SSOAdminClient, InstanceArn: string, ResourceArn: string): Promise<Record<string, string>> {
  const tags = await allPages((NextToken) => sso.send(new ListTagsForResourceCommand({ InstanceArn, ResourceArn, NextToken })), (page) => page.Tags);
  return Object.fromEntries(tags.map((t) => [t.Key ?? '', t.Value ?? '']));
}

function fromLive(live: LiveOrg): PermissionSetsState {
  const sets = new Map<string, PermissionSetState>();
  for (const set of live.identityCenterPermissionSets?.permissionSets ?? []) {
    sets.set(set.name, {
      name: set.name,
      description: set.description,
      sessionSeconds: durationSeconds(set.sessionDuration),
      managedPolicies: [...set.managedPolicies].sort(),
      customerManagedPolicies: set.customerManagedPolicies.map((c) => `${c.path}${c.name}`).sort(),
      inlinePolicy: set.inlinePolicy === undefined ? undefined : (JSON.parse(set.inlinePolicy) as unknown),
      boundary:
        set.permissionsBoundary === undefined
          ? new Unread('plan read no boundary of this set (org.yaml leaves it alone)')
          : set.permissionsBoundary === null
            ? 'none'
            : 'managedPolicyArn' in set.permissionsBoundary
            ? `managed:${set.permissionsBoundary.managedPolicyArn}`
            : `customer:${set.permissionsBoundary.customerManagedPolicy.path}${set.permissionsBoundary.customerManagedPolicy.name}`,
      tags: set.tags ?? new Unread('plan read no tags of this set (org.yaml leaves them alone)'),
      provisionedAccounts: set.provisionedAccountIds.length,
    });
  }
  return { sets };
}

const json = (value: unknown): string => JSON.stringify(value instanceof Unread ? null : value);

function check(after: PermissionSetsState, want: DeclaredPermissionSets, before: PermissionSetsState) {
  const report = newReport();
  if (want.sets === undefined) {
    if (json([...after.sets.values()]) !== json([...before.sets.values()])) report.mismatches.push('no identityCenter section in org.yaml, yet the permission sets changed');
    return report;
  }
  if (want.region !== undefined && want.region !== ORACLE_REGION) report.mismatches.push(`the oracle reads Identity Center in ${ORACLE_REGION}, org.yaml names ${shown(want.region)}`);
  for (const [name, set] of want.sets) {
    const got = after.sets.get(name);
    if (!got) {
      report.mismatches.push(`${shown(name)}: declared, but not in Identity Center`);
      continue;
    }
    const differs = (field: string, have: unknown, wanted: unknown): void => {
      if (json(have) !== json(wanted)) report.mismatches.push(`${shown(name)}: ${field} is ${json(have)}, org.yaml says ${json(wanted)}`);
    };
    if (set.description !== undefined) differs('description', got.description, set.description);
    differs('session duration (s)', got.sessionSeconds, set.sessionSeconds);
    differs('managed policies', got.managedPolicies, set.managedPolicies);
    differs('customer managed policies', got.customerManagedPolicies, set.customerManagedPolicies);
    differs('has an inline policy', got.inlinePolicy !== undefined, set.hasInlinePolicy);
    if (set.boundary === undefined) {
      // Left alone: nothing to check.
    } else if (got.boundary instanceof Unread) report.unchecked.push(got.boundary.gap);
    else differs('permissions boundary', got.boundary, set.boundary);
    if (set.tags !== undefined) {
      if (got.tags instanceof Unread) report.unchecked.push(got.tags.gap);
      else {
        const ownTags = Object.fromEntries(Object.entries(got.tags).filter(([k]) => k !== 'managed-by' && !k.startsWith('aws:')).sort());
        differs('tags', ownTags, Object.fromEntries(Object.entries(set.tags).sort()));
      }
    }
  }
  for (const [name, set] of after.sets) {
    if (want.sets.has(name)) continue;
    if (!before.sets.has(name)) report.mismatches.push(`${shown(name)}: created by the apply, though not declared`);
  }
  for (const [name, set] of before.sets) {
    if (want.sets.has(name)) continue;
    const tags = set.tags;
    if (tags instanceof Unread) {
      report.unchecked.push(tags.gap);
      continue;
    }
    const prunable = want.prune && tags['managed-by'] === 'orgctl' && set.provisionedAccounts === 0;
    if (prunable && after.sets.has(name)) report.mismatches.push(`${shown(name)}: created by orgctl, not declared, provisioned nowhere and prunePermissionSets is on, yet it is still there`);
    if (!prunable && !after.sets.has(name)) report.mismatches.push(`${shown(name)}: deleted, though ${want.prune ? 'orgctl did not create it or it is provisioned' : 'prunePermissionSets is off'}`);
  }
  return report;
}

export const permissionSetsKind: EndStateKind<PermissionSetsState, DeclaredPermissionSets> = { name: 'permission sets', declared, read, fromLive, check };
