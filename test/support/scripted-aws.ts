// A scripted AWS JSON-1.1 endpoint on 127.0.0.1 for SDK adapter tests: every request is recorded
// (service, operation, body, headers) and answered by the test's handler. Lets tests reproduce what
// emulators do not: empty pages that carry a NextToken, legacy 400 throttles, dropped connections.

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  /** From X-Amz-Target: "AWSOrganizationsV20161128" → organizations, "AWSBudgetServiceGateway" → budgets. */
  readonly service: 'organizations' | 'budgets' | 'sts' | 'unknown';
  readonly operation: string;
  /** The request path: shows which configured endpoint (with its path) the SDK used. */
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
}

export type ScriptedReply =
  | { readonly status?: number; readonly body: unknown; readonly contentType?: string }
  /** Close the socket without answering (the SDK sees "socket hang up"/ECONNRESET). */
  | { readonly drop: true };

export type ScriptedHandler = (request: RecordedRequest) => ScriptedReply;

export interface ScriptedAws {
  readonly url: string;
  readonly requests: RecordedRequest[];
  handle(handler: ScriptedHandler): void;
  /** Requests of one operation. */
  of(operation: string): RecordedRequest[];
  /** The SigV4 credential scope of a request: region and service it was signed for. */
  scopeOf(request: RecordedRequest): { region: string; service: string };
  close(): Promise<void>;
}

/** A JSON error as AWS sends it (aws-facts.md §1.2). */
export function awsError(status: number, type: string, message: string, extra: Record<string, unknown> = {}): ScriptedReply {
  return { status, body: { __type: type, Message: message, ...extra } };
}

export async function startScriptedAws(): Promise<ScriptedAws> {
  const requests: RecordedRequest[] = [];
  let handler: ScriptedHandler = () => ({ status: 500, body: { __type: 'InternalFailure', Message: 'no handler' } });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const request = parse(req.url ?? '/', req.headers, raw);
      requests.push(request);
      const reply = handler(request);
      if ('drop' in reply) {
        req.socket.destroy();
        return;
      }
      if (request.service === 'sts') {
        res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'text/xml' });
        res.end(String(reply.body));
        return;
      }
      res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${requests.length}` });
      res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(h) {
      handler = h;
    },
    of(operation) {
      return requests.filter((r) => r.operation === operation);
    },
    scopeOf(request) {
      const auth = String(request.headers['authorization'] ?? '');
      const match = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth);
      if (!match) throw new Error(`no SigV4 credential scope in "${auth}"`);
      return { region: match[1]!, service: match[2]! };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parse(path: string, headers: IncomingHttpHeaders, raw: string): RecordedRequest {
  const target = String(headers['x-amz-target'] ?? '');
  if (target) {
    const [prefix = '', operation = ''] = target.split('.');
    const service = prefix.startsWith('AWSOrganizations') ? 'organizations' : prefix.startsWith('AWSBudget') ? 'budgets' : 'unknown';
    return { service, operation, path, body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {}, headers };
  }
  // STS speaks the query protocol: Action=GetCallerIdentity&Version=...
  const params = new URLSearchParams(raw);
  return { service: 'sts', operation: params.get('Action') ?? '', path, body: Object.fromEntries(params), headers };
}

/** The XML STS answers GetCallerIdentity with. */
export function callerIdentityXml(accountId: string): string {
  return `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${accountId}:user/test</Arn><UserId>AIDTEST</UserId><Account>${accountId}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
}
