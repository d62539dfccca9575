// Organization policies through the real SDK, graded against what AWS documents, on our emulator and on
// moto 5.2.1 (as moto-contract.test.ts does for the tree). Where moto answers otherwise the test is named
// "moto differs from AWS here: ..." and pins moto's answer, so the policies convergence tests
// (test/workflow/apply-policies-oracle.test.ts) can say why they leave something out on moto instead of
// skipping it. Already pinned in moto-contract.test.ts: a new ALL-features root lists no policy types on
// moto, and moto detaches a target's last SCP.

import {
  AttachPolicyCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  DetachPolicyCommand,
  EnablePolicyTypeCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
  type PolicyType,
} from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import { FULL_PAGES, useEmulator } from '../support/emulator.js';
import { describeWithMoto, itWithMoto, motoClientConfig, useMoto } from '../support/moto.js';

const ORG_API = 'https://docs.aws.amazon.com/organizations/latest/APIReference';
const FACTS = 'aws-facts.md';

/** 'ok', or the error's name and Reason (HTTP status for a 5xx: not an AWS answer). */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    const e = error as { name?: string; Reason?: string; $metadata?: { httpStatusCode?: number } };
    const status = e.$metadata?.httpStatusCode ?? 0;
    if (status >= 500 || e.name === 'SyntaxError') return `HTTP ${status || 500}`;
    return e.Reason ? `${e.name} ${e.Reason}` : String(e.name);
  }
}

/** A new ALL-features organization with one OU; SCPs enabled on the root as AWS does (moto needs asking). */
async function organization(client: OrganizationsClient): Promise<{ rootId: string; ouId: string }> {
  await client.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const rootId = (await client.send(new ListRootsCommand({}))).Roots![0]!.Id!;
  await client.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'SERVICE_CONTROL_POLICY' })).catch(() => undefined);
  const ouId = (await client.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Workloads' }))).OrganizationalUnit!.Id!;
  return { rootId, ouId };
}

const enableType = (client: OrganizationsClient, RootId: string, PolicyType: PolicyType) => client.send(new EnablePolicyTypeCommand({ RootId, PolicyType }));
const createPolicy = (client: OrganizationsClient, Name: string, Type: PolicyType, Content: string) => client.send(new CreatePolicyCommand({ Name, Description: '', Type, Content }));
const SCP = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
const BACKUP = JSON.stringify({ plans: { Daily: { regions: { '@@assign': ['us-east-1'] } } } });

interface AwsBehaviour {
  readonly source: string;
  readonly aws: string;
  readonly run: (client: OrganizationsClient) => Promise<string>;
  readonly moto?: { readonly differs: string; readonly answer: string };
}

const BEHAVIOURS: readonly [string, AwsBehaviour][] = [
  [
    'a backup policy can be created once its type is enabled',
    {
      source: `${ORG_API}/API_CreatePolicy.html (Type: BACKUP_POLICY)`,
      aws: 'ok',
      run: async (client) => {
        const { rootId } = await organization(client);
        await enableType(client, rootId, 'BACKUP_POLICY');
        return outcome(createPolicy(client, 'DailyBackup', 'BACKUP_POLICY', BACKUP));
      },
      moto: { differs: 'CreatePolicy of a BACKUP_POLICY is an HTTP 500 (NotImplementedError: "The BACKUP_POLICY policy type has not been implemented")', answer: 'HTTP 500' },
    },
  ],
  [
    'a tag policy cannot be attached while its type is not enabled (PolicyTypeNotEnabledException)',
    {
      source: `${ORG_API}/API_AttachPolicy.html (PolicyTypeNotEnabledException)`,
      aws: 'PolicyTypeNotEnabledException',
      run: async (client) => {
        const { ouId } = await organization(client);
        const id = (await createPolicy(client, 'CostCenter', 'TAG_POLICY', '{"tags":{}}')).Policy!.PolicySummary!.Id!;
        return outcome(client.send(new AttachPolicyCommand({ PolicyId: id, TargetId: ouId })));
      },
      moto: { differs: 'it attaches a policy whose type is not enabled', answer: 'ok' },
    },
  ],
  [
    'enabling a type twice is PolicyTypeAlreadyEnabledException',
    {
      source: `${ORG_API}/API_EnablePolicyType.html (PolicyTypeAlreadyEnabledException)`,
      aws: 'PolicyTypeAlreadyEnabledException',
      run: async (client) => {
        const { rootId } = await organization(client);
        await enableType(client, rootId, 'TAG_POLICY');
        return outcome(enableType(client, rootId, 'TAG_POLICY'));
      },
    },
  ],
  [
    'enabling RCPs attaches RCPFullAWSAccess to the root, every OU and every account',
    {
      source: `${FACTS} §2.4 (RCPs: RCPFullAWSAccess is attached automatically everywhere)`,
      aws: 'ACCOUNT,ORGANIZATIONAL_UNIT,ROOT',
      run: async (client) => {
        const { rootId } = await organization(client);
        await enableType(client, rootId, 'RESOURCE_CONTROL_POLICY');
        const targets = (await client.send(new ListTargetsForPolicyCommand({ PolicyId: 'p-RCPFullAWSAccess' }))).Targets ?? [];
        return [...new Set(targets.map((t) => t.Type))].sort().join(',');
      },
    },
  ],
  [
    'RCPFullAWSAccess cannot be detached (NON_DETACHABLE_POLICY)',
    {
      source: `${FACTS} §2.4 and the DetachPolicy row (InvalidInput NON_DETACHABLE_POLICY)`,
      aws: 'InvalidInputException NON_DETACHABLE_POLICY',
      run: async (client) => {
        const { rootId, ouId } = await organization(client);
        await enableType(client, rootId, 'RESOURCE_CONTROL_POLICY');
        const rcp = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }] });
        const id = (await createPolicy(client, 'RequireTls', 'RESOURCE_CONTROL_POLICY', rcp)).Policy!.PolicySummary!.Id!;
        await client.send(new AttachPolicyCommand({ PolicyId: id, TargetId: ouId }));
        return outcome(client.send(new DetachPolicyCommand({ PolicyId: 'p-RCPFullAWSAccess', TargetId: ouId })));
      },
      moto: { differs: 'it detaches RCPFullAWSAccess', answer: 'ok' },
    },
  ],
  [
    'an 11th SCP on one target is MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
    {
      source: `${FACTS} (attached policies per target: SCP 10); ${ORG_API}/API_AttachPolicy.html (ConstraintViolationException)`,
      aws: 'ConstraintViolationException MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
      run: async (client) => {
        const { ouId } = await organization(client);
        // FullAWSAccess is the first.
        for (let i = 0; i < 9; i++) {
          const id = (await createPolicy(client, `Allow${i}`, 'SERVICE_CONTROL_POLICY', SCP(`s3:Get${i}`))).Policy!.PolicySummary!.Id!;
          await client.send(new AttachPolicyCommand({ PolicyId: id, TargetId: ouId }));
        }
        const eleventh = (await createPolicy(client, 'Allow10', 'SERVICE_CONTROL_POLICY', SCP('s3:Get10'))).Policy!.PolicySummary!.Id!;
        return outcome(client.send(new AttachPolicyCommand({ PolicyId: eleventh, TargetId: ouId })));
      },
      moto: { differs: 'it has no limit on attachments per target', answer: 'ok' },
    },
  ],
];

describe('policies, AWS behaviour: emulator', () => {
  const emulator = useEmulator({ ...FULL_PAGES, createAccountDelayMs: 0, rateLimits: false });
  for (const [title, behaviour] of BEHAVIOURS) {
    it(`${title}: the emulator answers as AWS documents`, async () => {
      const client = new OrganizationsClient(emulator().clientConfig);
      try {
        expect(await behaviour.run(client)).toBe(behaviour.aws);
      } finally {
        client.destroy();
      }
    });
  }
});

describeWithMoto('policies, AWS behaviour: moto', () => {
  const moto = useMoto();
  for (const [title, behaviour] of BEHAVIOURS) {
    const differing = behaviour.moto;
    const name = differing ? `${title}: moto differs from AWS here: ${differing.differs}` : `${title}: moto answers as AWS documents`;
    itWithMoto(name, async () => {
      const client = new OrganizationsClient({ ...motoClientConfig(moto.url), maxAttempts: 1 });
      try {
        if (differing) expect(differing.answer, 'a "moto differs" note must name an answer that is not AWS’s').not.toBe(behaviour.aws);
        expect(await behaviour.run(client)).toBe(differing ? differing.answer : behaviour.aws);
      } finally {
        client.destroy();
      }
    });
  }
});
