// Trusted access and delegated administrators in the emulator, with AWS's refusals (see
// src/emulator/organizations/handlers/service-access.ts for the sources).

import {
  CreateOrganizationCommand,
  DeregisterDelegatedAdministratorCommand,
  DisableAWSServiceAccessCommand,
  EnableAWSServiceAccessCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  ListDelegatedServicesForAccountCommand,
  RegisterDelegatedAdministratorCommand,
} from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../src/emulator/snapshot-validate.js';
import { FULL_PAGES, useEmulator } from '../support/emulator.js';
import { MANAGEMENT, awsError, createAccount, createOrganization, orgs } from './helpers.js';

describe('Organizations: trusted access and delegated administrators', () => {
  const emulator = useEmulator({ ...FULL_PAGES, createAccountDelayMs: 0 });
  const client = () => orgs(emulator().clientConfig);
  const enabled = async () => (await client().send(new ListAWSServiceAccessForOrganizationCommand({}))).EnabledServicePrincipals?.map((e) => e.ServicePrincipal);

  it('EnableAWSServiceAccess and DisableAWSServiceAccess are idempotent; the list shows what is enabled', async () => {
    await createOrganization(client());
    expect(await enabled()).toEqual([]);
    for (let i = 0; i < 2; i++) await client().send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'sso.amazonaws.com' }));
    await client().send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'ram.amazonaws.com' }));
    expect(await enabled()).toEqual(['sso.amazonaws.com', 'ram.amazonaws.com']);
    for (let i = 0; i < 2; i++) await client().send(new DisableAWSServiceAccessCommand({ ServicePrincipal: 'sso.amazonaws.com' }));
    expect(await enabled()).toEqual(['ram.amazonaws.com']);
  });

  it('refuses an unknown principal', async () => {
    await createOrganization(client());
    expect(await awsError(client().send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'securtyhub.amazonaws.com' })))).toMatchObject({
      name: 'InvalidInputException',
      status: 400,
      reason: 'UNRECOGNIZED_SERVICE_PRINCIPAL',
    });
  });

  it('registers, lists and deregisters delegated administrators, with AWS refusals', async () => {
    await createOrganization(client());
    const security = await createAccount(client(), 'Security');
    const register = (AccountId: string, ServicePrincipal: string) => client().send(new RegisterDelegatedAdministratorCommand({ AccountId, ServicePrincipal }));
    const deregister = (AccountId: string, ServicePrincipal: string) => client().send(new DeregisterDelegatedAdministratorCommand({ AccountId, ServicePrincipal }));

    expect(await awsError(register(security, 'securityhub.amazonaws.com'))).toMatchObject({ name: 'ConstraintViolationException', reason: 'SERVICE_ACCESS_NOT_ENABLED' });
    await client().send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'securityhub.amazonaws.com' }));
    await client().send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'guardduty.amazonaws.com' }));
    expect(await awsError(register(MANAGEMENT, 'securityhub.amazonaws.com'))).toMatchObject({
      name: 'ConstraintViolationException',
      reason: 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR',
    });
    expect(await awsError(register('999999999999', 'securityhub.amazonaws.com'))).toMatchObject({ name: 'AccountNotFoundException', status: 404 });

    await register(security, 'securityhub.amazonaws.com');
    await register(security, 'guardduty.amazonaws.com');
    expect(await awsError(register(security, 'securityhub.amazonaws.com'))).toMatchObject({ name: 'AccountAlreadyRegisteredException', status: 400 });

    const admins = await client().send(new ListDelegatedAdministratorsCommand({}));
    expect(admins.DelegatedAdministrators?.map((a) => [a.Id, a.Name, a.State])).toEqual([[security, 'Security', 'ACTIVE']]);
    expect(admins.DelegatedAdministrators?.[0]?.DelegationEnabledDate).toBeInstanceOf(Date);
    const filtered = await client().send(new ListDelegatedAdministratorsCommand({ ServicePrincipal: 'ram.amazonaws.com' }));
    expect(filtered.DelegatedAdministrators).toEqual([]);
    const services = await client().send(new ListDelegatedServicesForAccountCommand({ AccountId: security }));
    expect(services.DelegatedServices?.map((s) => s.ServicePrincipal)).toEqual(['securityhub.amazonaws.com', 'guardduty.amazonaws.com']);

    await deregister(security, 'securityhub.amazonaws.com');
    expect(await awsError(deregister(security, 'securityhub.amazonaws.com'))).toMatchObject({ name: 'AccountNotRegisteredException', status: 400 });
    await deregister(security, 'guardduty.amazonaws.com');
    expect((await client().send(new ListDelegatedAdministratorsCommand({}))).DelegatedAdministrators).toEqual([]);
    expect(await awsError(client().send(new ListDelegatedServicesForAccountCommand({ AccountId: security })))).toMatchObject({ name: 'AccountNotRegisteredException' });
  });

  it('outside all-features mode, trusted access is refused', async () => {
    await client().send(new CreateOrganizationCommand({ FeatureSet: 'CONSOLIDATED_BILLING' }));
    expect(await awsError(client().send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'sso.amazonaws.com' })))).toMatchObject({
      name: 'ConstraintViolationException',
      reason: 'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE',
    });
    expect(await enabled()).toEqual([]);
  });

  it('snapshots keep trusted access and delegated administrators, and refuse an administrator that is not an account', async () => {
    await createOrganization(client());
    const security = await createAccount(client(), 'Security');
    await client().send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'guardduty.amazonaws.com' }));
    await client().send(new RegisterDelegatedAdministratorCommand({ AccountId: security, ServicePrincipal: 'guardduty.amazonaws.com' }));
    const snapshot = emulator().snapshot();
    expect(snapshot.organization).toMatchObject({ trustedServices: ['guardduty.amazonaws.com'], delegatedAdministrators: { [security]: ['guardduty.amazonaws.com'] } });
    emulator().reset();
    emulator().seed(snapshot);
    expect(await enabled()).toEqual(['guardduty.amazonaws.com']);
    const services = await client().send(new ListDelegatedServicesForAccountCommand({ AccountId: security }));
    expect(services.DelegatedServices?.map((s) => s.ServicePrincipal)).toEqual(['guardduty.amazonaws.com']);
    const broken = { ...snapshot, organization: { ...snapshot.organization!, delegatedAdministrators: { '999999999999': ['guardduty.amazonaws.com'] } } };
    const check = validateSnapshot(broken, { ouNamesCaseSensitive: true }) as { ok: boolean; issues?: { message: string }[] };
    expect(check.ok).toBe(false);
    expect(check.issues?.map((i) => i.message)).toContain('"999999999999" is not an account in this file');
  });
});
