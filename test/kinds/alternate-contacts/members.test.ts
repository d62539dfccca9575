// Member accounts' alternate contacts (issue #15): security.alternateContacts as an org-wide default when
// security.memberAlternateContacts is on, each account entry's own contacts overriding it by type; read and
// set with the member's AccountId, idempotent, converging; unreadable (no trusted access) said with what to do.

import { describe, expect, it } from 'vitest';
import { parseOrgYaml } from '../../../src/config/parse-org-yaml.js';
import type { DesiredAlternateContact, DesiredOrg } from '../../../src/model/desired.js';
import { runApplyWorkflow } from '../../../src/workflow/apply-workflow.js';
import { makePlan } from '../../../src/workflow/make-plan.js';
import { aSecurity } from '../../audit/support.js';
import { aDesiredOrg } from '../../support/builders.js';
import { FakeAwsPort } from '../../support/fake-port.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const A = '200000000001';
const B = '200000000002';
const SHA = '7'.repeat(64);
const SEC: DesiredAlternateContact = { type: 'SECURITY', email: 'security@example.com', name: 'Sec', title: 'CISO', phone: '+1 555 0100' };
const B_SEC: DesiredAlternateContact = { type: 'SECURITY', email: 'b-security@example.com', name: 'B Sec', title: 'Lead', phone: '+1 555 0200' };
const OPS: DesiredAlternateContact = { type: 'OPERATIONS', email: 'ops-b@example.com', name: 'Ops', title: 'SRE', phone: '+1 555 0300' };

function organization(trustedAccess = true): FakeAwsPort {
  const fake = new FakeAwsPort();
  const { rootId } = fake.seedOrganization();
  fake.seedAccount({ id: A, name: 'a', parentId: rootId });
  fake.seedAccount({ id: B, name: 'b', parentId: rootId });
  if (trustedAccess) fake.seedTrustedService('account.amazonaws.com');
  return fake;
}

function desired(options: { members: boolean }): DesiredOrg {
  const org = aDesiredOrg()
    .withManagementAccount(MGMT)
    .withAccount(MGMT, '/', { name: 'management' })
    .withAccount(A, '/', { name: 'a' })
    .withAccountEntry({ id: B, name: 'b', alternateContacts: [B_SEC, OPS] })
    .build();
  return { ...org, security: aSecurity({ breakGlassUsers: [], identityCenter: 'optional', alternateContacts: [SEC], ...(options.members && { memberAlternateContacts: true }) }) };
}

const stripAt = <T extends { at?: unknown }>(contacts: readonly T[] | undefined) => contacts?.map(({ at: _at, ...rest }) => rest);

describe('org.yaml', () => {
  it('security.memberAlternateContacts and an account entry\'s alternateContacts normalize into DesiredOrg', () => {
    const parsed = parseOrgYaml(
      [
        'version: 1',
        'organization: { managementAccountId: "123456789012", featureSet: ALL }',
        'root:',
        '  accounts:',
        '    - { id: "200000000002", alternateContacts: { operations: { email: ops-b@example.com } } }',
        'security:',
        '  memberAlternateContacts: true',
        '  alternateContacts:',
        '    security: { email: security@example.com }',
        '',
      ].join('\n'),
      'org.yaml',
    );
    if (!parsed.ok) expect.fail(JSON.stringify(parsed));
    expect(parsed.value.security?.memberAlternateContacts).toBe(true);
    const [entry] = parsed.value.root.accounts;
    expect(stripAt(entry!.alternateContacts)).toEqual([{ type: 'OPERATIONS', email: 'ops-b@example.com' }]);
    expect(entry!.alternateContacts![0]!.at).toMatchObject({ line: 5 });
  });
});

describe('member alternate contacts against FakeAwsPort', () => {
  it('the default applies to every listed member, an entry\'s own contacts override it by type; apply sets them with AccountId, then plans empty', async () => {
    const fake = organization();
    const outcome = await runApplyWorkflow({ port: fake, desired: desired({ members: true }), orgYamlSha256: SHA, confirm: async () => true });
    if (outcome.kind !== 'applied') expect.fail(outcome.kind);
    expect(outcome.plan.steps.map((s) => s.address)).toEqual([
      'alternate-contact:security',
      `alternate-contact:security@${A}`,
      `alternate-contact:security@${B}`,
      `alternate-contact:operations@${B}`,
    ]);
    expect(outcome.converged).toBe(true);
    expect(fake.security.memberContacts.get(A)?.get('SECURITY')?.email).toBe('security@example.com');
    expect(fake.security.memberContacts.get(B)?.get('SECURITY')?.email).toBe('b-security@example.com');
    expect(fake.security.memberContacts.get(B)?.get('OPERATIONS')?.email).toBe('ops-b@example.com');
    expect(fake.security.contacts.get('SECURITY')?.email).toBe('security@example.com');
    // Each member contact read once per plan, with its AccountId.
    expect(fake.calls.filter((c) => c.operation === 'PutAlternateContact')).toHaveLength(4);
    fake.resetCalls();
    const again = (await makePlan(fake, desired({ members: true }), SHA)).plan;
    expect(again.steps).toEqual([]);
    expect(fake.calls.filter((c) => c.operation === 'GetAlternateContact')).toHaveLength(4);
    // The plan's audit checks the members' contacts it read, without reading them again.
    expect(again.audit?.checks.filter((c) => c.id.includes('@')).map((c) => [c.id, c.status])).toEqual([
      [`alternate-contact:security@${A}`, 'pass'],
      [`alternate-contact:security@${B}`, 'pass'],
      [`alternate-contact:operations@${B}`, 'pass'],
    ]);
  });

  it('without memberAlternateContacts only the entries that give contacts are managed', async () => {
    const fake = organization();
    const { plan } = await makePlan(fake, desired({ members: false }), SHA);
    expect(plan.steps.map((s) => s.address)).toEqual(['alternate-contact:security', `alternate-contact:security@${B}`, `alternate-contact:operations@${B}`]);
    expect(plan.steps[1]).toMatchObject({ kind: 'putAlternateContact', accountId: B, after: { type: 'SECURITY', email: 'b-security@example.com' } });
  });

  it('a file without member contacts reads none', async () => {
    const fake = organization();
    const plain = { ...desired({ members: false }), root: { ...desired({ members: false }).root, accounts: [{ id: MGMT, name: 'management' }, { id: A, name: 'a' }, { id: B, name: 'b' }] } };
    await makePlan(fake, plain, SHA);
    expect(fake.calls.filter((c) => c.operation === 'GetAlternateContact')).toHaveLength(1);
  });

  it('without trusted access for account.amazonaws.com the members\' contacts cannot be read: a plan error says what is needed, and a warning what to enable', async () => {
    const fake = organization(false);
    fake.accountLifecycle.accountManagementTrusted = false;
    const { plan } = await makePlan(fake, desired({ members: true }), SHA);
    expect(plan.errors.map((e) => e.address)).toEqual([`alternate-contact:security@${A}`, `alternate-contact:security@${B}`, `alternate-contact:operations@${B}`]);
    expect(plan.errors[0]!.message).toMatch(/needs trusted access for account\.amazonaws\.com/);
  });

  it('trusted access off but the contacts readable (it was just disabled): the plan warns before apply would fail', async () => {
    const fake = organization(false);
    const { plan } = await makePlan(fake, desired({ members: true }), SHA);
    const note = plan.warnings.find((w) => w.code === 'trusted-service-not-enabled');
    expect(note?.message).toContain(`setting the alternate contacts of accounts ${A}, ${B} needs trusted access for account.amazonaws.com`);
  });
});
