// Which service and protocol a request is for. JSON 1.1 services (Organizations, Budgets, SSO Admin)
// are told apart by their X-Amz-Target prefix; query-protocol services (STS, IAM) by the Version
// parameter, else the SigV4 signing name; REST-JSON services (the Account API) by method and path.

import { ApiError } from './api-error.js';
import type { JsonObject } from './json.js';
import { jsonRpcProtocol, readJsonRpcRequest } from './protocol/json-rpc.js';
import { queryXmlProtocol, readQueryRequest } from './protocol/query-xml.js';
import { readRestJsonBody, restJsonProtocol } from './protocol/rest-json.js';
import type { WireProtocol } from './protocol/wire.js';
import type { EmulatedService } from './service.js';

export interface JsonRpcBinding {
  readonly targetPrefix: string;
  readonly service: EmulatedService;
}

export interface QueryBinding {
  readonly version: string;
  readonly signingName: string;
  readonly xmlns: string;
  /** Response members that are XML maps (IAM's SummaryMap). */
  readonly maps?: readonly string[];
  readonly service: EmulatedService;
}

export interface RestJsonBinding {
  /** "POST /getAlternateContact" → "GetAlternateContact". */
  readonly routes: Readonly<Record<string, string>>;
  readonly service: EmulatedService;
}

export interface Bindings {
  readonly jsonRpc: readonly JsonRpcBinding[];
  readonly query: readonly QueryBinding[];
  readonly restJson?: readonly RestJsonBinding[];
}

export interface RoutableRequest {
  readonly method: string;
  readonly path: string;
  readonly target: string | undefined;
  readonly contentType: string | undefined;
  readonly signingName: string | undefined;
  readonly body: string;
}

export type Route =
  | { readonly kind: 'call'; readonly service: EmulatedService; readonly operation: string; readonly input: JsonObject; readonly protocol: WireProtocol }
  | { readonly kind: 'reject'; readonly serviceName: string; readonly operation: string; readonly error: ApiError; readonly protocol: WireProtocol };

function reject(serviceName: string, operation: string, error: ApiError, protocol: WireProtocol = jsonRpcProtocol): Route {
  return { kind: 'reject', serviceName, operation, error, protocol };
}

export function routeRequest(bindings: Bindings, request: RoutableRequest): Route {
  if (request.target !== undefined) {
    const dot = request.target.lastIndexOf('.');
    const prefix = dot < 0 ? '' : request.target.slice(0, dot);
    const binding = bindings.jsonRpc.find((b) => b.targetPrefix === prefix);
    const operation = request.target.slice(dot + 1);
    if (!binding) {
      const known = bindings.jsonRpc.map((b) => b.targetPrefix).join(', ');
      return reject('unknown', operation, new ApiError('UnknownOperationException', `The emulator serves no X-Amz-Target prefix "${prefix}" (it serves ${known}).`, 400));
    }
    if (request.method !== 'POST' || request.path !== '/') {
      return reject(binding.service.name, operation, new ApiError('UnknownOperationException', 'AWS JSON 1.1 calls are POST /.', 400));
    }
    try {
      const parsed = readJsonRpcRequest(request.target, request.contentType, request.body);
      if (!binding.service.has(parsed.operation)) return reject(binding.service.name, operation, binding.service.errors.unknownOperation(operation));
      return { kind: 'call', service: binding.service, operation: parsed.operation, input: parsed.input, protocol: jsonRpcProtocol };
    } catch (error) {
      if (error instanceof ApiError) return reject(binding.service.name, operation, error);
      throw error;
    }
  }
  const mediaType = (request.contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (request.method === 'POST' && mediaType === 'application/x-www-form-urlencoded') {
    const query = readQueryRequest(request.body);
    const binding =
      bindings.query.find((b) => query.version !== undefined && b.version === query.version) ?? bindings.query.find((b) => b.signingName === request.signingName);
    if (!binding) {
      return reject('unknown', query.action, new ApiError('InvalidAction', `The emulator serves no query-protocol service for Version "${query.version ?? ''}".`, 400));
    }
    const protocol = queryXmlProtocol(binding.xmlns, binding.maps ? { maps: binding.maps } : {});
    if (!binding.service.has(query.action)) return reject(binding.service.name, query.action, binding.service.errors.unknownOperation(query.action), protocol);
    return { kind: 'call', service: binding.service, operation: query.action, input: query.input, protocol };
  }
  const rest = (bindings.restJson ?? []).find((b) => Object.keys(b.routes).some((route) => route.endsWith(` ${request.path}`)));
  if (rest) {
    const operation = rest.routes[`${request.method} ${request.path}`];
    if (operation === undefined) {
      return reject(rest.service.name, `${request.method} ${request.path}`, new ApiError('UnknownOperationException', `${request.path} takes POST.`, 405), restJsonProtocol);
    }
    try {
      return { kind: 'call', service: rest.service, operation, input: readRestJsonBody(request.body), protocol: restJsonProtocol };
    } catch (error) {
      if (error instanceof ApiError) return reject(rest.service.name, operation, error, restJsonProtocol);
      throw error;
    }
  }
  return reject(
    'unknown',
    `${request.method} ${request.path}`,
    new ApiError('UnknownOperationException', 'Send AWS API calls as POST / with an X-Amz-Target header (JSON 1.1), a form-encoded Action (query protocol), or to a REST-JSON path such as POST /getAlternateContact. Admin paths are under /_emulator/.', 404),
  );
}
