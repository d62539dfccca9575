// Accounts: CreateAccount and CloseAccount as asynchronous state machines, MoveAccount and all its
// errors, Status and State, quotas. Time is a fake clock, so "asynchronous" is deterministic.

import {
  CloseAccountCommand,
  CreateAccountCommand,
  DescribeAccountCommand,
  DescribeCreateAccountStatusCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListCreateAccountStatusCommand,
  MoveAccountCommand,
} from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import { FULL_PAGES, startTestEmulator, useEmulator } from '../support/emulator.js';
import { MANAGEMENT, awsError, bigOrganization, createOrganization, createOu, fakeClock, orgs } from './helpers.js';

const clock = fakeClock();
const DELAY = 60_000;

describe('Organizations: accounts', () => {
  // These tests read single pages with raw SDK commands and check what each holds, so every page is full
  // here (FULL_PAGES): no injected empty page or trailing NextToken.
  const emulator = useEmulator({ ...FULL_PAGES, now: clock.now, createAccountDelayMs: DELAY, closeAccountDelayMs: DELAY, quotas: { maxAccounts: 12 } });
  const client = () => orgs(emulator().clientConfig);

  async function created(name: string): Promise<string> {
    const out = await client().send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }));
    clock.advance(DELAY);
    const status = await client().send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: out.CreateAccountStatus?.Id }));
    return status.CreateAccountStatus?.AccountId ?? '';
  }

  it('CreateAccount answers IN_PROGRESS, then SUCCEEDED once the creation time has passed; the account lands in the root', async () => {
    const rootId = await createOrganization(client());
    const out = await client().send(new CreateAccountCommand({ AccountName: 'App', Email: 'app@example.com', Tags: [{ Key: 'team', Value: 'web' }] }));
    expect(out.CreateAccountStatus).toMatchObject({ State: 'IN_PROGRESS', AccountName: 'App' });
    expect(out.CreateAccountStatus?.Id).toMatch(/^car-[a-z0-9]{8,32}$/);
    expect(out.CreateAccountStatus?.AccountId).toBeUndefined();
    const id = out.CreateAccountStatus?.Id;
    clock.advance(DELAY - 1);
    expect((await client().send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: id }))).CreateAccountStatus?.State).toBe('IN_PROGRESS');
    expect((await client().send(new ListAccountsCommand({}))).Accounts).toHaveLength(1);
    clock.advance(1);
    const done = (await client().send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: id }))).CreateAccountStatus;
    expect(done?.State).toBe('SUCCEEDED');
    expect(done?.AccountId).toMatch(/^\d{12}$/);
    expect(done?.CompletedTimestamp).toBeInstanceOf(Date);
    const inRoot = await client().send(new ListAccountsForParentCommand({ ParentId: rootId }));
    expect(inRoot.Accounts?.map((a) => a.Id).sort()).toEqual([MANAGEMENT, done?.AccountId].sort());
  });

  it('accounts carry both Status and State, an ARN, Paths and JoinedMethod', async () => {
    const rootId = await createOrganization(client());
    const id = await created('app');
    const account = (await client().send(new DescribeAccountCommand({ AccountId: id }))).Account;
    expect(account).toMatchObject({ Id: id, Name: 'app', Email: 'app@example.com', Status: 'ACTIVE', State: 'ACTIVE', JoinedMethod: 'CREATED' });
    expect(account?.Arn).toMatch(new RegExp(`^arn:aws:organizations::${MANAGEMENT}:account/o-[a-z0-9]+/${id}$`));
    expect(account?.Paths).toEqual([expect.stringMatching(new RegExp(`/${rootId}/${id}/$`))]);
    expect((await awsError(client().send(new DescribeAccountCommand({ AccountId: '000000000000' }))))).toMatchObject({ name: 'AccountNotFoundException', status: 404 });
  });

  it('a second account with a taken email FAILS asynchronously with EMAIL_ALREADY_EXISTS, not with an exception', async () => {
    await createOrganization(client());
    const out = await client().send(new CreateAccountCommand({ AccountName: 'Dup', Email: 'management@example.com' }));
    expect(out.CreateAccountStatus?.State).toBe('IN_PROGRESS');
    clock.advance(DELAY);
    const status = (await client().send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: out.CreateAccountStatus?.Id }))).CreateAccountStatus;
    expect(status).toMatchObject({ State: 'FAILED', FailureReason: 'EMAIL_ALREADY_EXISTS' });
    const failed = await client().send(new ListCreateAccountStatusCommand({ States: ['FAILED'] }));
    expect(failed.CreateAccountStatuses?.map((s) => s.Id)).toEqual([out.CreateAccountStatus?.Id]);
  });

  it('at most five creations run at once (ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED), and the account quota holds (ACCOUNT_NUMBER_LIMIT_EXCEEDED)', async () => {
    await createOrganization(client());
    for (let i = 0; i < 5; i++) await client().send(new CreateAccountCommand({ AccountName: `a${i}`, Email: `a${i}@example.com` }));
    expect(await awsError(client().send(new CreateAccountCommand({ AccountName: 'a5', Email: 'a5@example.com' })))).toMatchObject({
      name: 'ConstraintViolationException',
      reason: 'ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED',
    });
    clock.advance(DELAY);
    for (let i = 5; i < 10; i++) await client().send(new CreateAccountCommand({ AccountName: `a${i}`, Email: `a${i}@example.com` }));
    clock.advance(DELAY);
    await client().send(new CreateAccountCommand({ AccountName: 'a10', Email: 'a10@example.com' })); // 12th of 12
    expect(await awsError(client().send(new CreateAccountCommand({ AccountName: 'a11', Email: 'a11@example.com' })))).toMatchObject({
      name: 'ConstraintViolationException',
      reason: 'ACCOUNT_NUMBER_LIMIT_EXCEEDED',
    });
  });

  it('CreateAccount validates its input: a bad email or a reserved role name is InvalidInputException', async () => {
    await createOrganization(client());
    expect(await awsError(client().send(new CreateAccountCommand({ AccountName: 'x', Email: 'not-an-email' })))).toMatchObject({ name: 'InvalidInputException', reason: 'INVALID_PATTERN' });
    expect(await awsError(client().send(new CreateAccountCommand({ AccountName: 'x', Email: 'x@example.com', RoleName: 'AWSServiceRoleForX' })))).toMatchObject({
      name: 'InvalidInputException',
      reason: 'INVALID_ROLE_NAME',
    });
  });

  it('MoveAccount moves between parents, and answers every documented error', async () => {
    const rootId = await createOrganization(client());
    const prod = await createOu(client(), rootId, 'Prod');
    const dev = await createOu(client(), rootId, 'Dev');
    const id = await created('app');
    await client().send(new MoveAccountCommand({ AccountId: id, SourceParentId: rootId, DestinationParentId: prod }));
    expect((await client().send(new ListAccountsForParentCommand({ ParentId: prod }))).Accounts?.map((a) => a.Id)).toEqual([id]);
    const missingOu = `ou-${rootId.slice(2)}-zzzzzzzz`;
    const move = (accountId: string, source: string, destination: string) =>
      awsError(client().send(new MoveAccountCommand({ AccountId: accountId, SourceParentId: source, DestinationParentId: destination })));
    expect(await move('999999999999', prod, dev)).toMatchObject({ name: 'AccountNotFoundException', status: 404 });
    expect(await move(id, missingOu, dev)).toMatchObject({ name: 'SourceParentNotFoundException', status: 404 });
    expect(await move(id, prod, missingOu)).toMatchObject({ name: 'DestinationParentNotFoundException', status: 404 });
    expect(await move(id, prod, prod)).toMatchObject({ name: 'DuplicateAccountException', status: 409 });
    // A retried move that already happened reads as "already in the destination".
    expect(await move(id, rootId, prod)).toMatchObject({ name: 'DuplicateAccountException' });
    // Source exists but is not the account's parent (UNVERIFIED in AWS; default AccountNotFoundException).
    expect(await move(id, dev, rootId)).toMatchObject({ name: 'AccountNotFoundException' });
  });

  it('CloseAccount: PENDING_CLOSURE, then SUSPENDED/CLOSED; closing again is AccountAlreadyClosedException', async () => {
    await createOrganization(client());
    const id = await created('old');
    await client().send(new CloseAccountCommand({ AccountId: id }));
    const pending = (await client().send(new DescribeAccountCommand({ AccountId: id }))).Account;
    expect(pending).toMatchObject({ Status: 'PENDING_CLOSURE', State: 'PENDING_CLOSURE' });
    expect((await awsError(client().send(new CloseAccountCommand({ AccountId: id }))))).toMatchObject({ name: 'ConflictException' });
    clock.advance(DELAY);
    const closed = (await client().send(new DescribeAccountCommand({ AccountId: id }))).Account;
    expect(closed).toMatchObject({ Status: 'SUSPENDED', State: 'CLOSED' });
    expect((await awsError(client().send(new CloseAccountCommand({ AccountId: id }))))).toMatchObject({ name: 'AccountAlreadyClosedException', status: 409 });
    // Closed accounts stay listed.
    expect((await client().send(new ListAccountsCommand({}))).Accounts?.map((a) => a.Id)).toContain(id);
  });

  it('the management account cannot be closed, and only three closures run at once', async () => {
    await createOrganization(client());
    expect(await awsError(client().send(new CloseAccountCommand({ AccountId: MANAGEMENT })))).toMatchObject({
      name: 'ConstraintViolationException',
      reason: 'CANNOT_CLOSE_MANAGEMENT_ACCOUNT',
    });
    const ids = [];
    for (const name of ['a', 'b', 'c', 'd']) ids.push(await created(name));
    for (const id of ids.slice(0, 3)) await client().send(new CloseAccountCommand({ AccountId: id }));
    expect(await awsError(client().send(new CloseAccountCommand({ AccountId: ids[3] })))).toMatchObject({
      name: 'ConstraintViolationException',
      reason: 'CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED',
    });
    clock.advance(DELAY);
    await client().send(new CloseAccountCommand({ AccountId: ids[3] }));
  });

  it('closures are capped at max(250, 20 % of members) per rolling 30 days: CLOSE_ACCOUNT_QUOTA_EXCEEDED', async () => {
    const local = fakeClock();
    const big = await startTestEmulator({ snapshot: bigOrganization(260, 5), now: local.now, closeAccountDelayMs: 1 });
    try {
      const c = orgs(big.clientConfig);
      for (let i = 0; i < 250; i++) {
        await c.send(new CloseAccountCommand({ AccountId: String(300000000000 + i) }));
        local.advance(1); // let each closure finish, so only the 30-day quota can refuse
      }
      expect(await awsError(c.send(new CloseAccountCommand({ AccountId: String(300000000000 + 250) })))).toMatchObject({
        name: 'ConstraintViolationException',
        reason: 'CLOSE_ACCOUNT_QUOTA_EXCEEDED',
      });
      local.advance(30 * 24 * 3600 * 1000);
      await c.send(new CloseAccountCommand({ AccountId: String(300000000000 + 250) }));
    } finally {
      await big.stop();
    }
  });
});
