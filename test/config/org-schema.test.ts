// The schema itself: valid draft-07, strict for ajv, and complete for editors (descriptions everywhere).

import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config/normalize.js';
import { ORG_SCHEMA, checkOrgSchema, resolveSchemaRef, type SchemaNode } from '../../src/config/org-schema.js';

const raw = JSON.parse(readFileSync(new URL('../../schema/org.schema.json', import.meta.url), 'utf8')) as SchemaNode;

/** Every subschema with its JSON pointer. */
function* subschemas(node: SchemaNode, pointer = '#'): Generator<[string, SchemaNode]> {
  yield [pointer, node];
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword === 'enum' || keyword === 'const' || keyword === 'default' || keyword === 'required') continue;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) if (typeof item === 'object' && item !== null) yield* subschemas(item as SchemaNode, `${pointer}/${keyword}/${i}`);
    } else if (typeof value === 'object' && value !== null) {
      if (keyword === 'properties' || keyword === 'definitions') {
        for (const [name, child] of Object.entries(value as Record<string, SchemaNode>)) yield* subschemas(child, `${pointer}/${keyword}/${name}`);
      } else {
        yield* subschemas(value as SchemaNode, `${pointer}/${keyword}`);
      }
    }
  }
}

function typesOf(schema: SchemaNode): string[] {
  return schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : [...schema.type];
}

describe('schema/org.schema.json', () => {
  it('is a valid draft-07 schema', () => {
    const ajv = new Ajv({ strict: false });
    expect(raw.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(ajv.validateSchema(raw)).toBe(true);
  });

  it('compiles in ajv strict mode (checkOrgSchema) and accepts a minimal document', () => {
    expect(checkOrgSchema({ version: 1, organization: { managementAccountId: '123456789012' }, root: {} })).toEqual([]);
  });

  it('every property has a description (editor hover), directly or through its $ref', () => {
    const missing: string[] = [];
    for (const [pointer, node] of subschemas(raw)) {
      for (const [name, property] of Object.entries(node.properties ?? {})) {
        if (!resolveSchemaRef(property).description) missing.push(`${pointer}/properties/${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every mapping refuses unknown keys: additionalProperties is false, or a schema for map values (OU names)', () => {
    const open: string[] = [];
    for (const [pointer, node] of subschemas(raw)) {
      if (!typesOf(node).includes('object')) continue;
      const closed = node.properties ? node.additionalProperties === false : typeof node.additionalProperties === 'object';
      if (!closed) open.push(pointer);
    }
    expect(open).toEqual([]);
  });

  it('every pattern has an errorMessage saying in words what is allowed', () => {
    const bare = [...subschemas(raw)].filter(([, node]) => node.pattern !== undefined && !node.errorMessage).map(([pointer]) => pointer);
    expect(bare).toEqual([]);
  });

  it('anyOf branches differ by type (the error explainer picks the branch by the value\'s type)', () => {
    for (const [pointer, node] of subschemas(raw)) {
      if (!node.anyOf) continue;
      const branchTypes = node.anyOf.map((branch) => typesOf(resolveSchemaRef(branch)));
      for (const types of branchTypes) expect(types.length, pointer).toBeGreaterThan(0);
      const all = branchTypes.flat();
      expect(new Set(all).size, pointer).toBe(all.length);
    }
  });

  it("the schema's default annotations are the defaults normalize applies", () => {
    const definitions = ORG_SCHEMA.definitions ?? {};
    const prop = (definition: string, name: string): unknown => definitions[definition]?.properties?.[name]?.default;
    expect({
      featureSet: prop('organization', 'featureSet'),
      unit: prop('budget', 'unit'),
      timeUnit: prop('budget', 'timeUnit'),
      thresholdType: prop('notification', 'thresholdType'),
      comparison: prop('notification', 'comparison'),
      options: {
        pruneOrganizationalUnits: prop('options', 'pruneOrganizationalUnits'),
        pruneBudgets: prop('options', 'pruneBudgets'),
        unlistedAccounts: prop('options', 'unlistedAccounts'),
        prunePolicies: prop('options', 'prunePolicies'),
        unlistedPolicyAttachments: prop('options', 'unlistedPolicyAttachments'),
      },
      policyType: prop('policy', 'type'),
      policyDescription: prop('policy', 'description'),
    }).toEqual(DEFAULTS);
  });

  it("the repository's org.yaml points editors at this schema", () => {
    const firstLine = readFileSync(new URL('../../org.yaml', import.meta.url), 'utf8').split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=./schema/org.schema.json');
  });
});
