// The one JSON Schema for org.yaml (schema/org.schema.json). orgctl validates with ajv's code for it,
// generated ahead of time (org-schema-validator.generated.ts, kept in step with the schema by
// test/config/org-schema-validator-drift.test.ts), so no run pays for compiling the schema.
// Editors read the same file through the yaml-language-server comment at the top of org.yaml.

import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import orgSchemaJson from '../../schema/org.schema.json' with { type: 'json' };
import { validate } from './org-schema-validator.generated.js';

/** The schema as plain data, for the error explainer (descriptions, enums, error messages). */
export const ORG_SCHEMA: SchemaNode = orgSchemaJson as SchemaNode;

/** The parts of a JSON Schema object this code reads. */
export interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly description?: string;
  /** Our annotation (also read by yaml-language-server): what a valid value looks like, in words. */
  readonly errorMessage?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: boolean | SchemaNode;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
  readonly anyOf?: readonly SchemaNode[];
  readonly items?: SchemaNode;
  readonly [keyword: string]: unknown;
}

/** The ajv options the validator is generated with. */
export const ORG_SCHEMA_AJV_OPTIONS = {
  allErrors: true, // report every problem, not the first
  verbose: true, // errors carry the failing data and schema, which the explainer turns into words
  strict: true,
  strictRequired: false, // the notification's if/then names `emails`/`sns`, which are defined beside it, not inside
  allowUnionTypes: true, // an OU may be `{}` or empty (null)
} as const satisfies Options;

const validateOrgYaml = validate as unknown as ValidateFunction;

/** Validates a parsed org.yaml value; returns ajv's errors (empty when valid). */
export function checkOrgSchema(value: unknown): readonly ErrorObject[] {
  return validateOrgYaml(value) ? [] : [...(validateOrgYaml.errors ?? [])];
}

/** Follows a local `$ref` ("#/definitions/x") to the schema it names. */
export function resolveSchemaRef(schema: SchemaNode): SchemaNode {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace(/^#\/definitions\//, '');
  const target = ORG_SCHEMA.definitions?.[name];
  if (!target) return schema;
  const { $ref: _ref, ...siblings } = schema; // e.g. a more specific description beside the $ref
  return { ...target, ...siblings };
}
