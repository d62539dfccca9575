// The org.yaml validator orgctl runs (src/config/org-schema-validator.generated.ts) is ajv's own code
// for schema/org.schema.json, generated ahead of time ("standalone") so no run pays for compiling the
// schema (about 100 ms of every CLI start). This test regenerates it and fails when the committed file
// differs, so the schema and the validator cannot drift apart. After changing the schema, run:
//   npx vitest run test/config/org-schema-validator-drift.test.ts -u
// and commit both files. It also checks the generated validator reports exactly what ajv compiling the
// schema at run time reports, on valid and invalid documents.

import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { describe, expect, it } from 'vitest';
import { checkOrgSchema, ORG_SCHEMA_AJV_OPTIONS } from '../../src/config/org-schema.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/org.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const BANNER = [
  '// @ts-nocheck',
  '// GENERATED from schema/org.schema.json by test/config/org-schema-validator-drift.test.ts: ajv\'s standalone',
  '// validator, compiled ahead of time. Do not edit by hand: change the schema, then run',
  '// `npx vitest run test/config/org-schema-validator-drift.test.ts -u`.',
  '/* eslint-disable */',
].join('\n');

function newAjv(code?: { source: true; esm: true }): Ajv {
  const ajv = new Ajv({ ...ORG_SCHEMA_AJV_OPTIONS, ...(code ? { code } : {}) });
  ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  return ajv;
}

function generateValidator(): string {
  const ajv = newAjv({ source: true, esm: true });
  const code = standaloneCode.default(ajv, ajv.compile(schema));
  // ajv's ESM output still require()s its small runtime helpers; make them imports (CommonJS modules:
  // the default import is module.exports under Node, or its `default` under other interop).
  const imports: string[] = [];
  const body = code.replace(/const (\w+) = require\("(ajv\/dist\/runtime\/[\w-]+)"\)\.default;/g, (_match: string, name: string, path: string) => {
    imports.push(`import ${name}Module from '${path}.js';`);
    return `const ${name} = typeof ${name}Module === 'function' ? ${name}Module : ${name}Module.default;`;
  });
  if (/require\(/.test(body)) throw new Error('the generated validator still calls require(); extend the rewrite above');
  return `${BANNER}\n${imports.join('\n')}\n${body.replace(/^"use strict";/, '')}\n`;
}

describe('the generated org.yaml validator', () => {
  it('src/config/org-schema-validator.generated.ts is exactly what ajv generates for the schema', async () => {
    await expect(generateValidator()).toMatchFileSnapshot('../../src/config/org-schema-validator.generated.ts');
  });

  it('reports exactly what ajv compiling the schema at run time reports', () => {
    const compiled = newAjv().compile(schema);
    const runtime = (value: unknown): ErrorObject[] => (compiled(value) ? [] : [...(compiled.errors ?? [])]);
    const documents: unknown[] = [
      { version: 1, organization: { managementAccountId: '123456789012' }, root: {} },
      {
        version: 1,
        organization: { managementAccountId: '123456789012', featureSet: 'ALL' },
        root: { accounts: ['123456789012'], organizationalUnits: { Prod: { accounts: [{ id: '210987654321', name: 'web' }], organizationalUnits: { Web: null } } } },
        budgets: [{ name: 'monthly', amount: 10, notifications: [{ type: 'ACTUAL', threshold: 80, emails: ['a@example.com'] }] }],
        options: { pruneOrganizationalUnits: false, pruneBudgets: false, unlistedAccounts: 'ignore' },
      },
      {},
      { version: 2, organisation: {}, root: [] },
      { version: 1, organization: { managementAccountId: 123456789012 }, root: { accounts: [12, 'x'], organizationalUnits: { '': {} } } },
      { version: 1, organization: { managementAccountId: '123456789012' }, root: {}, budgets: [{ name: 'a:b', amount: -1, unit: 'usd', notifications: [] }] },
      { version: 1, organization: { managementAccountId: '123456789012' }, root: {}, budgets: [{ name: 'b', amount: 1, notifications: [{ type: 'ACTUAL', threshold: 1 }] }] },
      { version: 1, organization: { managementAccountId: '123456789012' }, root: {}, options: { pruneBudgets: 'yes', extra: 1 } },
      { version: 1, organization: { managementAccountId: '123456789012' }, root: {}, security: { breakGlassUsers: [1], identityCenter: 'maybe' } },
      'not an object',
      null,
    ];
    for (const document of documents) expect(checkOrgSchema(document)).toEqual(runtime(document));
  });
});
