// The HTTP server: reads each request, hands it to the core (or the admin paths), writes the answer,
// or destroys the socket when a dropped connection was injected.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN_PREFIX, handleAdmin, type AdminTarget } from './admin.js';
import type { EmulatorCore } from './core.js';
import type { HttpReply } from './protocol/wire.js';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: HttpReply): void {
  res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
  res.end(reply.body);
}

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

export async function listen(core: EmulatorCore, admin: AdminTarget, port: number): Promise<RunningServer> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const body = await readBody(req);
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (url.pathname === ADMIN_PREFIX || url.pathname.startsWith(`${ADMIN_PREFIX}/`)) {
          send(res, await handleAdmin(req.method ?? 'GET', url, body, admin));
          return;
        }
        const outcome = await core.handle({ method: req.method ?? 'GET', path: url.pathname, headers: req.headers, body });
        if (outcome.kind === 'drop') req.socket.destroy();
        else send(res, outcome.reply);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!res.headersSent) send(res, { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ __type: 'InternalFailure', Message: message }) });
      }
    })();
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
