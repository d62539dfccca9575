// docs/aws-access.md must list every operation the port makes, with the IAM action it needs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iamActionsFor, PORT_OPERATIONS } from '../../src/aws/operations.js';

const doc = readFileSync(new URL('../../docs/aws-access.md', import.meta.url), 'utf8');
const rows = new Map(
  doc
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Operation') && !line.startsWith('|---'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    // Keyed by operation and service: ListTagsForResource exists in both Organizations and Budgets.
    .map((cells) => [`${cells[1] ?? ''}|${cells[2] ?? ''}`, cells] as const),
);
const SERVICE_COLUMN = { organizations: 'Organizations', budgets: 'Budgets', sts: 'STS', iam: 'IAM', account: 'Account', 'sso-admin': 'SSO Admin', 'accessanalyzer': 'Access Analyzer', identitystore: 'Identity Store' } as const;

describe('docs/aws-access.md', () => {
  it.each(Object.values(PORT_OPERATIONS).map((info) => [info.operation, info] as const))('documents %s', (operation, info) => {
    const row = rows.get(`${operation}|${SERVICE_COLUMN[info.service]}`);
    expect(row, `no table row for ${operation}`).toBeDefined();
    expect(row?.[3]).toBe(info.access);
    if (info.service !== 'sts') for (const action of iamActionsFor(info.service, operation)) expect(row?.[5]).toContain(action);
  });
});
