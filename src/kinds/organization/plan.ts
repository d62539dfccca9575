// Steps and notes for the organization itself, its OUs and where accounts sit.
// Order: create the organization; rename OUs (parents first); create OUs (parents first);
// move accounts; delete OUs (children first, after the accounts in them have moved out).

import { accountAddress, ORGANIZATION_ADDRESS, ouAddress } from '../../model/addresses.js';
import type { LiveAccount, LiveOu } from '../../model/live.js';
import { depthOf, nameOf, parentPathOf, ROOT_PATH } from '../../model/paths.js';
import { parentRef } from '../../model/refs.js';
import { byCodeUnit } from '../../planner/sorted-record.js';
import { plural } from '../../text/plural.js';
import { listSome, NoteCode } from '../../planner/notes.js';
import type { PlanContext } from '../../planner/plan-context.js';
import type { StepRef } from '../../planner/step-graph.js';
import { diffOrganization, type OrganizationChanges } from './diff.js';
import { tagRecord } from '../tags/declared.js';
import { planAccountLifecycle } from './plan-accounts.js';

/** The organization kind's phases, in plan order. */
export const Phase = {
  createOrganization: 0,
  renameOrganizationalUnit: 1,
  createOrganizationalUnit: 2,
  createAccount: 3,
  moveAccount: 4,
  renameAccount: 5,
  closeAccount: 6,
  deleteOrganizationalUnit: 7,
} as const;

export type OrganizationContext = PlanContext & { readonly changes: OrganizationChanges };

export function planOrganizationSteps(base: PlanContext): void {
  const ctx: OrganizationContext = { ...base, changes: diffOrganization(base.liveDocument, base.desiredDocument) };
  const organization = planOrganization(ctx);
  const ready = new ReadyPaths(organization);
  const liveAccounts = new Map<string, LiveAccount>(ctx.live.accounts.map((a) => [a.id, a]));
  planRenames(ctx, ready);
  planCreates(ctx, ready);
  const moveOf = new Map<string, StepRef>();
  const movesOutOf = planMoves(ctx, ready, organization, liveAccounts, moveOf);
  planAccountLifecycle(ctx, ready, organization, liveAccounts, moveOf);
  planDeletes(ctx, ready, movesOutOf);
  noteAccounts(ctx, liveAccounts);
}

/** The step after which a path can be resolved to an ID: its own creation or rename, else its nearest ancestor's. */
export class ReadyPaths {
  private readonly steps = new Map<string, StepRef>();
  constructor(private readonly organization: StepRef | undefined) {}

  set(path: string, step: StepRef): void {
    this.steps.set(path, step);
  }

  of(path: string): StepRef | undefined {
    for (let p = path; ; p = parentPathOf(p)) {
      const step = this.steps.get(p);
      if (step !== undefined) return step;
      if (p === ROOT_PATH) return this.organization;
    }
  }
}

function planOrganization(ctx: OrganizationContext): StepRef | undefined {
  const { desired, live, notes, changes } = ctx;
  if (!changes.organizationChanged) return undefined;
  const existing = live.organization;
  if (!existing) {
    if (live.callerAccountId !== desired.managementAccountId) {
      notes.error(
        NoteCode.managementAccountMismatch,
        `org.yaml names ${desired.managementAccountId} as the management account, but the credentials belong to ${live.callerAccountId}; ` +
          'run orgctl with the management account named in org.yaml.',
        { address: ORGANIZATION_ADDRESS },
      );
    }
    return ctx.graph.add(Phase.createOrganization, {
      kind: 'createOrganization',
      address: ORGANIZATION_ADDRESS,
      reason: 'there is no organization yet',
      before: null,
      after: { featureSet: desired.featureSet },
    });
  }
  if (existing.managementAccountId !== desired.managementAccountId) {
    notes.error(
      NoteCode.managementAccountMismatch,
      `org.yaml names ${desired.managementAccountId} as the management account, but organization ${existing.id} is managed by ` +
        `${existing.managementAccountId}; orgctl only changes the organization org.yaml names.`,
      { address: ORGANIZATION_ADDRESS },
    );
  }
  if (existing.featureSet !== desired.featureSet) {
    notes.warn(
      NoteCode.featureSetDiffers,
      `the organization has feature set ${existing.featureSet} but org.yaml says ${desired.featureSet}; ` +
        'orgctl never changes the feature set: change it in AWS or in org.yaml so they agree.',
      { address: ORGANIZATION_ADDRESS },
    );
  }
  return undefined;
}

function planRenames(ctx: OrganizationContext, ready: ReadyPaths): void {
  const renames = [...ctx.matching.renames].sort((a, b) => depthOf(a.toPath) - depthOf(b.toPath) || byCodeUnit(a.toPath, b.toPath));
  for (const rename of renames) {
    const step = ctx.graph.add(
      Phase.renameOrganizationalUnit,
      {
        kind: 'renameOrganizationalUnit',
        address: ouAddress(rename.toPath),
        reason: `org.yaml renames "${rename.oldName}" to "${rename.newName}" (renamedFrom); the OU keeps its ID, accounts and policies`,
        before: { path: rename.fromPath, name: rename.oldName, id: rename.id },
        after: { path: rename.toPath, name: rename.newName },
      },
      [ready.of(parentPathOf(rename.toPath))],
    );
    ready.set(rename.toPath, step);
  }
}

function planCreates(ctx: OrganizationContext, ready: ReadyPaths): void {
  const paths = [...ctx.changes.addedOus].sort((a, b) => depthOf(a) - depthOf(b) || byCodeUnit(a, b));
  const desiredOus = new Map(ctx.desiredIndex.ous.map((ou) => [ou.path, ou]));
  for (const path of paths) {
    const parentPath = parentPathOf(path);
    // A new OU is created with its declared tags (CreateOrganizationalUnit takes them), not tagged after.
    const tags = desiredOus.get(path)?.tags;
    const step = ctx.graph.add(
      Phase.createOrganizationalUnit,
      {
        kind: 'createOrganizationalUnit',
        address: ouAddress(path),
        reason: 'not in the live organization',
        before: null,
        after: { path, name: nameOf(path), parent: parentRef(parentPath), ...(tags && tags.entries.length > 0 && { tags: tagRecord(tags) }) },
      },
      [ready.of(parentPath)],
    );
    ready.set(path, step);
  }
}

/** Returns the move steps by the (future) path of the OU each account leaves. */
function planMoves(
  ctx: OrganizationContext,
  ready: ReadyPaths,
  organization: StepRef | undefined,
  liveAccounts: ReadonlyMap<string, LiveAccount>,
  moveOf: Map<string, StepRef>,
): Map<string, StepRef[]> {
  const { graph, tree, liveDocument, desiredDocument, desiredIndex } = ctx;
  const movesOutOf = new Map<string, StepRef[]>();
  for (const id of ctx.changes.movedAccounts) {
    const account = liveAccounts.get(id);
    const from = account ? tree.pathById.get(account.parentId)! : ROOT_PATH;
    const to = desiredDocument.accounts[id]!.parentPath;
    const reason = organization !== undefined
      ? `the account will sit in the root of the new organization; org.yaml places it in ${to}`
      : `parent differs: ${from} → ${to}`;
    const step = graph.add(
      Phase.moveAccount,
      {
        kind: 'moveAccount',
        address: accountAddress(id),
        accountId: id,
        reason,
        before: { parent: parentRef(from), accountName: account?.name ?? desiredIndex.accounts.get(id)?.account.name ?? '' },
        after: { parent: parentRef(to) },
      },
      [ready.of(to), organization],
    );
    moveOf.set(id, step);
    pushTo(movesOutOf, liveDocument.accounts[id]!.parentPath, step);
  }
  return movesOutOf;
}

function planDeletes(ctx: OrganizationContext, ready: ReadyPaths, movesOutOf: ReadonlyMap<string, readonly StepRef[]>): void {
  const { desired, notes, tree, matching, liveDocument, desiredDocument } = ctx;
  const removed = new Set(ctx.changes.removedOus);
  if (removed.size === 0) return;
  if (!desired.options.pruneOrganizationalUnits) return noteUndeclaredOus(ctx, removed);

  const ouByPath = new Map<string, LiveOu>();
  for (const ou of tree.ousTopDown) {
    const path = matching.futurePathById.get(ou.id)!;
    if (removed.has(path)) ouByPath.set(path, ou);
  }
  const unlistedIn = new Map<string, string[]>();
  for (const [id, { parentPath }] of Object.entries(liveDocument.accounts)) {
    if (removed.has(parentPath) && !Object.hasOwn(desiredDocument.accounts, id)) pushTo(unlistedIn, parentPath, id);
  }
  const childrenOf = new Map<string, string[]>();
  for (const path of removed) {
    const parent = parentPathOf(path);
    if (removed.has(parent)) pushTo(childrenOf, parent, path);
  }

  const kept = new Set<string>();
  const deleted = new Map<string, StepRef>();
  const bottomUp = [...removed].sort((a, b) => depthOf(b) - depthOf(a) || byCodeUnit(a, b));
  for (const path of bottomUp) {
    const children = childrenOf.get(path) ?? [];
    const unlisted = unlistedIn.get(path) ?? [];
    if (unlisted.length > 0) {
      notes.error(
        NoteCode.ouNotEmpty,
        `OU ${path} is not in org.yaml and pruneOrganizationalUnits would delete it, but it holds ${plural(unlisted.length, 'account')} ` +
          `org.yaml does not place anywhere (${listSome(unlisted)}); declare where they go in org.yaml, or move them out, ` +
          'before it (and the OUs above it) can be deleted.',
        { address: ouAddress(path) },
      );
    }
    if (unlisted.length > 0 || children.some((child) => kept.has(child))) {
      kept.add(path);
      continue;
    }
    const ou = ouByPath.get(path)!;
    const step = ctx.graph.add(
      Phase.deleteOrganizationalUnit,
      {
        kind: 'deleteOrganizationalUnit',
        address: ouAddress(path),
        reason: 'not in org.yaml, and pruneOrganizationalUnits is on',
        before: { path, name: ou.name, id: ou.id },
        after: null,
      },
      [...(movesOutOf.get(path) ?? []), ...children.map((child) => deleted.get(child)), ready.of(path)],
    );
    deleted.set(path, step);
  }
}

/** One warning per undeclared subtree, at its top. */
function noteUndeclaredOus(ctx: OrganizationContext, removed: ReadonlySet<string>): void {
  const below = new Map<string, number>();
  for (const path of removed) {
    let top = path;
    while (removed.has(parentPathOf(top))) top = parentPathOf(top);
    below.set(top, (below.get(top) ?? 0) + (top === path ? 0 : 1));
  }
  for (const [top, count] of [...below].sort(([a], [b]) => byCodeUnit(a, b))) {
    ctx.notes.warn(
      NoteCode.ouNotDeclared,
      `OU ${top}${count > 0 ? ` (and ${plural(count, 'OU')} below it)` : ''} is in the organization but not in org.yaml; ` +
        'it is kept because pruneOrganizationalUnits is off.',
      { address: ouAddress(top) },
    );
  }
}

function noteAccounts(ctx: OrganizationContext, liveAccounts: ReadonlyMap<string, LiveAccount>): void {
  const { desired, live, notes, changes, desiredIndex, liveDocument } = ctx;

  for (const id of changes.addedAccounts) {
    const placed = desiredIndex.accounts.get(id)!;
    const message = live.organization
      ? `account ${id} is declared in org.yaml but is not in the organization; invite it (or create it) first, or remove it from org.yaml.`
      : `account ${id} is declared in org.yaml, but there is no organization yet, so only the management account can be placed; ` +
        'declare it once it has joined.';
    notes.error(NoteCode.accountNotFound, message, { address: accountAddress(id), source: placed.account.at });
  }

  if (changes.removedAccounts.length > 0) {
    const described = changes.removedAccounts.map((id) => {
      const name = liveAccounts.get(id)?.name;
      return `${id}${name ? ` (${name})` : ''} in ${liveDocument.accounts[id]!.parentPath}`;
    });
    const what = `${plural(described.length, 'account')} in the organization ${described.length === 1 ? 'is' : 'are'} not in org.yaml: ${listSome(described)}`;
    if (desired.options.unlistedAccounts === 'error') {
      notes.error(NoteCode.unlistedAccounts, `${what}; declare where they belong in org.yaml, or set options.unlistedAccounts to ignore.`);
    } else {
      notes.warn(NoteCode.unlistedAccounts, `${what}; orgctl leaves them where they are (options.unlistedAccounts: ignore).`);
    }
  }

  for (const [id, { account }] of desiredIndex.accounts) {
    const found = liveAccounts.get(id);
    if (!found) continue;
    // A closed account (closed: true) is expected to be PENDING_CLOSURE or SUSPENDED.
    if (found.state !== 'ACTIVE' && !account.closed) {
      notes.warn(NoteCode.accountNotActive, `account ${id} (${found.name}) is ${found.state}, not ACTIVE.`, {
        address: accountAddress(id),
        source: account.at,
      });
    }
    // ACTIVE accounts are renamed (plan-accounts.ts); the others cannot be.
    if (account.name !== undefined && account.name !== found.name && found.state !== 'ACTIVE') {
      notes.warn(
        NoteCode.accountNameDiffers,
        `account ${id} is named "${account.name}" in org.yaml but "${found.name}" in AWS; orgctl renames only ACTIVE accounts, and this one is ${found.state}, so update org.yaml to match.`,
        { address: accountAddress(id), source: account.at },
      );
    }
  }
}

export function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
