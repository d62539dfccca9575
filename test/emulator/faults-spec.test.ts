// The --faults text: what it parses to, and errors that say what is wrong.

import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../../src/emulator/faults.js';
import { FaultSpecError, parseFaultSpec } from '../../src/emulator/faults-spec.js';
import { normalizeAmount } from '../../src/emulator/budgets/amount.js';

describe('fault spec', () => {
  it('parses seeds, targets, rates as fractions or percentages, and latency ranges', () => {
    expect(parseFaultSpec('seed=42; *: throttle=10%, drop=0.02; MoveAccount|budgets.*: conflict=20%, latency=50-200ms@50%')).toEqual({
      seed: 42,
      rules: [
        { operations: '*', rates: { throttle: 0.1, drop: 0.02 } },
        { operations: ['MoveAccount', 'budgets.*'], rates: { conflict: 0.2 }, latencyMs: [50, 200], latencyRate: 0.5 },
      ],
    });
    expect(parseFaultSpec('ListRoots: latency=30ms, drop-after=1')).toEqual({ rules: [{ operations: ['ListRoots'], rates: { 'drop-after': 1 }, latencyMs: 30 }] });
  });

  it.each([
    ['*: thrott=10%', /unknown fault "thrott"/],
    ['*: throttle=150%', /probability/],
    ['*: throttle=0.7, drop=0.5', /add up to 1\.2/],
    ['throttle=10%', /expected "<operations>: <fault>=<rate>/],
    ['Move-Account: drop=1', /not an operation name/],
    ['seed=abc', /seed must be a whole number/],
    ['*: latency=fast', /latency must be milliseconds/],
  ])('refuses %j', (text, message) => {
    expect(() => parseFaultSpec(text)).toThrow(FaultSpecError);
    expect(() => parseFaultSpec(text)).toThrow(message);
  });

  it('rolls each operation independently: interleaving other operations does not change its faults', () => {
    const spec = parseFaultSpec('seed=5; *: throttle=30%');
    const alone = new FaultInjector(spec, 1);
    const mixed = new FaultInjector(spec, 1);
    const a: (string | undefined)[] = [];
    const b: (string | undefined)[] = [];
    for (let i = 0; i < 50; i++) {
      a.push(alone.decide('organizations', 'ListRoots').fault);
      mixed.decide('budgets', 'DescribeBudgets');
      b.push(mixed.decide('organizations', 'ListRoots').fault);
    }
    expect(a).toEqual(b);
    expect(a.filter((f) => f === 'throttle').length).toBeGreaterThan(5);
  });
});

describe('budget amounts', () => {
  it.each([
    ['100', '100.0'],
    ['100.50', '100.5'],
    ['0100.000', '100.0'],
    ['.5', '0.5'],
    ['0', '0.0'],
    ['12.345', '12.345'],
  ])('%s is answered as %s', (input, output) => expect(normalizeAmount(input)).toBe(output));
});
