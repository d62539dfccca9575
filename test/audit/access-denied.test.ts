// AccessDenied on every audit call, as AWS sends it for each protocol (IAM: query XML "AccessDenied";
// Account: REST-JSON AccessDeniedException; SSO Admin: JSON 1.1 AccessDeniedException), through the real
// SDK adapter: every check says it cannot check and names the IAM action to allow. Nothing throws.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/audit/build-audit-report.js';
import { readAuditInput } from '../../src/audit/read-audit-input.js';
import { createSdkPort } from '../../src/aws/sdk/create-sdk-port.js';
import { auditFailed } from '../../src/model/audit.js';
import { aSecurity } from './support.js';

function denyEverything(): Server {
  return createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      if (typeof target === 'string') {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-ErrorType': 'AccessDeniedException' });
        res.end(JSON.stringify({ __type: 'AccessDeniedException', Message: `User is not authorized to perform: sso:${target.split('.')[1]}` }));
      } else if (req.url?.startsWith('/getAlternateContact')) {
        res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'AccessDeniedException' });
        res.end(JSON.stringify({ message: 'User is not authorized to perform: account:GetAlternateContact' }));
      } else {
        const action = new URLSearchParams(body).get('Action');
        res.writeHead(403, { 'content-type': 'text/xml' });
        res.end(
          `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>AccessDenied</Code>` +
            `<Message>User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:${action}</Message></Error><RequestId>1</RequestId></ErrorResponse>`,
        );
      }
    });
  });
}

describe('an audit where AWS denies every call', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = denyEverything();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reports every check as cannot-check naming its IAM action, and fails nothing', async () => {
    const port = createSdkPort({ endpoint: url, credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
    try {
      const input = await readAuditInput(port, {
        accountId: '123456789012',
        scope: 'management',
        managementAccountId: '123456789012',
        security: aSecurity(),
        identityCenterRegion: 'eu-west-1',
        now: Date.now(),
      });
      const report = buildAuditReport(input);
      expect(report.checks.map((c) => [c.id, c.status, /the credentials lack ([\w:]+)/.exec(c.reason)?.[1]])).toEqual([
        ['root-mfa', 'cannot-check', 'iam:GetAccountSummary'],
        ['root-access-keys', 'cannot-check', 'iam:GetAccountSummary'],
        ['root-signing-certificates', 'cannot-check', 'iam:GetAccountSummary'],
        ['break-glass-user:break-glass', 'cannot-check', 'iam:ListMFADevices'],
        ['identity-center', 'cannot-check', 'sso:ListInstances'],
        // Without the instance, who has administrator permission sets cannot be read either.
        ['identity-center-admin-access', 'cannot-check', 'sso:ListInstances'],
        ['alternate-contact:security', 'cannot-check', 'account:GetAlternateContact'],
        ['centralized-root-access', 'cannot-check', 'iam:ListOrganizationsFeatures'],
      ]);
      expect(report.checks.every((c) => c.remedy?.includes('Allow'))).toBe(true);
      expect(auditFailed(report)).toBe(false);
    } finally {
      port.destroy();
    }
  });
});
