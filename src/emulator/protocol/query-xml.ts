// The AWS query protocol (STS, IAM): a form-encoded POST with Action and Version, answered in
// XML: <OpResponse><OpResult>...</OpResult><ResponseMetadata/></OpResponse>, errors as <ErrorResponse>.

import type { JsonObject, JsonValue } from '../json.js';
import type { HttpReply, WireProtocol } from './wire.js';

export interface QueryRequest {
  readonly action: string;
  readonly version: string | undefined;
  /** The other parameters, unflattened: "A.member.1.B=x" becomes { A: [{ B: "x" }] }. */
  readonly input: JsonObject;
}

type Mutable = { [key: string]: MutableValue };
type MutableValue = string | Mutable | MutableValue[];

function setPath(target: Mutable, path: readonly string[], value: string): void {
  let node: Mutable | MutableValue[] = target;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] ?? '';
    const last = i === path.length - 1;
    // "member" and "entry" are list markers; the next segment is a 1-based index.
    if (segment === 'member' || segment === 'entry') continue;
    const index = /^\d+$/.test(segment) ? Number(segment) - 1 : undefined;
    const nextIsList = path[i + 1] === 'member' || path[i + 1] === 'entry' || /^\d+$/.test(path[i + 1] ?? '');
    if (Array.isArray(node)) {
      if (index === undefined) return;
      if (last) node[index] = value;
      else node = (node[index] ??= nextIsList ? [] : {}) as Mutable | MutableValue[];
    } else {
      if (last) node[segment] = value;
      else node = (node[segment] ??= nextIsList ? [] : {}) as Mutable | MutableValue[];
    }
  }
}

export function readQueryRequest(body: string): QueryRequest {
  const params = new URLSearchParams(body);
  const input: Mutable = {};
  let action = '';
  let version: string | undefined;
  for (const [key, value] of params) {
    if (key === 'Action') action = value;
    else if (key === 'Version') version = value;
    else setPath(input, key.split('.'), value);
  }
  return { action, version, input };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

/** `maps`: element names whose object value is an XML map (<entry><key/><value/></entry>), e.g. IAM's SummaryMap. */
function toXml(value: JsonValue | undefined, maps: ReadonlySet<string>): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item: JsonValue) => `<member>${toXml(item, maps)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => {
        if (maps.has(k) && typeof v === 'object' && v !== null && !Array.isArray(v)) {
          const entries = Object.entries(v).map(([key, item]) => `<entry><key>${escapeXml(key)}</key><value>${toXml(item, maps)}</value></entry>`);
          return `<${k}>${entries.join('')}</${k}>`;
        }
        return `<${k}>${toXml(v, maps)}</${k}>`;
      })
      .join('');
  }
  return escapeXml(String(value));
}

export interface QueryXmlOptions {
  /** Response members that are maps rather than structures. */
  readonly maps?: readonly string[];
}

export function queryXmlProtocol(xmlns: string, options: QueryXmlOptions = {}): WireProtocol {
  const maps = new Set(options.maps ?? []);
  return {
    name: 'awsQuery',
    success(operation, output, requestId): HttpReply {
      const body =
        `<${operation}Response xmlns="${xmlns}">` +
        `<${operation}Result>${toXml(output, maps)}</${operation}Result>` +
        `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
        `</${operation}Response>`;
      return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-RequestId': requestId }, body };
    },
    failure(error, requestId): HttpReply {
      const body =
        `<ErrorResponse xmlns="${xmlns}"><Error>` +
        `<Type>${error.senderFault ? 'Sender' : 'Receiver'}</Type>` +
        `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
        `</Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
      return { status: error.status, headers: { 'content-type': 'text/xml', 'x-amzn-RequestId': requestId }, body };
    },
  };
}
