// AWS REST-JSON ("restJson1"), as the Account API uses it: the operation is the HTTP method and path
// (POST /getAlternateContact), the input a JSON body; errors carry their code in X-Amzn-ErrorType and
// a JSON body {"message": ...}.

import { ApiError } from '../api-error.js';
import { isJsonObject, type JsonObject } from '../json.js';
import type { HttpReply, WireProtocol } from './wire.js';

/** Parses the body; throws SerializationException for a body that is not a JSON object. */
export function readRestJsonBody(body: string): JsonObject {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ApiError('SerializationException', 'The request body is not valid JSON.', 400);
  }
  if (!isJsonObject(parsed)) throw new ApiError('SerializationException', 'The request body must be a JSON object.', 400);
  return parsed;
}

export const restJsonProtocol: WireProtocol = {
  name: 'restJson1',
  success(_operation, output, requestId): HttpReply {
    return { status: 200, headers: { 'content-type': 'application/json', 'x-amzn-RequestId': requestId }, body: JSON.stringify(output) };
  },
  failure(error, requestId): HttpReply {
    return {
      status: error.status,
      headers: { 'content-type': 'application/json', 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': error.code },
      body: JSON.stringify({ message: error.message, ...error.fields }),
    };
  },
};
