// The organization and its OU tree, through the real @aws-sdk/client-organizations.

import {
  CreateOrganizationalUnitCommand,
  DeleteOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  DescribeOrganizationalUnitCommand,
  ListChildrenCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListRootsCommand,
  CreateOrganizationCommand,
  DeleteOrganizationCommand,
  UpdateOrganizationalUnitCommand,
} from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import { FULL_PAGES, useEmulator } from '../support/emulator.js';
import { MANAGEMENT, awsError, createAccount, createOrganization, createOu, orgs } from './helpers.js';

describe('Organizations: the organization and the OU tree', () => {
  // These tests read single pages with raw SDK commands and check what each holds, so every page is full
  // here (FULL_PAGES): no injected empty page or trailing NextToken.
  const emulator = useEmulator({ ...FULL_PAGES, createAccountDelayMs: 0, quotas: { maxOrganizationalUnits: 8 } });
  const client = () => orgs(emulator().clientConfig);

  it('starts as a standalone account: DescribeOrganization says AWSOrganizationsNotInUseException (404)', async () => {
    const error = await awsError(client().send(new DescribeOrganizationCommand({})));
    expect(error).toMatchObject({ name: 'AWSOrganizationsNotInUseException', status: 404 });
    expect((await awsError(client().send(new ListRootsCommand({})))).name).toBe('AWSOrganizationsNotInUseException');
  });

  it('CreateOrganization makes the caller the management account, with one root where SCPs are enabled', async () => {
    const created = await client().send(new CreateOrganizationCommand({}));
    expect(created.Organization).toMatchObject({ FeatureSet: 'ALL', MasterAccountId: MANAGEMENT, MasterAccountEmail: 'management@example.com' });
    expect(created.Organization?.Id).toMatch(/^o-[a-z0-9]{10,32}$/);
    expect(created.Organization?.Arn).toBe(`arn:aws:organizations::${MANAGEMENT}:organization/${created.Organization?.Id}`);
    const described = await client().send(new DescribeOrganizationCommand({}));
    expect(described.Organization?.Id).toBe(created.Organization?.Id);
    const roots = await client().send(new ListRootsCommand({}));
    expect(roots.Roots).toHaveLength(1);
    expect(roots.Roots?.[0]?.Id).toMatch(/^r-[0-9a-z]{4,32}$/);
    expect(roots.Roots?.[0]?.PolicyTypes).toEqual([{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }]);
    expect((await awsError(client().send(new CreateOrganizationCommand({}))))).toMatchObject({ name: 'AlreadyInOrganizationException', status: 409 });
  });

  it('OU IDs embed the root ID, and DescribeOrganizationalUnit / ListOrganizationalUnitsForParent / ListParents agree', async () => {
    const rootId = await createOrganization(client());
    const prod = await createOu(client(), rootId, 'Prod');
    const web = await createOu(client(), prod, 'Web');
    expect(prod).toMatch(new RegExp(`^ou-${rootId.slice(2)}-[a-z0-9]{8,32}$`));
    const described = await client().send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: web }));
    expect(described.OrganizationalUnit).toMatchObject({ Id: web, Name: 'Web' });
    expect(described.OrganizationalUnit?.Path).toMatch(new RegExp(`^o-[a-z0-9]+/${rootId}/${prod}/${web}/$`));
    const underRoot = await client().send(new ListOrganizationalUnitsForParentCommand({ ParentId: rootId }));
    expect(underRoot.OrganizationalUnits?.map((o) => o.Name)).toEqual(['Prod']);
    expect((await client().send(new ListParentsCommand({ ChildId: web }))).Parents).toEqual([{ Id: prod, Type: 'ORGANIZATIONAL_UNIT' }]);
    expect((await client().send(new ListParentsCommand({ ChildId: prod }))).Parents).toEqual([{ Id: rootId, Type: 'ROOT' }]);
    expect((await client().send(new ListParentsCommand({ ChildId: MANAGEMENT }))).Parents).toEqual([{ Id: rootId, Type: 'ROOT' }]);
  });

  it('ListChildren lists OUs or accounts, direct children only', async () => {
    const rootId = await createOrganization(client());
    const prod = await createOu(client(), rootId, 'Prod');
    await createOu(client(), prod, 'Nested');
    const account = await createAccount(client(), 'App');
    const ous = await client().send(new ListChildrenCommand({ ParentId: rootId, ChildType: 'ORGANIZATIONAL_UNIT' }));
    expect(ous.Children).toEqual([{ Id: prod, Type: 'ORGANIZATIONAL_UNIT' }]);
    const accounts = await client().send(new ListChildrenCommand({ ParentId: rootId, ChildType: 'ACCOUNT' }));
    expect(accounts.Children?.map((c) => c.Id).sort()).toEqual([MANAGEMENT, account].sort());
  });

  it('OU names are unique among siblings only: DuplicateOrganizationalUnitException (409)', async () => {
    const rootId = await createOrganization(client());
    const prod = await createOu(client(), rootId, 'Prod');
    const dev = await createOu(client(), rootId, 'Dev');
    const error = await awsError(client().send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Prod' })));
    expect(error).toMatchObject({ name: 'DuplicateOrganizationalUnitException', status: 409, message: 'An OU with the same name already exists.' });
    await expect(createOu(client(), prod, 'Prod')).resolves.toMatch(/^ou-/); // a cousin may share the name
    const rename = await awsError(client().send(new UpdateOrganizationalUnitCommand({ OrganizationalUnitId: dev, Name: 'Prod' })));
    expect(rename.name).toBe('DuplicateOrganizationalUnitException');
  });

  it('UpdateOrganizationalUnit renames in place: same ID, same children', async () => {
    const rootId = await createOrganization(client());
    const prod = await createOu(client(), rootId, 'Prod');
    const child = await createOu(client(), prod, 'Child');
    const renamed = await client().send(new UpdateOrganizationalUnitCommand({ OrganizationalUnitId: prod, Name: 'Production' }));
    expect(renamed.OrganizationalUnit).toMatchObject({ Id: prod, Name: 'Production' });
    expect((await client().send(new ListParentsCommand({ ChildId: child }))).Parents?.[0]?.Id).toBe(prod);
  });

  it('OUs nest at most five levels under the root: ConstraintViolationException OU_DEPTH_LIMIT_EXCEEDED', async () => {
    let parent = await createOrganization(client());
    for (let level = 1; level <= 5; level++) parent = await createOu(client(), parent, `L${level}`);
    const error = await awsError(client().send(new CreateOrganizationalUnitCommand({ ParentId: parent, Name: 'L6' })));
    expect(error).toMatchObject({ name: 'ConstraintViolationException', status: 409, reason: 'OU_DEPTH_LIMIT_EXCEEDED' });
  });

  it('the OU quota gives ConstraintViolationException OU_NUMBER_LIMIT_EXCEEDED', async () => {
    const rootId = await createOrganization(client());
    for (let i = 0; i < 8; i++) await createOu(client(), rootId, `OU${i}`);
    const error = await awsError(client().send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'one too many' })));
    expect(error).toMatchObject({ name: 'ConstraintViolationException', reason: 'OU_NUMBER_LIMIT_EXCEEDED' });
  });

  it('deleting an OU that holds an OU or an account fails with OrganizationalUnitNotEmptyException; an empty one goes', async () => {
    const rootId = await createOrganization(client());
    const prod = await createOu(client(), rootId, 'Prod');
    const child = await createOu(client(), prod, 'Child');
    expect(await awsError(client().send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: prod })))).toMatchObject({ name: 'OrganizationalUnitNotEmptyException', status: 409 });
    await client().send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: child }));
    await client().send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: prod }));
    expect(await awsError(client().send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: prod })))).toMatchObject({ name: 'OrganizationalUnitNotFoundException', status: 404 });
  });

  it('missing parents and children are 404s; malformed IDs are InvalidInputException INVALID_PATTERN', async () => {
    const rootId = await createOrganization(client());
    const missingOu = `ou-${rootId.slice(2)}-zzzzzzzz`;
    expect((await awsError(client().send(new CreateOrganizationalUnitCommand({ ParentId: missingOu, Name: 'x' })))).name).toBe('ParentNotFoundException');
    expect((await awsError(client().send(new ListChildrenCommand({ ParentId: missingOu, ChildType: 'ACCOUNT' })))).name).toBe('ParentNotFoundException');
    expect((await awsError(client().send(new ListParentsCommand({ ChildId: '999999999999' })))).name).toBe('ChildNotFoundException');
    expect(await awsError(client().send(new CreateOrganizationalUnitCommand({ ParentId: 'not-an-id', Name: 'x' })))).toMatchObject({ name: 'InvalidInputException', status: 400, reason: 'INVALID_PATTERN' });
    expect(await awsError(client().send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: '' })))).toMatchObject({ name: 'InvalidInputException', reason: 'MIN_LENGTH_EXCEEDED' });
  });

  it('DeleteOrganization refuses while member accounts remain, then leaves a standalone account', async () => {
    await createOrganization(client());
    await createAccount(client(), 'Member');
    expect((await awsError(client().send(new DeleteOrganizationCommand({}))))).toMatchObject({ name: 'OrganizationNotEmptyException' });
    emulator().reset();
    await createOrganization(client());
    await client().send(new DeleteOrganizationCommand({}));
    expect((await awsError(client().send(new DescribeOrganizationCommand({})))).name).toBe('AWSOrganizationsNotInUseException');
  });
});
