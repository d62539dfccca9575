// The SDK adapter's audit calls through the real AWS SDK clients, against our emulator and against moto
// (an independent emulator) with the same scenario, seeded through the IAM and Account APIs.
// moto 5.2 implements GetAccountSummary, ListMFADevices, ListAccessKeys, Get/PutAlternateContact and
// ListInstances, but not ListOrganizationsFeatures (checked: it errors, and the audit says it cannot check).
// moto also creates an Identity Center instance in every region on its own, so that check differs by design.

import { AccountClient, PutAlternateContactCommand } from '@aws-sdk/client-account';
import { CreateAccessKeyCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/audit/build-audit-report.js';
import { readAuditInput } from '../../src/audit/read-audit-input.js';
import { isAwsCallError } from '../../src/aws/errors.js';
import { createSdkPort, type SdkPort } from '../../src/aws/sdk/create-sdk-port.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { describeWithMoto, startMoto, type MotoServer } from '../support/moto.js';
import { aSecurity } from './support.js';

const ACCOUNT = '123456789012';
const CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

interface Target {
  readonly url: string;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** The same calls on either endpoint: seed with the SDK, read through the port. */
function contract(name: string, start: () => Promise<Target>, quirks: { readonly listsFeatures: boolean; readonly instancesEverywhere: boolean; readonly reportsPassword: boolean }) {
  (name === 'moto' ? describeWithMoto : describe)(`the audit's port calls against ${name}`, () => {
    let target: Target;
    let port: SdkPort;
    let iam: IAMClient;
    let account: AccountClient;

    beforeAll(async () => {
      target = await start();
      const config = { endpoint: target.url, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 };
      iam = new IAMClient(config);
      account = new AccountClient(config);
    });
    afterAll(async () => {
      port?.destroy();
      iam?.destroy();
      account?.destroy();
      await target?.stop();
    });
    beforeEach(async () => {
      await target.reset();
      port?.destroy();
      port = createSdkPort({ endpoint: target.url, credentials: CREDENTIALS, maxAttempts: 1 });
    });

    it('GetAccountSummary: the root flags', async () => {
      const root = await port.getRootCredentialSummary();
      expect(root).toMatchObject({ accessKeysPresent: false, signingCertificatesPresent: false });
      expect(root.passwordPresent).toBe(quirks.reportsPassword ? true : undefined);
    });

    it('ListMFADevices and ListAccessKeys of a user; notFound for a user that does not exist', async () => {
      await iam.send(new CreateUserCommand({ UserName: 'break-glass' }));
      const { VirtualMFADevice } = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'break-glass-mfa' }));
      await iam.send(new EnableMFADeviceCommand({ UserName: 'break-glass', SerialNumber: VirtualMFADevice?.SerialNumber, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }));
      const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'break-glass' }));

      const devices = await port.listMfaDevices('break-glass');
      expect(devices).toEqual([{ serialNumber: VirtualMFADevice?.SerialNumber, enabledAt: expect.any(Number) }]);
      const keys = await port.listAccessKeys('break-glass');
      expect(keys).toEqual([{ accessKeyId: AccessKey?.AccessKeyId, status: 'Active', createdAt: expect.any(Number) }]);
      expect(Math.abs(keys[0]!.createdAt - Date.now())).toBeLessThan(10 * 60_000);

      const missing = await port.listMfaDevices('nobody').catch((error: unknown) => error);
      expect(isAwsCallError(missing, 'notFound')).toBe(true);
    });

    it('GetAlternateContact: null when not set; PutAlternateContact sets it', async () => {
      expect(await port.getAlternateContact('SECURITY')).toBeNull();
      const contact = { type: 'SECURITY' as const, name: 'Security team', title: 'CISO', email: 'security@example.com', phone: '+1 555 0100' };
      await port.putAlternateContact(contact);
      expect(await port.getAlternateContact('SECURITY')).toEqual(contact);
      await account.send(new PutAlternateContactCommand({ AlternateContactType: 'BILLING', Name: 'B', Title: 'CFO', EmailAddress: 'b@example.com', PhoneNumber: '+1' }));
      expect(await port.getAlternateContact('BILLING')).toEqual({ type: 'BILLING', name: 'B', title: 'CFO', email: 'b@example.com', phone: '+1' });
    });

    it('ListInstances in a region', async () => {
      const instances = await port.listIdentityCenterInstances('eu-west-1');
      if (quirks.instancesEverywhere) expect(instances.length).toBeGreaterThan(0);
      else expect(instances).toEqual([]);
    });

    it('ListOrganizationsFeatures: an answer, or an error the audit turns into a value', async () => {
      const answer = await port.listOrganizationsFeatures().then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      // Neither has an organization here (our emulator answers as AWS does; moto does not implement the call).
      expect(answer.ok).toBe(false);
      const error = answer.ok ? undefined : answer.error;
      expect(isAwsCallError(error)).toBe(true);
      if (quirks.listsFeatures && isAwsCallError(error)) expect(error.code).toBe('OrganizationNotFoundException');
    });

    it('the whole audit runs and every check ends pass, fail or cannot-check, never a crash', async () => {
      const input = await readAuditInput(port, {
        accountId: ACCOUNT,
        scope: 'management',
        managementAccountId: ACCOUNT,
        security: aSecurity({ alternateContacts: [{ type: 'SECURITY', email: 'security@example.com' }] }),
        identityCenterRegion: 'eu-west-1',
        now: Date.now(),
      });
      const report = buildAuditReport(input);
      expect(report.checks.map((c) => c.id)).toEqual([
        'root-mfa',
        'root-access-keys',
        'root-signing-certificates',
        'break-glass-user:break-glass',
        'identity-center',
        'identity-center-admin-access',
        'alternate-contact:security',
        'centralized-root-access',
      ]);
      const byId = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
      expect(byId).toMatchObject({ 'root-access-keys': 'pass', 'break-glass-user:break-glass': 'fail', 'alternate-contact:security': 'fail' });
      // moto has no ListOrganizationsFeatures; our emulator has no organization here.
      expect(byId['centralized-root-access']).toBe(quirks.listsFeatures ? 'fail' : 'cannot-check');
    });
  });
}

contract(
  'our emulator',
  async (): Promise<Target> => {
    const emulator: Emulator = await startEmulator(testEmulatorOptions({ accountId: ACCOUNT }));
    return { url: emulator.url, reset: async () => emulator.reset(), stop: () => emulator.stop() };
  },
  { listsFeatures: true, instancesEverywhere: false, reportsPassword: true },
);

contract(
  'moto',
  async (): Promise<Target> => {
    const moto: MotoServer = await startMoto();
    return { url: moto.url, reset: () => moto.reset(), stop: () => moto.stop() };
  },
  { listsFeatures: false, instancesEverywhere: true, reportsPassword: false },
);
