// Trusted access and delegated administrators, end to end through the real SDK port: plan, apply,
// re-plan, against our emulator and against moto. Each run must converge (the plan after the apply is
// empty) and the end-state oracle (test/support/end-state/service-access.ts), reading with its own SDK
// calls, must find what org.yaml declares. Delegated administrators use services moto also accepts
// (guardduty, macie): moto knows only six.

import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  DescribeCreateAccountStatusCommand,
  EnableAWSServiceAccessCommand,
  OrganizationsClient,
  RegisterDelegatedAdministratorCommand,
} from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import type { AwsPort } from '../../src/aws/port.js';
import type { DesiredOptions, DesiredOrg } from '../../src/model/desired.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { aDesiredOrg } from '../support/builders.js';
import { EMULATOR_BACKEND, type EndState, expectedEndState, expectEndStateMatches, MOTO_BACKEND, readEndState, type Backend } from '../support/end-state/index.js';
import { useEmulator } from '../support/emulator.js';
import { describeWithMoto, MOTO_CREDENTIALS, motoClientConfig, useMoto } from '../support/moto.js';
import { emulatorPort, FAST_RETRIES, MGMT } from './support/emulator-world.js';

const SHA = 'e'.repeat(64);

interface Target {
  port(): AwsPort;
  client(): OrganizationsClient;
  endState(): Promise<EndState>;
  readonly backend: Backend;
}

async function createAccount(client: OrganizationsClient, name: string): Promise<string> {
  const started = await client.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }));
  for (let i = 0; i < 200; i++) {
    const status = (await client.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: started.CreateAccountStatus?.Id }))).CreateAccountStatus;
    if (status?.State === 'SUCCEEDED') return status.AccountId ?? expect.fail('no account ID');
    await new Promise((r) => setTimeout(r, 5));
  }
  return expect.fail('CreateAccount never succeeded');
}

/** An organization with two member accounts in the root. */
async function organization(client: OrganizationsClient): Promise<{ a: string; b: string }> {
  await client.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  return { a: await createAccount(client, 'security'), b: await createAccount(client, 'logs') };
}

function desiredOf(accounts: readonly string[], trusted: readonly string[], delegated: Readonly<Record<string, readonly string[]>>, options: Partial<DesiredOptions> = {}): DesiredOrg {
  let builder = aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT).withOptions(options);
  for (const id of accounts) builder = builder.withAccount(id);
  return {
    ...builder.build(),
    trustedServices: trusted.map((principal) => ({ principal })),
    delegatedAdministrators: Object.entries(delegated).map(([principal, accountIds]) => ({ principal, accountIds })),
  };
}

/** Plan, apply, re-plan: converged, no failed step, an empty plan after, and the oracle agrees. Returns the applied step kinds. */
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

function scenarios(target: Target): void {
  it('enables trusted access, then registers the delegated administrator', async () => {
    const { a, b } = await organization(target.client());
    const steps = await applyAndCheck(target, desiredOf([a, b], ['guardduty.amazonaws.com', 'sso.amazonaws.com'], { 'guardduty.amazonaws.com': [a] }));
    expect(steps).toEqual([
      'enableServiceAccess trusted-access:guardduty.amazonaws.com',
      'enableServiceAccess trusted-access:sso.amazonaws.com',
      `registerDelegatedAdministrator delegated-administrator:guardduty.amazonaws.com/${a}`,
    ]);
  });

  it('with both prune options: deregisters, registers the listed account, disables what is not listed', async () => {
    const client = target.client();
    const { a, b } = await organization(client);
    for (const principal of ['guardduty.amazonaws.com', 'macie.amazonaws.com', 'ram.amazonaws.com']) await client.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: principal }));
    await client.send(new RegisterDelegatedAdministratorCommand({ AccountId: a, ServicePrincipal: 'macie.amazonaws.com' }));
    await client.send(new RegisterDelegatedAdministratorCommand({ AccountId: b, ServicePrincipal: 'guardduty.amazonaws.com' }));
    const desired = desiredOf([a, b], ['guardduty.amazonaws.com'], { 'guardduty.amazonaws.com': [a] }, { pruneTrustedServices: true, pruneDelegatedAdministrators: true });
    expect((await applyAndCheck(target, desired)).sort()).toEqual(
      [
        `deregisterDelegatedAdministrator delegated-administrator:guardduty.amazonaws.com/${b}`,
        `deregisterDelegatedAdministrator delegated-administrator:macie.amazonaws.com/${a}`,
        `registerDelegatedAdministrator delegated-administrator:guardduty.amazonaws.com/${a}`,
        'disableServiceAccess trusted-access:macie.amazonaws.com',
        'disableServiceAccess trusted-access:ram.amazonaws.com',
      ].sort(),
    );
  });

  it('without the prune options: replaces the listed service administrator, keeps and reports the rest', async () => {
    const client = target.client();
    const { a, b } = await organization(client);
    for (const principal of ['guardduty.amazonaws.com', 'macie.amazonaws.com']) await client.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: principal }));
    await client.send(new RegisterDelegatedAdministratorCommand({ AccountId: a, ServicePrincipal: 'macie.amazonaws.com' }));
    await client.send(new RegisterDelegatedAdministratorCommand({ AccountId: b, ServicePrincipal: 'guardduty.amazonaws.com' }));
    const desired = desiredOf([a, b], ['guardduty.amazonaws.com'], { 'guardduty.amazonaws.com': [a] });
    expect(await applyAndCheck(target, desired)).toEqual([
      `deregisterDelegatedAdministrator delegated-administrator:guardduty.amazonaws.com/${b}`,
      `registerDelegatedAdministrator delegated-administrator:guardduty.amazonaws.com/${a}`,
    ]);
    const after = await makePlan(target.port(), desired, SHA);
    expect(after.plan.warnings.map((w) => w.code).sort()).toEqual(['delegated-administrator-not-declared', 'trusted-service-not-declared']);
  });
}

describe('service access against the emulator', () => {
  const emulator = useEmulator({ createAccountDelayMs: 0 });
  scenarios({
    port: () => emulatorPort(emulator().url),
    client: () => new OrganizationsClient(emulator().clientConfig),
    endState: () => readEndState({ endpoint: emulator().url }),
    backend: EMULATOR_BACKEND,
  });
});

describeWithMoto('service access against moto', () => {
  const moto = useMoto({ port: { rateScale: 1000, retryPolicy: FAST_RETRIES } });
  scenarios({
    port: () => moto.port,
    client: () => new OrganizationsClient(motoClientConfig(moto.url)),
    endState: () => readEndState({ endpoint: moto.url, credentials: MOTO_CREDENTIALS, backend: MOTO_BACKEND }),
    backend: MOTO_BACKEND,
  });
});
