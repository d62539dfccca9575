// AWS JSON 1.1 ("awsJson1_1"): POST / with X-Amz-Target "<prefix>.<Operation>" and a JSON body;
// errors as {"__type": Code, "Message": ..., extra members} with the error's HTTP status.

import { ApiError } from '../api-error.js';
import { isJsonObject, type JsonObject } from '../json.js';
import type { HttpReply, WireProtocol } from './wire.js';

export interface JsonRpcRequest {
  readonly targetPrefix: string;
  readonly operation: string;
  readonly input: JsonObject;
}

const ACCEPTED_CONTENT_TYPES = ['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'application/json'];

/** Splits X-Amz-Target and parses the body; throws SerializationException for a body that is not a JSON object. */
export function readJsonRpcRequest(target: string, contentType: string | undefined, body: string): JsonRpcRequest {
  const dot = target.lastIndexOf('.');
  const targetPrefix = dot < 0 ? '' : target.slice(0, dot);
  const operation = dot < 0 ? target : target.slice(dot + 1);
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!ACCEPTED_CONTENT_TYPES.includes(mediaType)) {
    throw new ApiError('SerializationException', `Content-Type must be application/x-amz-json-1.1 (got "${contentType ?? ''}").`, 400);
  }
  if (body.trim() === '') return { targetPrefix, operation, input: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ApiError('SerializationException', 'The request body is not valid JSON.', 400);
  }
  if (!isJsonObject(parsed)) throw new ApiError('SerializationException', 'The request body must be a JSON object.', 400);
  return { targetPrefix, operation, input: parsed };
}

export const jsonRpcProtocol: WireProtocol = {
  name: 'awsJson1_1',
  success(_operation, output, requestId): HttpReply {
    return {
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': requestId },
      body: JSON.stringify(output),
    };
  },
  failure(error, requestId): HttpReply {
    return {
      status: error.status,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': error.code },
      body: JSON.stringify({ __type: error.code, Message: error.message, ...error.fields }),
    };
  },
};
