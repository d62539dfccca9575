// Tags on roots, OUs, accounts and policies: at most 50, validated as a whole.

import { ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand, CreateOrganizationalUnitCommand } from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import { FULL_PAGES, useEmulator } from '../support/emulator.js';
import { MANAGEMENT, awsError, createOrganization, orgs } from './helpers.js';

describe('Organizations: tags', () => {
  // These tests read single pages with raw SDK commands and check what each holds, so every page is full
  // here (FULL_PAGES): no injected empty page or trailing NextToken.
  const emulator = useEmulator(FULL_PAGES);
  const client = () => orgs(emulator().clientConfig);
  const tagsOf = async (id: string) => (await client().send(new ListTagsForResourceCommand({ ResourceId: id }))).Tags;

  it('TagResource adds or overwrites, UntagResource removes, ListTagsForResource lists', async () => {
    const rootId = await createOrganization(client());
    const ou = await client().send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Prod', Tags: [{ Key: 'env', Value: 'prod' }] }));
    const ouId = ou.OrganizationalUnit?.Id ?? '';
    expect(await tagsOf(ouId)).toEqual([{ Key: 'env', Value: 'prod' }]);
    await client().send(new TagResourceCommand({ ResourceId: ouId, Tags: [{ Key: 'env', Value: 'production' }, { Key: 'owner', Value: '' }] }));
    expect(await tagsOf(ouId)).toEqual([{ Key: 'env', Value: 'production' }, { Key: 'owner', Value: '' }]);
    await client().send(new UntagResourceCommand({ ResourceId: ouId, TagKeys: ['env'] }));
    expect(await tagsOf(ouId)).toEqual([{ Key: 'owner', Value: '' }]);
    for (const id of [rootId, MANAGEMENT, 'p-FullAWSAccess']) await client().send(new TagResourceCommand({ ResourceId: id, Tags: [{ Key: 'k', Value: 'v' }] }));
    expect(await tagsOf(MANAGEMENT)).toEqual([{ Key: 'k', Value: 'v' }]);
  });

  it('refuses more than 50 tags, duplicate keys, aws: keys, and unknown resources', async () => {
    await createOrganization(client());
    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await client().send(new TagResourceCommand({ ResourceId: MANAGEMENT, Tags: fifty }));
    expect(await awsError(client().send(new TagResourceCommand({ ResourceId: MANAGEMENT, Tags: [{ Key: 'one-more', Value: 'v' }] })))).toMatchObject({
      name: 'ConstraintViolationException',
      reason: 'MAX_TAG_LIMIT_EXCEEDED',
    });
    await client().send(new TagResourceCommand({ ResourceId: MANAGEMENT, Tags: [{ Key: 'k0', Value: 'overwrite is fine' }] }));
    const dup = [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }];
    expect(await awsError(client().send(new TagResourceCommand({ ResourceId: MANAGEMENT, Tags: dup })))).toMatchObject({ name: 'InvalidInputException', reason: 'DUPLICATE_TAG_KEY' });
    expect(await awsError(client().send(new TagResourceCommand({ ResourceId: MANAGEMENT, Tags: [{ Key: 'aws:x', Value: '1' }] })))).toMatchObject({
      name: 'InvalidInputException',
      reason: 'INVALID_SYSTEM_TAGS_PARAMETER',
    });
    expect(await awsError(client().send(new TagResourceCommand({ ResourceId: '999999999999', Tags: [{ Key: 'a', Value: '1' }] })))).toMatchObject({ name: 'TargetNotFoundException', status: 404 });
  });
});
