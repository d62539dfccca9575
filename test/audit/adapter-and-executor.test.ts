// The small pieces around the audit: IAM's and Account's error names in the taxonomy, the apply
// executor's putAlternateContact (idempotent), and the purity of the audit's core and renderers.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { executeStep } from '../../src/apply/execute-step.js';
import { IdRegistry } from '../../src/apply/id-registry.js';
import { classifyError } from '../../src/aws/sdk/classify-error.js';
import { accessDeniedMessage, iamActionsFor } from '../../src/aws/operations.js';
import type { PutAlternateContactStep } from '../../src/model/plan.js';
import { FakeAwsPort } from '../support/fake-port.js';

describe('error names of the audit services', () => {
  it.each([
    ['NoSuchEntityException', 'iam', 'ListMFADevices', 'notFound'],
    ['ResourceNotFoundException', 'account', 'GetAlternateContact', 'notFound'],
    ['ServiceFailureException', 'iam', 'GetAccountSummary', 'transient'],
    ['InternalServerException', 'sso-admin', 'ListInstances', 'transient'],
    ['Throttling', 'iam', 'GetAccountSummary', 'throttled'],
    ['TooManyRequestsException', 'account', 'PutAlternateContact', 'throttled'],
    ['ThrottlingException', 'sso-admin', 'ListInstances', 'throttled'],
    ['AccessDenied', 'iam', 'ListAccessKeys', 'accessDenied'],
    ['AccessDeniedException', 'sso-admin', 'ListInstances', 'accessDenied'],
    ['ServiceAccessNotEnabledException', 'iam', 'ListOrganizationsFeatures', 'other'],
    // The SDK names IAM's EntityAlreadyExists "EntityAlreadyExistsException"; the break-glass executor relies on it.
    ['EntityAlreadyExistsException', 'iam', 'CreateUser', 'alreadyExists'],
  ] as const)('%s from %s %s is %s', (name, service, operation, kind) => {
    const error = classifyError(Object.assign(new Error('x'), { name }), service, operation);
    expect(error.kind).toBe(kind);
    expect(error.code).toBe(name);
  });

  it('names the IAM action of each service, sso-admin under sso:', () => {
    expect(iamActionsFor('iam', 'GetAccountSummary')).toEqual(['iam:GetAccountSummary']);
    expect(iamActionsFor('account', 'PutAlternateContact')).toEqual(['account:PutAlternateContact']);
    expect(iamActionsFor('sso-admin', 'ListInstances')).toEqual(['sso:ListInstances']);
    expect(accessDeniedMessage('sso-admin', 'ListInstances')).toMatch(/^the credentials lack sso:ListInstances; allow it/);
  });
});

describe('executing putAlternateContact', () => {
  const step: PutAlternateContactStep = {
    kind: 'putAlternateContact',
    address: 'alternate-contact:security',
    reason: 'not set in AWS',
    before: null,
    after: { type: 'SECURITY', name: 'Sec', title: 'CISO', email: 'security@example.com', phone: '+1 555 0100' },
    dependsOn: [],
  };

  it('sets the contact, and running it again leaves the same contact (an upsert)', async () => {
    const fake = new FakeAwsPort();
    fake.seedOrganization();
    const ctx = { port: fake, ids: IdRegistry.fromLive(fake.liveOrg()), managementAccountId: FakeAwsPort.MANAGEMENT_ACCOUNT_ID };
    await executeStep(step, ctx);
    await executeStep(step, ctx);
    expect(fake.security.contacts.get('SECURITY')).toEqual(step.after);
    expect(fake.callCount('PutAlternateContact')).toBe(2);
  });

  it('a refusal fails the step with the AWS error', async () => {
    const fake = new FakeAwsPort();
    fake.seedOrganization();
    fake.failNext('PutAlternateContact', 'accessDenied');
    const ctx = { port: fake, ids: IdRegistry.fromLive(fake.liveOrg()), managementAccountId: FakeAwsPort.MANAGEMENT_ACCOUNT_ID };
    await expect(executeStep(step, ctx)).rejects.toMatchObject({ kind: 'accessDenied', message: expect.stringContaining('account:PutAlternateContact') });
    expect(fake.security.contacts.size).toBe(0);
  });
});

describe('src/audit stays pure where it can', () => {
  const FORBIDDEN_IMPORT = /from\s+['"](node:[^'"]+|fs|fs\/promises|path|os|child_process|http|https|net|@aws-sdk\/[^'"]+|@actions\/[^'"]+)['"]/;
  const FORBIDDEN_USE = /\bprocess\.|\bDate\.now\(|\bnew Date\(|\bMath\.random\(|\bperformance\.now\(/;
  const files = [
    ...readdirSync(new URL('../../src/audit/', import.meta.url)).filter((f) => f.endsWith('.ts')),
    ...readdirSync(new URL('../../src/audit/checks/', import.meta.url)).map((f) => `checks/${f}`),
  ];

  it.each(files)('%s imports no I/O and reads no process state, clock or randomness', (file) => {
    const source = readFileSync(new URL(`../../src/audit/${file}`, import.meta.url), 'utf8');
    expect(source).not.toMatch(FORBIDDEN_IMPORT);
    expect(source).not.toMatch(FORBIDDEN_USE);
  });
});
