// A one-line progress bar on a terminal, for applies that take more than a few seconds.
// Drawn on stderr with \r; cleared before each regular output line so lines never interleave.

import { formatDuration } from '../render/apply-results.js';

export interface ProgressBar {
  /** Writes a line above the bar. */
  line(text: string): void;
  /** Writes a line above the bar on the error stream (what the user should know, not a result). */
  note(text: string): void;
  advance(): void;
  done(): void;
}

interface Stream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

const SHOW_AFTER_MS = 2000;

export function createProgressBar(total: number, out: Stream, err: Stream, now: () => number = () => Date.now()): ProgressBar {
  const started = now();
  let finished = 0;
  let drawn = false;
  const enabled = Boolean(err.isTTY) && total > 1;
  const timer = enabled ? setInterval(() => draw(), 500) : undefined;
  timer?.unref();

  const clear = (): void => {
    if (drawn) err.write('\r\x1b[2K');
    drawn = false;
  };
  const draw = (): void => {
    const elapsed = now() - started;
    if (!enabled || elapsed < SHOW_AFTER_MS) return;
    const width = Math.max(10, Math.min(40, (err.columns ?? 80) - 40));
    const filled = Math.round((finished / total) * width);
    err.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${finished}/${total} steps, ${formatDuration(elapsed)}`);
    drawn = true;
  };

  return {
    line(text) {
      clear();
      out.write(`${text}\n`);
      draw();
    },
    note(text) {
      clear();
      err.write(`${text}\n`);
      draw();
    },
    advance() {
      finished += 1;
      draw();
    },
    done() {
      if (timer) clearInterval(timer);
      clear();
    },
  };
}
