// Account lifecycle steps and notes: create the accounts org.yaml declares by email that no account has
// (then move each into its OU), rename accounts whose name differs, close accounts marked `closed: true`
// (after moving them to options.closedAccountsOu), within AWS's closure quota.

import { accountAddress } from '../../model/addresses.js';
import type { DesiredAccount } from '../../model/desired.js';
import type { LiveAccount } from '../../model/live.js';
import { ROOT_PATH } from '../../model/paths.js';
import { parentRef, ROOT_REF } from '../../model/refs.js';
import { listSome, NoteCode } from '../../planner/notes.js';
import type { StepRef } from '../../planner/step-graph.js';
import { plural } from '../../text/plural.js';
import { tagRecord } from '../tags/declared.js';
import { MAX_CREATIONS_IN_FLIGHT } from './account-lifecycle.js';
import { Phase, type OrganizationContext, type ReadyPaths } from './plan.js';

/** Account Management PutAccountName's AccountName: 1 to 50 characters of [ -;=?-~] (printable ASCII but < and >). */
const PUT_ACCOUNT_NAME = /^[ -;=?-~]{1,50}$/;
/** CreateAccount's published rate (aws-facts.md §3.1): a burst of 3, then one every 10 s. */
const CREATE_ACCOUNT_BURST = 3;
const CREATE_ACCOUNT_INTERVAL_S = 10;
/** An assumption for the estimate, not a published figure: AWS typically takes a few minutes per account. */
const ASSUMED_CREATION_MINUTES = 3;

/** AWS's closure quota (aws-facts.md §2.5, 6): in any 30 days, the higher of 250 and 20 % of member accounts, at most 1 000. */
export function closureQuota(memberAccounts: number): number {
  return Math.min(1000, Math.max(250, Math.floor(memberAccounts * 0.2)));
}

const CLOSED_STATES = new Set(['PENDING_CLOSURE', 'SUSPENDED', 'CLOSED']);

export function isClosed(account: LiveAccount): boolean {
  return CLOSED_STATES.has(account.state);
}

export function newAccountAddress(email: string): string {
  return accountAddress(email);
}

export function planAccountLifecycle(
  ctx: OrganizationContext,
  ready: ReadyPaths,
  organization: StepRef | undefined,
  liveAccounts: ReadonlyMap<string, LiveAccount>,
  moveOf: ReadonlyMap<string, StepRef>,
): void {
  planCreations(ctx, ready, organization);
  const closures: string[] = [];
  for (const [id, { account }] of ctx.desiredIndex.accounts) {
    const found = liveAccounts.get(id);
    if (!found) continue;
    checkEmail(ctx, id, account, found);
    noteCreationSettings(ctx, id, account);
    planRename(ctx, id, account, found);
    if (account.closed && !isClosed(found) && id !== ctx.desired.managementAccountId) {
      ctx.graph.add(
        Phase.closeAccount,
        {
          kind: 'closeAccount',
          address: accountAddress(id),
          accountId: id,
          reason: `org.yaml marks it closed: true; it is ${found.state}`,
          before: { name: found.name, state: found.state },
          after: null,
        },
        [moveOf.get(id)],
      );
      closures.push(`${id} (${found.name})`);
    }
  }
  noteClosures(ctx, closures, liveAccounts);
}

function planCreations(ctx: OrganizationContext, ready: ReadyPaths, organization: StepRef | undefined): void {
  const created: string[] = [];
  for (const { account, parentPath, email } of ctx.desiredIndex.newAccounts) {
    const address = newAccountAddress(email);
    if (account.closed) {
      ctx.notes.error(
        NoteCode.accountNotFound,
        `account ${email} is marked closed: true, but no account in the organization has that email; give its id, or remove the entry.`,
        { address, source: account.at },
      );
      continue;
    }
    const name = account.name ?? '';
    const create = ctx.graph.add(
      Phase.createAccount,
      {
        kind: 'createAccount',
        address,
        reason: 'no account in the organization has this email',
        before: null,
        // Its `tags:` go into CreateAccount; once it exists, the tags kind keeps them exactly as declared.
        after: { name, email, parent: parentRef(parentPath), ...(account.tags && { tags: tagRecord(account.tags) }), ...account.creation },
      },
      [organization],
    );
    created.push(`"${name}" (${email}) in ${parentPath}`);
    if (parentPath === ROOT_PATH) continue;
    ctx.graph.add(
      Phase.moveAccount,
      {
        kind: 'moveAccount',
        address,
        account: { type: 'account', email },
        reason: `a new account starts in the root; org.yaml places it in ${parentPath}`,
        before: { parent: ROOT_REF, accountName: name },
        after: { parent: parentRef(parentPath) },
      },
      [create, ready.of(parentPath)],
    );
  }
  if (created.length === 0) return;
  const n = created.length;
  // Starts are paced (a burst, then one per interval); at most 5 run at once, each taking minutes.
  const lastStartS = Math.max(0, n - CREATE_ACCOUNT_BURST) * CREATE_ACCOUNT_INTERVAL_S;
  const waves = Math.ceil(n / MAX_CREATIONS_IN_FLIGHT);
  const minutes = Math.max(Math.ceil(lastStartS / 60) + ASSUMED_CREATION_MINUTES, waves * ASSUMED_CREATION_MINUTES);
  ctx.notes.warn(
    NoteCode.accountsToCreate,
    `apply creates ${plural(n, 'account')}: ${listSome(created)}. AWS allows ${MAX_CREATIONS_IN_FLIGHT} creations in progress at once and starts ` +
      `${CREATE_ACCOUNT_BURST}, then one every ${CREATE_ACCOUNT_INTERVAL_S} s; at about ${ASSUMED_CREATION_MINUTES} minutes per account, expect about ${minutes} minutes. ` +
      'iamUserAccessToBilling and roleName are used only on creation: AWS cannot read them back, so later changes to them in org.yaml do nothing.',
  );
}

function checkEmail(ctx: OrganizationContext, id: string, account: DesiredAccount, found: LiveAccount): void {
  if (account.email === undefined || account.id === undefined) return;
  if (account.email.toLowerCase() === found.email.toLowerCase()) return;
  ctx.notes.error(
    NoteCode.accountEmailDiffers,
    `account ${id} has the email ${found.email} in AWS, but org.yaml gives ${account.email}; orgctl cannot change an account's email: ` +
      'correct org.yaml (or check that the id is the account you mean).',
    { address: accountAddress(id), source: account.at },
  );
}

function noteCreationSettings(ctx: OrganizationContext, id: string, account: DesiredAccount): void {
  if (account.creation === undefined) return;
  ctx.notes.warn(
    NoteCode.accountCreationSettingsIgnored,
    `account ${id} exists, so its ${Object.keys(account.creation).join(', ')} in org.yaml are not applied: they are used only when orgctl creates an account.`,
    { address: accountAddress(id), source: account.at },
  );
}

function planRename(ctx: OrganizationContext, id: string, account: DesiredAccount, found: LiveAccount): void {
  if (account.name === undefined || account.name === found.name || found.state !== 'ACTIVE' || account.closed) return;
  if (!PUT_ACCOUNT_NAME.test(account.name)) {
    ctx.notes.error(
      NoteCode.accountNameInvalid,
      `account ${id} is named "${found.name}" in AWS and "${account.name}" in org.yaml, which AWS does not accept as an account name ` +
        '(1 to 50 printable ASCII characters, no < or >); choose another name, or write the name AWS has.',
      { address: accountAddress(id), source: account.at },
    );
    return;
  }
  ctx.graph.add(Phase.renameAccount, {
    kind: 'renameAccount',
    address: accountAddress(id),
    accountId: id,
    reason: `named "${found.name}" in AWS`,
    before: { name: found.name },
    after: { name: account.name },
  });
}

function noteClosures(ctx: OrganizationContext, closures: readonly string[], liveAccounts: ReadonlyMap<string, LiveAccount>): void {
  if (closures.length === 0) return;
  const members = [...liveAccounts.values()].filter((a) => a.id !== ctx.live.organization?.managementAccountId).length;
  const quota = closureQuota(members);
  const what = `apply closes ${plural(closures.length, 'account')} (${listSome(closures)})`;
  const rule = `the higher of 250 and 20 % of the ${members} member accounts, at most 1 000; not adjustable`;
  if (closures.length > quota) {
    ctx.notes.error(
      NoteCode.closureQuotaExceeded,
      `${what}, but AWS allows ${quota} closures in any 30 days (${rule}); mark at most ${quota} accounts closed: true now, and the rest after 30 days.`,
    );
    return;
  }
  ctx.notes.warn(
    NoteCode.accountsToClose,
    `${what}: ${closures.length} of the ${quota} closures AWS allows in any 30 days (${rule}), closures of the last 30 days included, which orgctl cannot read. ` +
      'A closed account is SUSPENDED for 90 days (AWS Support can reopen it), then closed for good.',
  );
}
