// Carries out account creation, renaming and closure. Each is idempotent and resumable:
// - createAccount first looks for the account (by email, in the run's registry from the read just made) and
//   for a creation request already under way for it (listed once per run) (ListCreateAccountStatus names the account, not its
//   email, so an IN_PROGRESS request with the account's name is waited for and its result checked by
//   email), so a crash, a timeout or a re-run never creates a second account;
// - renameAccount is a PutAccountName of the wanted name (setting it twice is harmless);
// - closeAccount counts an account that is already closed or closing as done.

import { isAwsCallError } from '../../aws/errors.js';
import type { AwsPort, CreateAccountStatus } from '../../aws/port.js';
import type { AccountEmailRef } from '../../model/refs.js';
import type { IdRegistry } from '../../apply/id-registry.js';
import { StepPreconditionError, type StepContext } from '../../apply/step-context.js';
import { describeCreateAccountFailure } from './account-failures.js';
import type { CloseAccountStep, CreateAccountStep, RenameAccountStep } from './steps.js';

/** AWS allows 5 account creations in progress at once (aws-facts.md §2.6). */
export const MAX_CREATIONS_IN_FLIGHT = 5;
/** First wait between polls of DescribeCreateAccountStatus, doubled each poll up to the cap. */
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 10_000;
/** AWS usually creates an account in a few minutes; past this the step stops and a re-run adopts the request. */
const CREATION_DEADLINE_MS = 20 * 60_000;
/** ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED (someone else's creations fill the 5 slots): tries before giving up. */
const SLOT_ATTEMPTS = 6;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function createAccount(step: CreateAccountStep, ctx: StepContext): Promise<void> {
  const { port, ids } = ctx;
  const { email, name } = step.after;
  const ref: AccountEmailRef = { type: 'account', email };
  const sleep = ctx.sleep ?? defaultSleep;

  // The run's registry comes from the read made moments before: an account an earlier run created is in it.
  // (One created since then makes CreateAccount fail with EMAIL_ALREADY_EXISTS, and is adopted below.)
  const known = ids.findAfter(ref);
  if (known !== undefined) return ids.record(ref, known);

  // A request an earlier run started (and did not see finish): wait for it instead of starting another.
  for (const pending of await requestsInProgress(port, ids)) {
    if (pending.accountName !== name) continue;
    const done = await waitFor(port, pending, sleep);
    if (done.state === 'SUCCEEDED' && (await findInRoot(port, ctx, email)) === done.accountId) return ids.record(ref, done.accountId!);
  }

  const done = await waitFor(port, await startCreation(port, step, sleep), sleep);
  if (done.state === 'SUCCEEDED') return ids.record(ref, done.accountId!);
  // EMAIL_ALREADY_EXISTS for an account of this organization: an earlier attempt made it (a lost reply).
  const adopted = done.failureReason === 'EMAIL_ALREADY_EXISTS' ? await findInRoot(port, ctx, email) : undefined;
  if (adopted !== undefined) return ids.record(ref, adopted);
  throw new StepPreconditionError(describeCreateAccountFailure(name, email, done.failureReason));
}

/**
 * The creation requests IN_PROGRESS when the run's first creation starts, listed once per run (per ID
 * registry): only requests of earlier runs matter, and this run's own creations know their requests.
 */
const inProgressByRun = new WeakMap<IdRegistry, Promise<readonly CreateAccountStatus[]>>();

function requestsInProgress(port: AwsPort, ids: IdRegistry): Promise<readonly CreateAccountStatus[]> {
  let listed = inProgressByRun.get(ids);
  if (listed === undefined) {
    listed = port.listCreateAccountStatus(['IN_PROGRESS']);
    inProgressByRun.set(ids, listed);
    // A failed listing is not kept: the next creation of the run asks again.
    listed.catch(() => inProgressByRun.delete(ids));
  }
  return listed;
}

async function startCreation(port: AwsPort, step: CreateAccountStep, sleep: (ms: number) => Promise<void>): Promise<CreateAccountStatus> {
  const { name, email, tags, iamUserAccessToBilling, roleName } = step.after;
  for (let attempt = 1; ; attempt++) {
    try {
      return await port.createAccount({
        email,
        accountName: name,
        ...(tags !== undefined && { tags }),
        ...(iamUserAccessToBilling !== undefined && { iamUserAccessToBilling }),
        ...(roleName !== undefined && { roleName }),
      });
    } catch (error) {
      const slotsFull = isAwsCallError(error, 'constraint') && error.reason === 'ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED';
      if (!slotsFull || attempt >= SLOT_ATTEMPTS) throw error;
      await sleep(Math.min(MAX_POLL_MS, FIRST_POLL_MS * 2 ** (attempt + 2)));
    }
  }
}

/** Polls with backoff until the request is SUCCEEDED or FAILED. */
async function waitFor(port: AwsPort, status: CreateAccountStatus, sleep: (ms: number) => Promise<void>): Promise<CreateAccountStatus> {
  let waited = 0;
  let delay = FIRST_POLL_MS;
  while (status.state === 'IN_PROGRESS') {
    if (waited >= CREATION_DEADLINE_MS) {
      throw new StepPreconditionError(
        `the creation of account "${status.accountName}" (request ${status.requestId}) is still IN_PROGRESS after ${CREATION_DEADLINE_MS / 60_000} minutes; ` +
          'run apply again later: it waits for this request instead of starting another.',
      );
    }
    await sleep(delay);
    waited += delay;
    delay = Math.min(MAX_POLL_MS, delay * 2);
    status = await port.describeCreateAccountStatus(status.requestId);
  }
  return status;
}

/** The ID of the account with this email in the root (where CreateAccount puts it), as the run knows it or AWS lists it. */
async function findInRoot(port: AwsPort, ctx: StepContext, email: string): Promise<string | undefined> {
  const known = ctx.ids.findAfter({ type: 'account', email });
  if (known !== undefined) return known;
  const rootId = ctx.ids.resolveAfter({ type: 'root' });
  const wanted = email.toLowerCase();
  return (await port.listAccountsForParent(rootId)).find((a) => a.email.toLowerCase() === wanted)?.id;
}

export async function renameAccount(step: RenameAccountStep, { port, managementAccountId }: StepContext): Promise<void> {
  // The management account renames itself without AccountId: AWS refuses its own ID.
  const target = step.accountId === managementAccountId ? undefined : step.accountId;
  try {
    await port.putAccountName(target, step.after.name);
  } catch (error) {
    if (!isAwsCallError(error, 'accessDenied') || target === undefined) throw error;
    throw new StepPreconditionError(
      `AWS refused to rename account ${step.accountId} (${error.message}). Renaming a member account needs trusted access for ` +
        'account.amazonaws.com (aws organizations enable-aws-service-access --service-principal account.amazonaws.com) and account:PutAccountName.',
    );
  }
}

export async function closeAccount(step: CloseAccountStep, { port, managementAccountId }: StepContext): Promise<void> {
  if (step.accountId === managementAccountId) throw new StepPreconditionError(`account ${step.accountId} is the management account, which orgctl never closes`);
  try {
    await port.closeAccount(step.accountId);
  } catch (error) {
    // Closed (SUSPENDED, CLOSED) or closing (PENDING_CLOSURE, or a closure already requested): done.
    if (isAwsCallError(error) && (error.code === 'AccountAlreadyClosedException' || error.code === 'ConflictException')) return;
    if (isAwsCallError(error, 'constraint') && error.reason === 'CLOSE_ACCOUNT_QUOTA_EXCEEDED') {
      throw new StepPreconditionError(
        `AWS refused to close account ${step.accountId}: the closure quota for the last 30 days is used up (CLOSE_ACCOUNT_QUOTA_EXCEEDED; ` +
          'it is not adjustable). Close it once older closures leave the 30-day window.',
      );
    }
    throw error;
  }
}
