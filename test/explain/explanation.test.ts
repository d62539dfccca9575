// The pure parts of `orgctl explain`: the target on the command line, which budgets cover it, the
// SDK shape of a budget's linked-account filter, and AWS text in the rendering.

import { describe, expect, it } from 'vitest';
import { toBudgetScope } from '../../src/aws/sdk/shapes.js';
import { budgetsCovering, parseExplainTarget, type Explanation } from '../../src/explain/explanation.js';
import { explanationJson, renderExplanationText } from '../../src/explain/render-explanation.js';

describe('parseExplainTarget', () => {
  it('an account ID, an OU path (escaped segments, a trailing slash), the root; nothing else', () => {
    expect(parseExplainTarget('012345678901')).toEqual({ type: 'account', id: '012345678901' });
    expect(parseExplainTarget('/Workloads/Prod/')).toEqual({ type: 'ou', path: '/Workloads/Prod', names: ['Workloads', 'Prod'] });
    expect(parseExplainTarget('/A%2FB')).toEqual({ type: 'ou', path: '/A%2FB', names: ['A/B'] });
    expect(parseExplainTarget('/')).toEqual({ type: 'ou', path: '/', names: [] });
    for (const bad of ['12345', 'Workloads', '//A', '/A//B', '']) expect(parseExplainTarget(bad), bad).toBeUndefined();
  });
});

describe('budgetsCovering', () => {
  const budgets = [
    { name: 'zeta', linkedAccounts: null },
    { name: 'mine', linkedAccounts: ['111111111111'] },
    { name: 'theirs', linkedAccounts: ['222222222222'] },
    { name: 'alpha', linkedAccounts: null },
  ];
  it('an account: budgets without a linked-account filter and those naming it, by name', () => {
    expect(budgetsCovering(budgets, { type: 'account', id: '111111111111' }).map((b) => b.name)).toEqual(['alpha', 'mine', 'zeta']);
  });
  it('an OU: only budgets without a linked-account filter', () => {
    expect(budgetsCovering(budgets, { type: 'ou', path: '/A', names: ['A'] }).map((b) => b.name)).toEqual(['alpha', 'zeta']);
  });
});

describe('toBudgetScope', () => {
  it('reads CostFilters.LinkedAccount and a FilterExpression LINKED_ACCOUNT dimension (top level or an And term); other filters count every account', () => {
    expect(toBudgetScope({ BudgetName: 'a', CostFilters: { LinkedAccount: ['111111111111'] } } as never)).toEqual({ name: 'a', linkedAccounts: ['111111111111'] });
    expect(toBudgetScope({ BudgetName: 'b', FilterExpression: { Dimensions: { Key: 'LINKED_ACCOUNT', Values: ['222222222222'] } } } as never)).toEqual({ name: 'b', linkedAccounts: ['222222222222'] });
    expect(
      toBudgetScope({ BudgetName: 'c', FilterExpression: { And: [{ Dimensions: { Key: 'SERVICE', Values: ['Amazon EC2'] } }, { Dimensions: { Key: 'LINKED_ACCOUNT', Values: ['333333333333'] } }] } } as never),
    ).toEqual({ name: 'c', linkedAccounts: ['333333333333'] });
    expect(toBudgetScope({ BudgetName: 'd', CostFilters: { Service: ['Amazon EC2'] } } as never)).toEqual({ name: 'd', linkedAccounts: null });
    expect(toBudgetScope({ BudgetName: 'e' } as never)).toEqual({ name: 'e', linkedAccounts: null });
  });
});

describe('rendering', () => {
  const explanation: Explanation = {
    path: [
      { type: 'ROOT', id: 'r-abcd', name: 'Root', path: '/', policies: {} },
      { type: 'ORGANIZATIONAL_UNIT', id: 'ou-abcd-11111111', name: 'Evil\n# heading', path: '/Evil\n# heading', policies: {} },
    ],
    tags: { 'k\u001b[31m': 'v\nw' },
    budgets: [],
  };
  it('AWS text cannot break lines or inject terminal escapes', () => {
    const text = renderExplanationText(explanation);
    expect(text).not.toContain('\u001b');
    expect(text.split('\n').filter((l) => l.startsWith('#'))).toEqual([]);
    expect(text).toContain('(no policy type is enabled on the root)');
    expect(text).toContain('Budgets that cover it: none');
  });
  it('json: the target is the last level', () => {
    expect(explanationJson(explanation).target).toEqual({ type: 'ORGANIZATIONAL_UNIT', id: 'ou-abcd-11111111', name: 'Evil\n# heading', path: '/Evil\n# heading' });
  });
});
