// ajv errors → one human message each, located at the offending YAML node, saying what is allowed.
// ajv reports every failed keyword (allErrors); this file also folds the noise of `anyOf`, `if`
// and `propertyNames` into the one error a person would want to read.

import type { ErrorObject } from 'ajv';
import type { SourcePosition } from '../model/desired.js';
import { plural } from '../text/plural.js';
import { visibleText } from '../text/visible-text.js';
import { closestMatch } from './closest-match.js';
import { ORG_SCHEMA, resolveSchemaRef, type SchemaNode } from './org-schema.js';
import { plainScalarSource, positionOfPath, type DocumentPath, type YamlSource } from './yaml-source.js';

export interface SchemaProblem {
  readonly position?: SourcePosition;
  /** JSON pointer to the offending value (or key). */
  readonly pointer: string;
  readonly message: string;
}

const ACCOUNT_ID_PATTERN = ORG_SCHEMA.definitions?.['accountId']?.pattern;

export function explainSchemaErrors(errors: readonly ErrorObject[], source: YamlSource, fileName: string): SchemaProblem[] {
  return selectReadableErrors(errors).map((error) => explainError(error, source, fileName));
}

// ---------------------------------------------------------------------------------------------
// Selecting the errors worth showing

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

function typesOf(schema: SchemaNode | undefined): readonly string[] {
  if (!schema?.type) return [];
  return typeof schema.type === 'string' ? [schema.type] : schema.type;
}

function jsonTypeOf(data: unknown): JsonType {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'array';
  if (typeof data === 'number') return Number.isInteger(data) ? 'integer' : 'number';
  if (typeof data === 'string') return 'string';
  if (typeof data === 'boolean') return 'boolean';
  return 'object';
}

function typeAccepts(types: readonly string[], data: unknown): boolean {
  const actual = jsonTypeOf(data);
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

function isUnder(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/**
 * Drops ajv's bookkeeping errors and resolves each failed `anyOf` to the branch the author meant.
 * Our schema's anyOf branches differ by type (checked by a test), so the data's type picks the branch:
 * the other branches then fail only with a `type` error at the same place, which is noise.
 */
function selectReadableErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<number>();
  errors.forEach((error, index) => {
    if (error.keyword === 'if' || error.keyword === 'propertyNames') dropped.add(index);
    if (error.keyword !== 'anyOf') return;
    const group: number[] = [];
    for (let k = index - 1; k >= 0; k--) {
      const earlier = errors[k];
      if (!earlier || earlier.keyword === 'anyOf' || !isUnder(earlier.instancePath, error.instancePath)) break;
      group.push(k);
    }
    const branches = ((error.schema ?? []) as SchemaNode[]).map((branch) => typesOf(resolveSchemaRef(branch)));
    const typeErrorsHere = group.filter((k) => errors[k]?.keyword === 'type' && errors[k]?.instancePath === error.instancePath);
    if (branches.some((types) => typeAccepts(types, error.data))) {
      // The matching branch has the real problems; the others only say "wrong type".
      for (const k of typeErrorsHere) dropped.add(k);
      dropped.add(index);
    } else if (typeof error.data !== 'object' && branches.some((types) => types.includes('string'))) {
      // A bare number or boolean where text was one option: it was meant as text (e.g. an unquoted account ID).
      for (const k of typeErrorsHere) if ((errors[k]?.params as { type?: string }).type !== 'string') dropped.add(k);
      dropped.add(index);
    } else {
      // Nothing like any allowed form: one message describing the forms.
      for (const k of group) dropped.add(k);
    }
  });
  // A value of the wrong type also fails its enum/const/pattern checks: the type error says it all.
  const wrongType = new Set(errors.filter((e, index) => e.keyword === 'type' && !dropped.has(index)).map((e) => e.instancePath));
  errors.forEach((error, index) => {
    if (error.keyword !== 'type' && wrongType.has(error.instancePath) && !('propertyName' in error)) dropped.add(index);
  });
  // A misspelled key whose suggestion is the missing required key: the unknown-key message covers both.
  const suggestedKeys = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const allowed = Object.keys((error.parentSchema as SchemaNode | undefined)?.properties ?? {});
    const guess = closestMatch(String((error.params as { additionalProperty?: unknown }).additionalProperty), allowed);
    if (guess !== undefined) suggestedKeys.add(`${error.instancePath}\u0000${guess}`);
  }
  errors.forEach((error, index) => {
    const missing = (error.params as { missingProperty?: unknown }).missingProperty;
    if (error.keyword === 'required' && suggestedKeys.has(`${error.instancePath}\u0000${String(missing)}`)) dropped.add(index);
  });
  return errors.filter((_, index) => !dropped.has(index));
}

// ---------------------------------------------------------------------------------------------
// Wording

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function toPointer(segments: readonly string[]): string {
  return segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** What to call the value at a path: "`amount`", "OU `Prod`", "item 2 of `emails`". */
function nameOf(segments: readonly string[], fileName: string): string {
  const last = segments.at(-1);
  const parent = segments.at(-2);
  if (last === undefined) return fileName;
  if (parent === 'organizationalUnits') return `OU \`${truncate(last)}\``;
  if (/^\d+$/.test(last) && parent !== undefined) return `item ${Number(last) + 1} of \`${parent}\``;
  return `\`${last}\``;
}

function whereOf(segments: readonly string[], fileName: string): string {
  return segments.length === 0 ? `at the top level of ${fileName}` : `in ${nameOf(segments, fileName)}`;
}

/** User text shortened for a one-line message, with control characters made visible. */
function truncate(text: string, max = 60): string {
  const visible = visibleText(text);
  return visible.length > max ? `${visible.slice(0, max - 1)}…` : visible;
}

function describeValue(data: unknown): string {
  if (data === null || data === undefined) return 'nothing (an empty value)';
  if (typeof data === 'string') return `the text "${truncate(data)}"`;
  if (typeof data === 'number') return Number.isFinite(data) ? `the number ${data}` : `${data}`;
  if (typeof data === 'boolean') return String(data);
  return Array.isArray(data) ? 'a list' : 'a mapping';
}

function list(values: readonly unknown[]): string {
  return values.map(String).join(', ');
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  object: 'a mapping (`key: value` lines)',
  array: 'a list',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'empty',
};

/** What the schema allows, in words: "one of DAILY, MONTHLY", "a number greater than 0", "a list". */
function describeAllowed(schema: SchemaNode | undefined): string {
  if (!schema) return 'something else';
  if (schema.enum) return `one of ${list(schema.enum)}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const words = typesOf(schema).map((t) => TYPE_WORDS[t] ?? t);
  let text = words.join(' or ');
  if (typeof schema['exclusiveMinimum'] === 'number') text += ` greater than ${schema['exclusiveMinimum']}`;
  else if (typeof schema['minimum'] === 'number' && typeof schema['maximum'] === 'number') text += ` from ${schema['minimum']} to ${schema['maximum']}`;
  return text;
}

function propertyDescription(schema: SchemaNode | undefined, property: string): string | undefined {
  const propertySchema = schema?.properties?.[property];
  if (!propertySchema) return undefined;
  return propertySchema.description ?? resolveSchemaRef(propertySchema).description;
}

function digitsNote(value: string): string {
  return /^\d+$/.test(value) ? ` (it has ${value.length} digits)` : '';
}

function quoteAccountIdMessage(name: string, written: string, parsed: unknown): string {
  const digits = /^\d+$/.test(written);
  const lost = digits && String(parsed) !== written ? ` Here it became ${String(parsed)}.` : '';
  const length = digits && written.length !== 12 ? ` It also has ${written.length} digits; an account ID has exactly 12.` : '';
  return `${name}: account ID ${written} is not in quotes. YAML reads an unquoted ID as a number and drops leading zeros, so orgctl requires quotes: write "${written}".${lost}${length}`;
}

function explainType(error: ErrorObject, segments: readonly string[], source: YamlSource, name: string): string {
  const schema = error.parentSchema as SchemaNode | undefined;
  const expected = typesOf(schema);
  const data: unknown = error.data;
  const plain = plainScalarSource(source, segments);
  if (expected.includes('string') && typeof data !== 'string' && data !== null && plain !== undefined) {
    if (schema?.pattern === ACCOUNT_ID_PATTERN) return quoteAccountIdMessage(name, plain, data);
    return `${name} must be text; write it in quotes: "${plain}".`;
  }
  if ((expected.includes('number') || expected.includes('integer')) && typeof data === 'string' && data.trim() !== '' && Number.isFinite(Number(data))) {
    return `${name} must be a number, not text: remove the quotes around ${data}.`;
  }
  if (data === null && expected.includes('array')) return `${name} is empty; write a list, e.g. \`${segments.at(-1)}: []\` for none.`;
  if (data === null && expected.includes('object')) return `${name} is empty; write ${TYPE_WORDS['object']}, or remove the key.`;
  return `${name} must be ${describeAllowed(schema)}, got ${describeValue(data)}.`;
}

interface Explained {
  readonly message: string;
  readonly at: DocumentPath;
  readonly prefer?: 'key' | 'value';
}

function explain(error: ErrorObject, segments: readonly string[], source: YamlSource, fileName: string): Explained {
  const schema = error.parentSchema as SchemaNode | undefined;
  const params = error.params as Record<string, unknown>;
  const data: unknown = error.data;
  const name = nameOf(segments, fileName);
  const custom = schema?.errorMessage;
  switch (error.keyword) {
    case 'type':
      return { message: explainType(error, segments, source, name), at: segments };
    case 'enum': {
      const allowed = (schema?.enum ?? []).map(String);
      const guess = typeof data === 'string' ? closestMatch(data, allowed) : undefined;
      return {
        message: `${name} must be one of ${list(allowed)}, got ${describeValue(data)}.${guess ? ` Did you mean ${guess}?` : ''}`,
        at: segments,
      };
    }
    case 'const':
      return { message: `${name} must be ${JSON.stringify(schema?.const)}, got ${describeValue(data)}.`, at: segments };
    case 'exclusiveMinimum':
      return { message: `${name} must be greater than ${String(params['limit'])}, got ${describeValue(data)}.`, at: segments };
    case 'minimum':
      return { message: `${name} must be at least ${String(params['limit'])}, got ${describeValue(data)}.`, at: segments };
    case 'maximum':
    case 'exclusiveMaximum':
      return { message: `${name} must be at most ${String(params['limit'])}, got ${describeValue(data)}.`, at: segments };
    case 'minItems': {
      const count = Array.isArray(data) ? data.length : 0;
      const limit = Number(params['limit']);
      const has = count === 0 ? 'is empty' : `has ${plural(count, 'entry', 'entries')}`;
      return { message: `${name} ${has}; it needs at least ${limit}.`, at: segments, prefer: 'key' };
    }
    case 'maxItems': {
      const count = Array.isArray(data) ? data.length : 0;
      const limit = Number(params['limit']);
      return {
        message: `${name} has ${count} entries; at most ${limit} are allowed. This is entry ${limit + 1}; remove ${count - limit}.`,
        at: [...segments, String(limit)],
      };
    }
    case 'minLength':
    case 'maxLength': {
      const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
      const text = typeof data === 'string' ? data : '';
      if (propertyName !== undefined) {
        // A map key (an OU name) is too long or empty: point at the key.
        const ouName = propertyName === '' ? 'OU name ""' : `OU name "${truncate(propertyName)}"`;
        return { message: `${ouName} is ${propertyName.length} characters long; ${custom ?? 'see the limits in docs/org-yaml.md'}.`, at: [...segments, propertyName], prefer: 'key' };
      }
      const rule = custom ?? `it must be ${error.keyword === 'minLength' ? 'at least' : 'at most'} ${String(params['limit'])} characters`;
      return { message: `${name} is ${plural(text.length, 'character')} long; ${rule}.`, at: segments };
    }
    case 'pattern': {
      const text = typeof data === 'string' ? data : String(data);
      const note = schema?.pattern === ACCOUNT_ID_PATTERN ? digitsNote(text) : '';
      return { message: `${name}: ${custom ?? `must match ${String(params['pattern'])}`}; got "${truncate(text)}"${note}.`, at: segments };
    }
    case 'uniqueItems': {
      const later = Number(params['i']);
      const earlier = Number(params['j']);
      const first = Math.min(later, earlier);
      const second = Math.max(later, earlier);
      const value = Array.isArray(data) ? data[second] : undefined;
      return {
        message: `${name} lists ${describeValue(value).replace(/^the text /, '')} twice (entries ${first + 1} and ${second + 1}); list each once.`,
        at: [...segments, String(second)],
      };
    }
    case 'minProperties':
      // An account mapping with only its `id`: the schema's own words say what to write instead.
      return custom ? { message: `${name}: ${custom}.`, at: segments, prefer: 'key' } : { message: `${name} ${error.message ?? 'is not valid'}.`, at: segments };
    case 'required': {
      const missing = String(params['missingProperty']);
      if (custom) return { message: `${name}: ${custom}.`, at: segments, prefer: 'key' };
      const about = propertyDescription(schema, missing);
      return { message: `${name} is missing the required key \`${missing}\`.${about ? ` \`${missing}\`: ${about}` : ''}`, at: segments, prefer: 'key' };
    }
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = Object.keys(schema?.properties ?? {});
      const guess = closestMatch(key, allowed);
      const ouHint =
        !guess && allowed.includes('organizationalUnits') ? ` To declare an OU named "${truncate(key)}", put it under \`organizationalUnits:\`.` : '';
      return {
        message: `unknown key \`${truncate(key)}\` ${whereOf(segments, fileName)}${guess ? `; did you mean \`${guess}\`?` : '.'} Allowed keys here: ${list(allowed)}.${ouHint}`,
        at: [...segments, key],
        prefer: 'key',
      };
    }
    case 'anyOf':
      return { message: `${name}: ${custom ?? 'does not match any allowed form'}; got ${describeValue(data)}.`, at: segments };
    default:
      return { message: `${name} ${error.message ?? 'is not valid'}.`, at: segments };
  }
}

function explainError(error: ErrorObject, source: YamlSource, fileName: string): SchemaProblem {
  const segments = pointerSegments(error.instancePath);
  const explained = explain(error, segments, source, fileName);
  const position = positionOfPath(source, explained.at, explained.prefer) ?? positionOfPath(source, segments, 'key');
  return { ...(position ? { position } : {}), pointer: toPointer(explained.at.map(String)), message: explained.message };
}
