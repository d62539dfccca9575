// composeComment: the marker first, fixed parts whole, fitted parts in the room left, never over the limit.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeComment, fittedPart, fixedPart, MARKERS, truncateLines } from '../../src/action/compose-comment.js';

describe('composeComment', () => {
  it('starts with the marker and keeps the parts in order, separated by blank lines', () => {
    const body = composeComment(MARKERS.plan, [fixedPart('### audit'), fittedPart(() => '### plan'), fixedPart('<sub>footer</sub>')]);
    expect(body).toBe('<!-- orgctl:plan -->\n\n### audit\n\n### plan\n\n<sub>footer</sub>\n');
  });

  it('gives fitted parts exactly the room the fixed parts leave, first come first served', () => {
    const rooms: number[] = [];
    const greedy = fittedPart((max) => {
      rooms.push(max);
      return 'x'.repeat(max);
    });
    const body = composeComment(MARKERS.plan, [fixedPart('a'.repeat(100)), greedy, greedy, fixedPart('z'.repeat(50))], 1_000);
    expect(body.length).toBeLessThanOrEqual(1_000);
    expect(body.length).toBeGreaterThan(990);
    expect(rooms[1]).toBe(0);
    expect(body.endsWith(`${'z'.repeat(50)}\n`)).toBe(true);
  });

  it('never exceeds the limit, whatever the parts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 300 }).map(fixedPart), fc.nat({ max: 400 }).map((n) => fittedPart((max) => 'y'.repeat(Math.min(n, max))))), { maxLength: 6 }),
        fc.integer({ min: 30, max: 2_000 }),
        (parts, limit) => composeComment(MARKERS.drift, parts, limit).length <= limit,
      ),
    );
  });
});

describe('truncateLines', () => {
  it('keeps whole lines and says how many were left out', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const cut = truncateLines(text, 200, (n) => `${n} more`);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut).toMatch(/^line 0\nline 1\n/);
    const kept = cut.split('\n\n')[0]!.split('\n');
    expect(cut.endsWith(`${100 - kept.length} more`)).toBe(true);
    expect(truncateLines('short', 200, () => 'never')).toBe('short');
  });
});
