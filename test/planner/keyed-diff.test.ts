import { describe, expect, it } from 'vitest';
import { diffKeyed, jsonEqual } from '../../src/planner/keyed-diff.js';

describe('diffKeyed', () => {
  it('sorts keys into added, removed and changed, each in code-unit order', () => {
    const live = { b: { n: 1 }, a: { n: 1 }, gone: { n: 0 }, Z: { n: 2 } };
    const desired = { a: { n: 1 }, b: { n: 2 }, new: { n: 3 }, Z: { n: 3 }, __proto__x: { n: 0 } };
    expect(diffKeyed(live, desired)).toEqual({ added: ['__proto__x', 'new'], removed: ['gone'], changed: ['Z', 'b'] });
  });

  it('treats "__proto__" as an ordinary key', () => {
    const desired = Object.fromEntries([['__proto__', 1]]) as Record<string, number>;
    expect(diffKeyed({}, desired).added).toEqual(['__proto__']);
    expect(diffKeyed(desired, {}).removed).toEqual(['__proto__']);
  });

  it('uses the given equality', () => {
    expect(diffKeyed({ a: 'X' }, { a: 'x' }, (l, d) => l.toLowerCase() === d.toLowerCase()).changed).toEqual([]);
  });
});

describe('jsonEqual', () => {
  it('compares JSON values deeply', () => {
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(jsonEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual({ amount: null }, { amount: 0 })).toBe(false);
  });
});
