// The break-glass user org.yaml asks orgctl to create, end to end through the real SDK port: plan,
// apply, re-plan, against our emulator and against moto. Each run must converge (the plan after the
// apply is empty) and the end-state oracle (test/support/end-state/break-glass.ts), reading IAM with
// its own SDK calls, must find the user tagged, with AdministratorAccess, no keys and no password; a user
// that exists and orgctl did not create stays as it was.

import { AttachUserPolicyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsPort } from '../../src/aws/port.js';
import type { DesiredBreakGlassUser, DesiredOrg } from '../../src/model/desired.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { aDesiredOrg } from '../support/builders.js';
import { EMULATOR_BACKEND, type EndState, expectedEndState, expectEndStateMatches, MOTO_BACKEND, readEndState, type Backend } from '../support/end-state/index.js';
import { useEmulator } from '../support/emulator.js';
import { createSdkPort, type SdkPort } from '../../src/aws/sdk/create-sdk-port.js';
import { describeWithMoto, MOTO_CREDENTIALS, motoClientConfig, startMoto, type MotoServer } from '../support/moto.js';
import { emulatorPort, FAST_RETRIES, MGMT } from './support/emulator-world.js';

const SHA = 'e'.repeat(64);

interface Target {
  port(): AwsPort;
  organizations(): OrganizationsClient;
  iam(): IAMClient;
  endState(): Promise<EndState>;
  readonly backend: Backend;
}

function desiredOf(users: readonly DesiredBreakGlassUser[]): DesiredOrg {
  return { ...aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT).build(), security: { breakGlassUsers: users, identityCenter: 'optional', alternateContacts: [] } };
}

/** Plan, apply, re-plan: converged, no failed step, an empty plan after, and the oracle agrees. Returns the applied steps. */
async function applyAndCheck(target: Target, desired: DesiredOrg): Promise<string[]> {
  const before = await target.endState();
  const outcome = await runApplyWorkflow({ port: target.port(), desired, orgYamlSha256: SHA, confirm: async () => true });
  if (outcome.kind !== 'applied') throw new Error(`expected an apply, got ${outcome.kind}`);
  expect(outcome.run.results.filter((r) => r.status !== 'ok').map((r) => r.message)).toEqual([]);
  expect(outcome.converged).toBe(true);
  expect((await makePlan(target.port(), desired, SHA)).plan.steps).toEqual([]);
  expectEndStateMatches(await target.endState(), expectedEndState(desired, before), { knownGaps: Object.values(target.backend.gaps) });
  return outcome.plan.steps.map((s) => `${s.kind} ${s.address}`);
}

/** An organization (the moto suite keeps one server state across its tests: see below). */
async function organization(target: Target): Promise<void> {
  await target
    .organizations()
    .send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }))
    .catch((error: unknown) => {
      if ((error as { name?: string }).name !== 'AlreadyInOrganizationException') throw error;
    });
}

function scenarios(target: Target): void {
  it('creates the break-glass user with AdministratorAccess, then plans nothing', async () => {
    await organization(target);
    const steps = await applyAndCheck(target, desiredOf([{ name: 'break-glass', create: true }, { name: 'audited-only' }]));
    expect(steps).toEqual(['createBreakGlassUser break-glass-user:break-glass']);
    const state = (await target.endState()).breakGlass.users.get('break-glass');
    expect(state).toEqual({
      name: 'break-glass',
      tags: { 'managed-by': 'orgctl', 'orgctl:role': 'break-glass' },
      attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
      accessKeys: 0,
      hasPassword: false,
    });
  });

  it('finishes a creation an apply left without its policy, and leaves a user it did not create alone', async () => {
    await organization(target);
    const iam = target.iam();
    await iam.send(new CreateUserCommand({ UserName: 'half-made', Tags: [{ Key: 'managed-by', Value: 'orgctl' }, { Key: 'orgctl:role', Value: 'break-glass' }] }));
    await iam.send(new CreateUserCommand({ UserName: 'someone-elses', Tags: [{ Key: 'owner', Value: 'ops' }] }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'someone-elses', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    const steps = await applyAndCheck(target, desiredOf([{ name: 'half-made', create: true }, { name: 'someone-elses', create: true }]));
    expect(steps).toEqual(['createBreakGlassUser break-glass-user:half-made']);
    const users = (await target.endState()).breakGlass.users;
    expect(users.get('someone-elses')?.attachedPolicies).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(users.get('half-made')?.attachedPolicies).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
  });
}

describe('break-glass user against the emulator', () => {
  const emulator = useEmulator({ createAccountDelayMs: 0 });
  scenarios({
    port: () => emulatorPort(emulator().url),
    organizations: () => new OrganizationsClient(emulator().clientConfig),
    iam: () => new IAMClient(emulator().clientConfig),
    endState: () => readEndState({ endpoint: emulator().url }),
    backend: EMULATOR_BACKEND,
  });
});

describeWithMoto('break-glass user against moto', () => {
  // moto differs from AWS here: it knows no AWS managed policy (AttachUserPolicy of AdministratorAccess
  // answers NoSuchEntity) unless its environment asks it to load them. Loading them makes every reset
  // slow (seconds), so this suite starts moto once and does not reset it: each test uses its own user
  // names, and the oracle compares with the state before each apply.
  let moto: MotoServer | undefined;
  let port: SdkPort | undefined;
  const url = (): string => moto?.url ?? expect.fail('moto did not start');
  beforeAll(async () => {
    moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });
    port = createSdkPort({ endpoint: url(), credentials: MOTO_CREDENTIALS, rateScale: 1000, retryPolicy: FAST_RETRIES });
  });
  afterAll(async () => {
    port?.destroy();
    await moto?.stop();
  });
  scenarios({
    port: () => port ?? expect.fail('no port'),
    organizations: () => new OrganizationsClient(motoClientConfig(url())),
    iam: () => new IAMClient(motoClientConfig(url())),
    endState: () => readEndState({ endpoint: url(), credentials: MOTO_CREDENTIALS, backend: MOTO_BACKEND }),
    backend: MOTO_BACKEND,
  });
});
