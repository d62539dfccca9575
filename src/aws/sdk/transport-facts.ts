// What classify-error.ts needs to know about the wire that the SDK's errors leave out: the endpoint a
// request went to, the timeouts it ran under, and the raw reply (the SDK reads the body away before it
// fails to parse it, then only hints at "the hidden field $response"). One middleware, next to the
// HTTP handler, records them on the error or on the reply.

import type { DeserializeMiddleware, HttpRequest, HttpResponse, MiddlewareStack } from '@aws-sdk/types';
import type { AwsTimeouts } from '../timeouts.js';

export interface RawReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The whole body, as received. */
  readonly body: Uint8Array;
}

export interface TransportFacts {
  /** scheme://host:port of the request. */
  readonly endpoint: string;
  readonly timeouts: AwsTimeouts;
  /** Absent when no reply came (timeout, refused or dropped connection). */
  readonly reply?: RawReply;
}

const FACTS = Symbol('orgctl.transportFacts');

/** Adds the recording middleware to a client (every client orgctl makes). */
export function recordTransportFacts<Input extends object, Output extends object>(client: { readonly middlewareStack: MiddlewareStack<Input, Output> }, timeouts: AwsTimeouts): void {
  // Low priority in the deserialize step: inside the SDK's deserializer, so this sees the reply first.
  client.middlewareStack.add(transportFactsMiddleware<Input, Output>(timeouts), { step: 'deserialize', priority: 'low', name: 'orgctlTransportFacts' });
}

/** The facts recorded for an error the SDK threw, if any. */
export function transportFactsOf(error: unknown): TransportFacts | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const response = (error as { $response?: unknown }).$response;
  return factsOn(response) ?? factsOn(error);
}

function transportFactsMiddleware<Input extends object, Output extends object>(timeouts: AwsTimeouts): DeserializeMiddleware<Input, Output> {
  return (next) => async (args) => {
    const endpoint = endpointOf(args.request as HttpRequest | undefined);
    try {
      const result = await next(args);
      const response = result.response as HttpResponse | undefined;
      if (response && typeof response.statusCode === 'number') {
        // Read whole: AWS's replies here are small, and the SDK reads a Uint8Array body as it would the stream.
        const body = await readWhole(response.body);
        response.body = body;
        const reply: RawReply = { status: response.statusCode, headers: { ...response.headers }, body };
        setFacts(response, { endpoint, timeouts, reply });
        // No AWS protocol answers with a web page; the query protocol (STS) would read one as an empty result.
        if (response.statusCode < 300 && looksLikeHtml(body)) throw Object.assign(new Error('the reply is a web page'), { name: 'HtmlReply', $response: response });
      }
      return result;
    } catch (error) {
      if (typeof error === 'object' && error !== null && factsOn(error) === undefined) setFacts(error, { endpoint, timeouts });
      throw error;
    }
  };
}

function endpointOf(request: HttpRequest | undefined): string {
  if (!request || typeof request.hostname !== 'string') return 'the endpoint';
  const host = request.hostname.includes(':') && !request.hostname.startsWith('[') ? `[${request.hostname}]` : request.hostname;
  return `${request.protocol ?? 'https:'}//${host}${request.port ? `:${request.port}` : ''}`;
}

async function readWhole(body: unknown): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body === null || body === undefined || typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') return new Uint8Array();
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  return Buffer.concat(chunks);
}

function looksLikeHtml(body: Uint8Array): boolean {
  const start = new TextDecoder().decode(body.subarray(0, 64)).trimStart().toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html');
}

function setFacts(target: object, facts: TransportFacts): void {
  try {
    Object.defineProperty(target, FACTS, { value: facts, enumerable: false, configurable: true });
  } catch {
    // A frozen error: classification falls back on what the error itself says.
  }
}

function factsOn(value: unknown): TransportFacts | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as { [FACTS]?: TransportFacts })[FACTS];
}
