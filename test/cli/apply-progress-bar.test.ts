// The apply progress bar: drawn on stderr only when it is a terminal, only for runs longer than a
// couple of seconds, and always cleared before a step line is written so lines never interleave.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgressBar } from '../../src/cli/progress-bar.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, columns: 80, write: (text: string) => writes.push(text) };
}

describe('apply progress bar', () => {
  afterEach(() => vi.useRealTimers());

  it('draws nothing when stderr is not a terminal, however long the run', () => {
    vi.useFakeTimers();
    let now = 0;
    const out = stream(false);
    const err = stream(false);
    const bar = createProgressBar(3, out, err, () => now);
    now = 60_000;
    vi.advanceTimersByTime(60_000);
    bar.line('ok      createBudget budget:b');
    bar.advance();
    bar.done();
    expect(err.writes).toEqual([]);
    expect(out.writes).toEqual(['ok      createBudget budget:b\n']);
  });

  it('on a terminal: silent for the first seconds, then a bar with counts and time, cleared before each line and at the end', () => {
    vi.useFakeTimers();
    let now = 0;
    const out = stream(false);
    const err = stream(true);
    const bar = createProgressBar(4, out, err, () => now);
    bar.line('ok      step one');
    bar.advance();
    expect(err.writes).toEqual([]); // a fast run never shows a bar

    now = 2500;
    vi.advanceTimersByTime(500);
    expect(err.writes.at(-1)).toMatch(/^\r\x1b\[2K\[#{10}\.{30}\] 1\/4 steps, 2\.5s$/);
    const drawn = err.writes.length;
    bar.line('ok      step two');
    // The bar is erased, the line printed, the bar drawn again.
    expect(err.writes[drawn]).toBe('\r\x1b[2K');
    expect(out.writes.at(-1)).toBe('ok      step two\n');
    bar.advance();
    expect(err.writes.at(-1)).toMatch(/\] 2\/4 steps/);
    bar.done();
    expect(err.writes.at(-1)).toBe('\r\x1b[2K');
    const after = err.writes.length;
    vi.advanceTimersByTime(5000);
    expect(err.writes).toHaveLength(after); // no redraw once done
  });

  it('a one-step run shows no bar even on a terminal', () => {
    let now = 0;
    const err = stream(true);
    const bar = createProgressBar(1, stream(false), err, () => now);
    now = 10_000;
    bar.advance();
    bar.done();
    expect(err.writes).toEqual([]);
  });
});
