// IAM Identity Center permission sets through the real SDK, against our emulator and moto 5.2.1 (as
// moto-contract-service-access.test.ts does for trusted access). Part one: scenarios both pass. Part
// two: behaviour AWS documents, graded once; where moto answers differently (or has no such operation)
// the test is named "moto differs from AWS here: ..." and pins moto's answer. Those gaps limit the
// permission sets' plan → apply → re-plan against moto (test/workflow/apply-permission-sets.test.ts) to
// sets without `permissionsBoundary` and `tags:` (plan reads GetPermissionsBoundaryForPermissionSet and
// ListTagsForResource only for those, and ListTagsForResource for prune) and never provisioned (apply
// polls DescribePermissionSetProvisioningStatus); import, which reads every set whole, stops at them too.

import {
  AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  CreatePermissionSetCommand,
  DeleteInlinePolicyFromPermissionSetCommand,
  DeletePermissionSetCommand,
  DescribePermissionSetCommand,
  DescribePermissionSetProvisioningStatusCommand,
  DetachManagedPolicyFromPermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  ListTagsForResourceCommand,
  ProvisionPermissionSetCommand,
  PutInlinePolicyToPermissionSetCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  SSOAdminClient,
  UpdatePermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import { describe, expect, it } from 'vitest';
import { useEmulator, type SdkClientConfig } from '../support/emulator.js';
import { describeWithMoto, itWithMoto, motoClientConfig, useMoto } from '../support/moto.js';
import { MANAGEMENT } from './helpers.js';

const SSO_API = 'https://docs.aws.amazon.com/singlesignon/latest/APIReference';
const REGION = 'us-east-1';

/** 'ok', or the error's name. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return String((error as { name?: string }).name);
  }
}

async function instanceArn(client: SSOAdminClient): Promise<string> {
  const instances = (await client.send(new ListInstancesCommand({}))).Instances ?? [];
  return instances[0]?.InstanceArn ?? expect.fail('no Identity Center instance');
}

async function createSet(client: SSOAdminClient, InstanceArn: string, Name: string): Promise<string> {
  const out = await client.send(new CreatePermissionSetCommand({ InstanceArn, Name, Description: 'd', SessionDuration: 'PT4H', Tags: [{ Key: 'managed-by', Value: 'orgctl' }] }));
  return out.PermissionSet?.PermissionSetArn ?? expect.fail('no ARN');
}

function contract(client: () => SSOAdminClient): void {
  it('create, describe and list a permission set; update its description and duration', async () => {
    const sso = client();
    const InstanceArn = await instanceArn(sso);
    const PermissionSetArn = await createSet(sso, InstanceArn, 'Admin');
    expect((await sso.send(new ListPermissionSetsCommand({ InstanceArn }))).PermissionSets).toEqual([PermissionSetArn]);
    await sso.send(new UpdatePermissionSetCommand({ InstanceArn, PermissionSetArn, Description: 'Full administrator', SessionDuration: 'PT8H' }));
    const described = (await sso.send(new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn }))).PermissionSet;
    expect([described?.Name, described?.Description, described?.SessionDuration]).toEqual(['Admin', 'Full administrator', 'PT8H']);
  });

  it('attach and detach managed policies and customer managed policy references', async () => {
    const sso = client();
    const InstanceArn = await instanceArn(sso);
    const PermissionSetArn = await createSet(sso, InstanceArn, 'Admin');
    for (const ManagedPolicyArn of ['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess']) {
      await sso.send(new AttachManagedPolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn, ManagedPolicyArn }));
    }
    await sso.send(new DetachManagedPolicyFromPermissionSetCommand({ InstanceArn, PermissionSetArn, ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    const managed = (await sso.send(new ListManagedPoliciesInPermissionSetCommand({ InstanceArn, PermissionSetArn }))).AttachedManagedPolicies ?? [];
    expect(managed.map((p) => p.Arn)).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
    await sso.send(new AttachCustomerManagedPolicyReferenceToPermissionSetCommand({ InstanceArn, PermissionSetArn, CustomerManagedPolicyReference: { Name: 'Boundary', Path: '/' } }));
    const refs = (await sso.send(new ListCustomerManagedPolicyReferencesInPermissionSetCommand({ InstanceArn, PermissionSetArn }))).CustomerManagedPolicyReferences ?? [];
    expect(refs.map((r) => `${r.Path}${r.Name}`)).toEqual(['/Boundary']);
  });

  it('put, get and delete the inline policy', async () => {
    const sso = client();
    const InstanceArn = await instanceArn(sso);
    const PermissionSetArn = await createSet(sso, InstanceArn, 'Admin');
    const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}';
    await sso.send(new PutInlinePolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn, InlinePolicy: policy }));
    expect(JSON.parse((await sso.send(new GetInlinePolicyForPermissionSetCommand({ InstanceArn, PermissionSetArn }))).InlinePolicy ?? '')).toEqual(JSON.parse(policy));
    await sso.send(new DeleteInlinePolicyFromPermissionSetCommand({ InstanceArn, PermissionSetArn }));
    expect((await sso.send(new GetInlinePolicyForPermissionSetCommand({ InstanceArn, PermissionSetArn }))).InlinePolicy ?? '').toBe('');
  });

  it('delete a permission set that is provisioned nowhere', async () => {
    const sso = client();
    const InstanceArn = await instanceArn(sso);
    const PermissionSetArn = await createSet(sso, InstanceArn, 'Old');
    await sso.send(new DeletePermissionSetCommand({ InstanceArn, PermissionSetArn }));
    expect((await sso.send(new ListPermissionSetsCommand({ InstanceArn }))).PermissionSets ?? []).toEqual([]);
  });
}

describe('contract: emulator', () => {
  const emulator = useEmulator({ snapshot: { formatVersion: 1, accountId: MANAGEMENT, identityCenterInstances: [{ ownerAccountId: MANAGEMENT, region: REGION }] } });
  contract(() => new SSOAdminClient({ ...emulator().clientConfig, region: REGION }));
});

describeWithMoto('contract: moto', () => {
  const moto = useMoto();
  contract(() => new SSOAdminClient(motoClientConfig(moto.url)));
});

// ---- behaviour AWS documents

interface AwsBehaviour {
  readonly source: string;
  readonly aws: string;
  readonly run: (client: SSOAdminClient) => Promise<string>;
  readonly moto?: { readonly differs: string; readonly answer: string };
}

const BEHAVIOURS: readonly [string, AwsBehaviour][] = [
  [
    'a second permission set of the same name is ConflictException',
    {
      source: `${SSO_API}/API_CreatePermissionSet.html (ConflictException)`,
      aws: 'ConflictException',
      run: async (client) => {
        const InstanceArn = await instanceArn(client);
        await createSet(client, InstanceArn, 'Admin');
        return outcome(createSet(client, InstanceArn, 'Admin'));
      },
      moto: { differs: 'moto creates a second set with the same name', answer: 'ok' },
    },
  ],
  [
    'a permissions boundary is put and read back',
    {
      source: `${SSO_API}/API_PutPermissionsBoundaryToPermissionSet.html, API_GetPermissionsBoundaryForPermissionSet.html`,
      aws: 'ok',
      run: async (client) => {
        const InstanceArn = await instanceArn(client);
        const PermissionSetArn = await createSet(client, InstanceArn, 'Admin');
        const put = await outcome(client.send(new PutPermissionsBoundaryToPermissionSetCommand({ InstanceArn, PermissionSetArn, PermissionsBoundary: { ManagedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' } })));
        if (put !== 'ok') return put;
        const got = await client.send(new GetPermissionsBoundaryForPermissionSetCommand({ InstanceArn, PermissionSetArn }));
        return got.PermissionsBoundary?.ManagedPolicyArn === 'arn:aws:iam::aws:policy/PowerUserAccess' ? 'ok' : 'wrong boundary';
      },
      moto: { differs: 'moto has no PutPermissionsBoundaryToPermissionSet (its reply is not JSON: the SDK reports SyntaxError)', answer: 'SyntaxError' },
    },
  ],
  [
    'a permission set without a boundary is ResourceNotFoundException on GetPermissionsBoundaryForPermissionSet',
    {
      source: `${SSO_API}/API_GetPermissionsBoundaryForPermissionSet.html (ResourceNotFoundException)`,
      aws: 'ResourceNotFoundException',
      run: async (client) => {
        const InstanceArn = await instanceArn(client);
        const PermissionSetArn = await createSet(client, InstanceArn, 'Admin');
        return outcome(client.send(new GetPermissionsBoundaryForPermissionSetCommand({ InstanceArn, PermissionSetArn })));
      },
      moto: { differs: 'moto has no GetPermissionsBoundaryForPermissionSet (its reply is not JSON: the SDK reports SyntaxError)', answer: 'SyntaxError' },
    },
  ],
  [
    'the tags given to CreatePermissionSet are listed by ListTagsForResource',
    {
      source: `${SSO_API}/API_ListTagsForResource.html`,
      aws: 'managed-by=orgctl',
      run: async (client) => {
        const InstanceArn = await instanceArn(client);
        const ResourceArn = await createSet(client, InstanceArn, 'Admin');
        try {
          const tags = (await client.send(new ListTagsForResourceCommand({ InstanceArn, ResourceArn }))).Tags ?? [];
          return tags.map((t) => `${t.Key}=${t.Value}`).join(',');
        } catch (error) {
          return String((error as { name?: string }).name);
        }
      },
      moto: { differs: 'moto has no sso-admin ListTagsForResource (its reply is not JSON: the SDK reports SyntaxError)', answer: 'SyntaxError' },
    },
  ],
  [
    'provisioning is asynchronous: its status is read with DescribePermissionSetProvisioningStatus',
    {
      source: `${SSO_API}/API_ProvisionPermissionSet.html, API_DescribePermissionSetProvisioningStatus.html`,
      aws: 'ok',
      run: async (client) => {
        const InstanceArn = await instanceArn(client);
        const PermissionSetArn = await createSet(client, InstanceArn, 'Admin');
        const started = await client.send(new ProvisionPermissionSetCommand({ InstanceArn, PermissionSetArn, TargetType: 'AWS_ACCOUNT', TargetId: MANAGEMENT }));
        return outcome(client.send(new DescribePermissionSetProvisioningStatusCommand({ InstanceArn, ProvisionPermissionSetRequestId: started.PermissionSetProvisioningStatus?.RequestId })));
      },
      moto: { differs: 'moto has no DescribePermissionSetProvisioningStatus (its reply is not JSON: the SDK reports SyntaxError; its ProvisionPermissionSet answers SUCCEEDED at once)', answer: 'SyntaxError' },
    },
  ],
];

describe('AWS behaviour, emulator', () => {
  const emulator = useEmulator({ snapshot: { formatVersion: 1, accountId: MANAGEMENT, identityCenterInstances: [{ ownerAccountId: MANAGEMENT, region: REGION }] } });
  const config = (): SdkClientConfig => ({ ...emulator().clientConfig, region: REGION });
  for (const [title, behaviour] of BEHAVIOURS) {
    it(`${title}: the emulator answers as AWS documents (${behaviour.source})`, async () => {
      expect(await behaviour.run(new SSOAdminClient(config()))).toBe(behaviour.aws);
    });
  }
});

describeWithMoto('AWS behaviour, moto', () => {
  const moto = useMoto();
  for (const [title, behaviour] of BEHAVIOURS) {
    const differing = behaviour.moto;
    if (differing) {
      itWithMoto(`${title}: moto differs from AWS here: ${differing.differs}`, async () => {
        expect(differing.answer).not.toBe(behaviour.aws);
        expect(await behaviour.run(new SSOAdminClient(motoClientConfig(moto.url)))).toBe(differing.answer);
      });
    } else {
      itWithMoto(`${title}: moto answers as AWS documents`, async () => {
        expect(await behaviour.run(new SSOAdminClient(motoClientConfig(moto.url)))).toBe(behaviour.aws);
      });
    }
  }
});
