// Trusted access and delegated administrators through the real SDK, against our emulator and moto
// (as moto-contract.test.ts does for the tree and budgets). Part one: scenarios both pass. Part two:
// behaviour AWS documents, graded once; where moto 5.2.1 answers differently the test is named "moto
// differs from AWS here: ..." and pins moto's answer.

import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  DeregisterDelegatedAdministratorCommand,
  DescribeCreateAccountStatusCommand,
  DisableAWSServiceAccessCommand,
  EnableAWSServiceAccessCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  ListDelegatedServicesForAccountCommand,
  OrganizationsClient,
  RegisterDelegatedAdministratorCommand,
} from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import { FULL_PAGES, useEmulator, type SdkClientConfig } from '../support/emulator.js';
import { describeWithMoto, itWithMoto, motoClientConfig, useMoto } from '../support/moto.js';
import { MANAGEMENT } from './helpers.js';

const ORG_API = 'https://docs.aws.amazon.com/organizations/latest/APIReference';

/** 'ok', or the error's name and Reason. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    const e = error as { name?: string; Reason?: string };
    return e.Reason ? `${e.name} ${e.Reason}` : String(e.name);
  }
}

async function createAccount(client: OrganizationsClient, name: string): Promise<string> {
  const started = await client.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }));
  for (let i = 0; i < 100; i++) {
    const status = (await client.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: started.CreateAccountStatus?.Id }))).CreateAccountStatus;
    if (status?.State === 'SUCCEEDED') return status.AccountId ?? expect.fail('no account ID');
    await new Promise((r) => setTimeout(r, 5));
  }
  return expect.fail('CreateAccount never succeeded');
}

/** An organization with one member account; returns its ID. */
async function organizationWithMember(client: OrganizationsClient): Promise<string> {
  await client.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  return createAccount(client, 'security');
}

const enable = (client: OrganizationsClient, ServicePrincipal: string) => client.send(new EnableAWSServiceAccessCommand({ ServicePrincipal }));
const register = (client: OrganizationsClient, AccountId: string, ServicePrincipal: string) => client.send(new RegisterDelegatedAdministratorCommand({ AccountId, ServicePrincipal }));
const deregister = (client: OrganizationsClient, AccountId: string, ServicePrincipal: string) => client.send(new DeregisterDelegatedAdministratorCommand({ AccountId, ServicePrincipal }));
const enabledServices = async (client: OrganizationsClient) =>
  ((await client.send(new ListAWSServiceAccessForOrganizationCommand({}))).EnabledServicePrincipals ?? []).map((e) => e.ServicePrincipal).sort();

/** The scenarios both servers must pass. Guardduty: a service moto also lets have a delegated administrator. */
function contract(client: () => OrganizationsClient): void {
  it('enable twice, list, disable twice: trusted access is a set and both calls are idempotent', async () => {
    await organizationWithMember(client());
    expect(await enabledServices(client())).toEqual([]);
    await enable(client(), 'sso.amazonaws.com');
    await enable(client(), 'sso.amazonaws.com');
    await enable(client(), 'guardduty.amazonaws.com');
    expect(await enabledServices(client())).toEqual(['guardduty.amazonaws.com', 'sso.amazonaws.com']);
    await client().send(new DisableAWSServiceAccessCommand({ ServicePrincipal: 'sso.amazonaws.com' }));
    await client().send(new DisableAWSServiceAccessCommand({ ServicePrincipal: 'sso.amazonaws.com' }));
    expect(await enabledServices(client())).toEqual(['guardduty.amazonaws.com']);
  });

  it('register, list administrators and their services, register again (AccountAlreadyRegisteredException), deregister', async () => {
    const member = await organizationWithMember(client());
    await enable(client(), 'guardduty.amazonaws.com');
    await register(client(), member, 'guardduty.amazonaws.com');
    expect(await outcome(register(client(), member, 'guardduty.amazonaws.com'))).toBe('AccountAlreadyRegisteredException');
    const admins = (await client().send(new ListDelegatedAdministratorsCommand({}))).DelegatedAdministrators ?? [];
    expect(admins.map((a) => [a.Id, a.Name])).toEqual([[member, 'security']]);
    const services = (await client().send(new ListDelegatedServicesForAccountCommand({ AccountId: member }))).DelegatedServices ?? [];
    expect(services.map((s) => s.ServicePrincipal)).toEqual(['guardduty.amazonaws.com']);
    await deregister(client(), member, 'guardduty.amazonaws.com');
    expect((await client().send(new ListDelegatedAdministratorsCommand({}))).DelegatedAdministrators ?? []).toEqual([]);
    expect(await outcome(client().send(new ListDelegatedServicesForAccountCommand({ AccountId: member })))).toBe('AccountNotRegisteredException');
  });

  it('the management account cannot be a delegated administrator', async () => {
    await organizationWithMember(client());
    await enable(client(), 'guardduty.amazonaws.com');
    expect(await outcome(register(client(), MANAGEMENT, 'guardduty.amazonaws.com'))).toMatch(/^ConstraintViolationException/);
  });
}

describe('contract: emulator', () => {
  const emulator = useEmulator({ ...FULL_PAGES, createAccountDelayMs: 0 });
  contract(() => new OrganizationsClient(emulator().clientConfig));
});

describeWithMoto('contract: moto', () => {
  const moto = useMoto();
  contract(() => new OrganizationsClient(motoClientConfig(moto.url)));
});

// ---- behaviour AWS documents

interface AwsBehaviour {
  readonly source: string;
  readonly aws: string;
  readonly run: (client: OrganizationsClient) => Promise<string>;
  readonly moto?: { readonly differs: string; readonly answer: string };
}

const BEHAVIOURS: readonly [string, AwsBehaviour][] = [
  [
    'the management account as a delegated administrator is CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR',
    {
      source: `${ORG_API}/API_RegisterDelegatedAdministrator.html; ConstraintViolationException reasons in the service model`,
      aws: 'ConstraintViolationException CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR',
      run: async (client) => {
        await organizationWithMember(client);
        await enable(client, 'guardduty.amazonaws.com');
        return outcome(register(client, MANAGEMENT, 'guardduty.amazonaws.com'));
      },
      moto: { differs: 'moto refuses without a Reason', answer: 'ConstraintViolationException' },
    },
  ],
  [
    'a delegated administrator needs the service to have trusted access',
    {
      source: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_delegated_admin.html (enable trusted access first); reason SERVICE_ACCESS_NOT_ENABLED in the service model',
      aws: 'ConstraintViolationException SERVICE_ACCESS_NOT_ENABLED',
      run: async (client) => {
        const member = await organizationWithMember(client);
        return outcome(register(client, member, 'guardduty.amazonaws.com'));
      },
      moto: { differs: 'moto registers without trusted access', answer: 'ok' },
    },
  ],
  [
    'Security Hub supports a delegated administrator',
    {
      source: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html (Security Hub: supports delegated administrator)',
      aws: 'ok',
      run: async (client) => {
        const member = await organizationWithMember(client);
        await enable(client, 'securityhub.amazonaws.com');
        return outcome(register(client, member, 'securityhub.amazonaws.com'));
      },
      moto: { differs: 'moto knows six delegated-administrator services only (not Security Hub)', answer: 'InvalidInputException' },
    },
  ],
  [
    'deregistering an account from a service it does not administer is AccountNotRegisteredException',
    {
      source: `${ORG_API}/API_DeregisterDelegatedAdministrator.html (AccountNotRegisteredException)`,
      aws: 'AccountNotRegisteredException',
      run: async (client) => {
        const member = await organizationWithMember(client);
        await enable(client, 'guardduty.amazonaws.com');
        await enable(client, 'macie.amazonaws.com');
        await register(client, member, 'guardduty.amazonaws.com');
        return outcome(deregister(client, member, 'macie.amazonaws.com'));
      },
      moto: { differs: 'moto says InvalidInputException when the account administers another service', answer: 'InvalidInputException' },
    },
  ],
  [
    'an unknown service principal is UNRECOGNIZED_SERVICE_PRINCIPAL',
    {
      source: `${ORG_API}/API_EnableAWSServiceAccess.html; InvalidInputException reason UNRECOGNIZED_SERVICE_PRINCIPAL`,
      aws: 'InvalidInputException UNRECOGNIZED_SERVICE_PRINCIPAL',
      run: async (client) => {
        await organizationWithMember(client);
        return outcome(enable(client, 'securtyhub.amazonaws.com'));
      },
      moto: { differs: 'moto refuses without a Reason', answer: 'InvalidInputException' },
    },
  ],
];

describe('AWS behaviour, emulator', () => {
  const emulator = useEmulator({ ...FULL_PAGES, createAccountDelayMs: 0 });
  const config = (): SdkClientConfig => emulator().clientConfig;
  for (const [title, behaviour] of BEHAVIOURS) {
    it(`${title}: the emulator answers as AWS documents`, async () => {
      expect(await behaviour.run(new OrganizationsClient(config()))).toBe(behaviour.aws);
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
        expect(await behaviour.run(new OrganizationsClient(motoClientConfig(moto.url)))).toBe(differing.answer);
      });
    } else {
      itWithMoto(`${title}: moto answers as AWS documents`, async () => {
        expect(await behaviour.run(new OrganizationsClient(motoClientConfig(moto.url)))).toBe(behaviour.aws);
      });
    }
  }
});
