import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byNaturalOrder } from '../../src/importer/natural-order.js';

describe('byNaturalOrder', () => {
  it('orders names as a person keeps them: case-insensitive, numbers by value', () => {
    const names = ['team 10', 'Team 2', 'beta', 'Alpha', 'team 1', 'Team 02', '10', '9', 'a', 'A', 'Zed', 'zed-1'];
    expect([...names].sort(byNaturalOrder)).toEqual(['9', '10', 'A', 'a', 'Alpha', 'beta', 'team 1', 'Team 2', 'Team 02', 'team 10', 'Zed', 'zed-1']);
  });

  it('is a total order: antisymmetric, transitive, and 0 only for equal strings', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'A', 'b', '0', '1', '2', '9', ' ', '-', 'é'), maxLength: 6 });
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        expect(Math.sign(byNaturalOrder(a, b)) + Math.sign(byNaturalOrder(b, a))).toBe(0);
        expect(byNaturalOrder(a, b) === 0).toBe(a === b);
        if (byNaturalOrder(a, b) <= 0 && byNaturalOrder(b, c) <= 0) expect(byNaturalOrder(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });
});
