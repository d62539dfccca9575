// The bytes on the wire, checked with raw HTTP: AWS JSON 1.1 requests and errors, the query/XML
// protocol of STS, unknown operations, and the admin paths.

import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';

interface RawReply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<RawReply> {
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const json11 = (target: string) => ({ 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target });

describe('wire protocol', () => {
  const emulator = useEmulator();

  it('JSON 1.1: POST / with X-Amz-Target; errors are {"__type", "Message", "Reason"} with the Smithy status and a request ID', async () => {
    const notInUse = await post(emulator().url, json11('AWSOrganizationsV20161128.DescribeOrganization'), '{}');
    expect(notInUse.status).toBe(404);
    expect(notInUse.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(notInUse.text)).toEqual({ __type: 'AWSOrganizationsNotInUseException', Message: expect.stringContaining("isn't a member of an organization") });
    const created = await post(emulator().url, json11('AWSOrganizationsV20161128.CreateOrganization'), '');
    expect(created.status).toBe(200);
    expect(created.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    const org = JSON.parse(created.text) as { Organization: { Id: string } };
    expect(org.Organization.Id).toMatch(/^o-/);
    const roots = JSON.parse((await post(emulator().url, json11('AWSOrganizationsV20161128.ListRoots'), '{}')).text) as { Roots: { Id: string }[] };
    const rootId = roots.Roots[0]?.Id ?? '';
    let parent = rootId;
    for (let i = 0; i < 5; i++) {
      const ou = JSON.parse((await post(emulator().url, json11('AWSOrganizationsV20161128.CreateOrganizationalUnit'), JSON.stringify({ ParentId: parent, Name: `L${i}` }))).text) as {
        OrganizationalUnit: { Id: string };
      };
      parent = ou.OrganizationalUnit.Id;
    }
    const tooDeep = await post(emulator().url, json11('AWSOrganizationsV20161128.CreateOrganizationalUnit'), JSON.stringify({ ParentId: parent, Name: 'L5' }));
    expect(tooDeep.status).toBe(409);
    expect(JSON.parse(tooDeep.text)).toEqual({ __type: 'ConstraintViolationException', Message: expect.any(String), Reason: 'OU_DEPTH_LIMIT_EXCEEDED' });
  });

  it('timestamps are epoch seconds (JSON numbers)', async () => {
    await post(emulator().url, json11('AWSOrganizationsV20161128.CreateOrganization'), '{}');
    const accounts = JSON.parse((await post(emulator().url, json11('AWSOrganizationsV20161128.ListAccounts'), '{}')).text) as { Accounts: { JoinedTimestamp: unknown }[] };
    const joined = accounts.Accounts[0]?.JoinedTimestamp;
    expect(typeof joined).toBe('number');
    expect(Math.abs((joined as number) - Date.now() / 1000)).toBeLessThan(60);
  });

  it('unknown operations and prefixes are UnknownOperationException; a bad body is SerializationException', async () => {
    const op = await post(emulator().url, json11('AWSOrganizationsV20161128.InviteAccountToOrganization'), '{}');
    expect(op.status).toBe(400);
    expect(JSON.parse(op.text)).toMatchObject({ __type: 'UnknownOperationException' });
    const prefix = await post(emulator().url, json11('AmazonEC2.DescribeInstances'), '{}');
    expect(JSON.parse(prefix.text)).toMatchObject({ __type: 'UnknownOperationException', Message: expect.stringContaining('AWSOrganizationsV20161128') });
    const bad = await post(emulator().url, json11('AWSBudgetServiceGateway.DescribeBudgets'), '{not json');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ __type: 'SerializationException' });
    const wrongType = await post(emulator().url, { 'content-type': 'text/plain', 'x-amz-target': 'AWSBudgetServiceGateway.DescribeBudgets' }, '{}');
    expect(JSON.parse(wrongType.text)).toMatchObject({ __type: 'SerializationException' });
    const nothing = await post(emulator().url, {}, '');
    expect(nothing.status).toBe(404);
    expect(emulator().counters()['organizations:InviteAccountToOrganization']).toBe(1);
  });

  it('query protocol: STS GetCallerIdentity answers XML; unknown actions are an XML ErrorResponse', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
    const ok = await post(emulator().url, form, 'Action=GetCallerIdentity&Version=2011-06-15');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>');
    expect(ok.text).toContain('<Account>123456789012</Account>');
    const unknown = await post(emulator().url, form, 'Action=AssumeRole&Version=2011-06-15');
    expect(unknown.status).toBe(400);
    expect(unknown.text).toMatch(/<ErrorResponse[^>]*><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code>/);
  });

  it('admin paths: counters, requests, extra pages, snapshot round trip, faults, reset', async () => {
    const base = `${emulator().url}/_emulator`;
    await post(emulator().url, json11('AWSOrganizationsV20161128.CreateOrganization'), '{}');
    expect(await (await fetch(`${base}/counters`)).json()).toEqual({ 'organizations:CreateOrganization': 1 });
    const requests = (await (await fetch(`${base}/requests`)).json()) as { operation: string }[];
    expect(requests.map((r) => r.operation)).toEqual(['CreateOrganization']);
    const snapshot = (await (await fetch(`${base}/snapshot`)).json()) as { organization: { id: string } };
    expect(snapshot.organization.id).toMatch(/^o-/);
    // A listing's pages beyond the full ones: the same figure as Emulator.extraPages(), over HTTP.
    for (let i = 0; i < 8; i++) await post(emulator().url, json11('AWSOrganizationsV20161128.ListRoots'), '{}');
    const extraPages = (await (await fetch(`${base}/extra-pages`)).json()) as Record<string, number>;
    expect(extraPages).toEqual(emulator().extraPages());
    expect(extraPages['organizations:ListRoots']).toBeGreaterThan(0);
    const faults = await fetch(`${base}/faults`, { method: 'PUT', body: '*: throttle=100%' });
    expect(faults.status).toBe(200);
    expect((await post(emulator().url, json11('AWSOrganizationsV20161128.ListRoots'), '{}')).status).toBe(429);
    const badSpec = await fetch(`${base}/faults`, { method: 'PUT', body: '*: thrott=1' });
    expect(badSpec.status).toBe(400);
    expect(((await badSpec.json()) as { error: string }).error).toContain('unknown fault "thrott"');
    await fetch(`${base}/faults`, { method: 'DELETE' });
    expect((await fetch(`${base}/reset`, { method: 'POST' })).status).toBe(200);
    expect((await post(emulator().url, json11('AWSOrganizationsV20161128.DescribeOrganization'), '{}')).status).toBe(404);
    expect((await fetch(`${base}/snapshot`, { method: 'PUT', body: JSON.stringify(snapshot) })).status).toBe(200);
    expect((await post(emulator().url, json11('AWSOrganizationsV20161128.DescribeOrganization'), '{}')).status).toBe(200);
    const invalid = await fetch(`${base}/snapshot`, { method: 'PUT', body: JSON.stringify({ formatVersion: 2 }) });
    expect(invalid.status).toBe(400);
    expect((await fetch(`${base}/save`, { method: 'POST' })).status).toBe(409);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
