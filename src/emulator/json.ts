// Plain JSON values as they travel on the wire (request bodies, response bodies, snapshots).

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/** Undefined members are allowed so responses can be built with optional fields; JSON.stringify drops them. */
export interface JsonObject {
  readonly [key: string]: JsonValue | undefined;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
