// Import writes trusted access and delegated administrators, and the imported file plans nothing:
// against our emulator and against moto, an organization with enabled services and delegated
// administrators (one service with two) → `orgctl import` → validate → `plan --detailed-exitcode`
// exits 0 with no steps, and the end-state oracle finds what the imported file declares.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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
import type { Plan } from '../../src/model/plan.js';
import { EMULATOR_BACKEND, type EndState, expectedEndState, expectEndStateMatches, MOTO_BACKEND, readEndState, type Backend } from '../support/end-state/index.js';
import { useEmulator } from '../support/emulator.js';
import { describeWithMoto, MOTO_CREDENTIALS, motoClientConfig, useMoto } from '../support/moto.js';
import { emulatorPort } from '../workflow/support/emulator-world.js';
import { runOrgctl, tempDir } from './support/run-orgctl.js';

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

function roundTrip(target: Target): void {
  it('writes both sections as AWS has them, and the file plans nothing', async () => {
    const client = target.client();
    await client.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const a = await createAccount(client, 'security');
    const b = await createAccount(client, 'logs');
    for (const principal of ['sso.amazonaws.com', 'macie.amazonaws.com', 'guardduty.amazonaws.com']) await client.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: principal }));
    for (const [accountId, principal] of [[a, 'guardduty.amazonaws.com'], [b, 'macie.amazonaws.com'], [a, 'macie.amazonaws.com']] as const) {
      await client.send(new RegisterDelegatedAdministratorCommand({ AccountId: accountId, ServicePrincipal: principal }));
    }
    const before = await target.endState();
    const { dir, remove } = await tempDir();
    try {
      const imported = await runOrgctl(['import'], { cwd: dir, port: target.port() });
      expect(imported.code).toBe(0);
      const text = await readFile(join(dir, 'org.yaml'), 'utf8');
      const macie = [a, b].sort().map((id) => `"${id}"`).join(', ');
      expect(text).toContain(
        [
          '  trustedServices:',
          '    - guardduty.amazonaws.com',
          '    - macie.amazonaws.com',
          '    - sso.amazonaws.com',
          '  delegatedAdministrators:',
          `    guardduty.amazonaws.com: "${a}"`,
          `    macie.amazonaws.com: [${macie}]`,
          'root:',
        ].join('\n'),
      );
      const validated = await runOrgctl(['validate'], { cwd: dir });
      expect([validated.code, validated.stderr]).toEqual([0, '']);
      const planned = await runOrgctl(['plan', '--detailed-exitcode', '--format', 'json'], { cwd: dir, port: target.port() });
      const plan = JSON.parse(planned.stdout) as Plan;
      expect([plan.steps, plan.errors, planned.code]).toEqual([[], [], 0]);
      expectEndStateMatches(await target.endState(), expectedEndState(text, before), { knownGaps: Object.values(target.backend.gaps) });
    } finally {
      await remove();
    }
  });
}

describe('import round trip with service access: emulator', () => {
  const emulator = useEmulator({ createAccountDelayMs: 0 });
  roundTrip({
    port: () => emulatorPort(emulator().url),
    client: () => new OrganizationsClient(emulator().clientConfig),
    endState: () => readEndState({ endpoint: emulator().url }),
    backend: EMULATOR_BACKEND,
  });
});

describeWithMoto('import round trip with service access: moto', () => {
  const moto = useMoto({ port: { rateScale: 200 } });
  roundTrip({
    port: () => moto.port,
    client: () => new OrganizationsClient(motoClientConfig(moto.url)),
    endState: () => readEndState({ endpoint: moto.url, credentials: MOTO_CREDENTIALS, backend: MOTO_BACKEND }),
    backend: MOTO_BACKEND,
  });
});
