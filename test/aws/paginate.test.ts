// The adapter's one pagination helper: every List/Describe in src/aws/sdk/ reads its pages through it.

import { describe, expect, it } from 'vitest';
import type { CallRunner } from '../../src/aws/call-runner.js';
import { isAwsCallError } from '../../src/aws/errors.js';
import { listAll } from '../../src/aws/sdk/paginate.js';

interface Reply {
  readonly Items?: string[];
  readonly NextToken?: string;
}

/** A call runner that records which operation each request was sent as. */
function recordingRunner(): { call: CallRunner; sent: string[] } {
  const sent: string[] = [];
  const call: CallRunner = (service, operation, send) => {
    sent.push(`${service}:${operation}`);
    return send();
  };
  return { call, sent };
}

describe('listAll', () => {
  it('follows NextToken across empty pages, one call per page, asking each time for the page size', async () => {
    const replies: Record<string, Reply> = {
      first: { Items: ['a', 'b'], NextToken: 't1' },
      t1: { Items: [], NextToken: 't2' },
      t2: { NextToken: 't3' },
      t3: { Items: ['c'] },
    };
    const requests: [string | undefined, number | undefined][] = [];
    const { call, sent } = recordingRunner();
    const items = await listAll(call, {
      service: 'organizations',
      operation: 'ListAccountsForParent',
      pageSize: 20,
      send: async (token, pageSize) => {
        requests.push([token, pageSize]);
        return replies[token ?? 'first']!;
      },
      page: (reply) => ({ items: reply.Items, nextToken: reply.NextToken }),
    });
    expect(items).toEqual(['a', 'b', 'c']);
    expect(requests).toEqual([
      [undefined, 20],
      ['t1', 20],
      ['t2', 20],
      ['t3', 20],
    ]);
    expect(sent).toEqual(Array(4).fill('organizations:ListAccountsForParent'));
  });

  it('an empty token ends the list like an absent one', async () => {
    const { call, sent } = recordingRunner();
    const items = await listAll(call, {
      service: 'budgets',
      operation: 'DescribeBudgets',
      pageSize: undefined,
      send: async () => ({ Items: ['only'], NextToken: '' }) as Reply,
      page: (reply) => ({ items: reply.Items, nextToken: reply.NextToken }),
    });
    expect(items).toEqual(['only']);
    expect(sent).toHaveLength(1);
  });

  it('a token the service repeats ends in a classified error instead of a loop', async () => {
    const { call } = recordingRunner();
    const error = await listAll(call, {
      service: 'organizations',
      operation: 'ListRoots',
      pageSize: 20,
      send: async () => ({ Items: ['r'], NextToken: 'same' }) as Reply,
      page: (reply) => ({ items: reply.Items, nextToken: reply.NextToken }),
    }).catch((e: unknown) => e);
    expect(isAwsCallError(error, 'other')).toBe(true);
    expect(String((error as Error).message)).toContain('NextToken "same" twice');
  });
});
