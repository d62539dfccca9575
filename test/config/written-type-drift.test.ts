// The raw input type (src/config/written-org-yaml.ts) is generated from schema/org.schema.json.
// This test regenerates it and fails when the committed file differs, so the schema and the
// TypeScript that reads it cannot drift apart. After changing the schema, run:
//   npx vitest run test/config/written-type-drift.test.ts -u
// and commit both files; `tsc` then shows every place the change touches.

import { readFileSync } from 'node:fs';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { describe, expect, it } from 'vitest';

const SCHEMA_PATH = new URL('../../schema/org.schema.json', import.meta.url);

const BANNER = [
  '// GENERATED from schema/org.schema.json by test/config/written-type-drift.test.ts. Do not edit by hand:',
  '// change the schema, then run `npx vitest run test/config/written-type-drift.test.ts -u`.',
  '// The raw shape of org.yaml as written (before defaults); src/config/normalize.ts turns it into DesiredOrg.',
].join('\n');

async function generateWrittenOrgYamlType(schema: JSONSchema): Promise<string> {
  // The root type's name comes from here, not from the schema's title (which editors show).
  const { title: _title, ...untitled } = schema;
  return compile(untitled, 'WrittenOrgYaml', {
    bannerComment: BANNER,
    additionalProperties: false,
    ignoreMinAndMaxItems: true, // plain arrays; the limits are checked by ajv
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true, printWidth: 140 },
  });
}

describe('schema ↔ WrittenOrgYaml', () => {
  it('src/config/written-org-yaml.ts is exactly what the schema generates', async () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as JSONSchema;
    const generated = await generateWrittenOrgYamlType(schema);
    await expect(generated).toMatchFileSnapshot('../../src/config/written-org-yaml.ts');
  });

  it('notices a change: a new schema property shows up in the generated type', async () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as JSONSchema & { properties: Record<string, JSONSchema> };
    schema.properties['security'] = { description: 'probe', type: 'object', additionalProperties: false, properties: { scp: { type: 'boolean' } } };
    const generated = await generateWrittenOrgYamlType(schema);
    expect(generated).toMatch(/security\?: \{\s*scp\?: boolean;\s*\};/);
    expect(generated).not.toEqual(readFileSync(new URL('../../src/config/written-org-yaml.ts', import.meta.url), 'utf8'));
  });
});
