// An HTTP answer, and how a protocol turns operation results and errors into one.

import type { ApiError } from '../api-error.js';
import type { JsonObject } from '../json.js';

export interface HttpReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface WireProtocol {
  readonly name: string;
  success(operation: string, output: JsonObject, requestId: string): HttpReply;
  failure(error: ApiError, requestId: string): HttpReply;
}
