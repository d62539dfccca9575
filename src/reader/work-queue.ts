// Runs tasks with at most `concurrency` in flight; tasks may add more tasks (a tree walk).
// The first failure, here or signalled through `signal` by a sibling queue, stops new tasks from
// starting and is what idle() rejects with. Requests already in flight are not awaited.

export class WorkQueue {
  private readonly pending: (() => Promise<void>)[] = [];
  private running = 0;
  private failure: { error: unknown } | undefined;
  private waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly signal?: AbortSignal,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${concurrency}`);
    if (signal?.aborted) this.fail(signal.reason);
    else signal?.addEventListener('abort', () => this.fail(signal.reason), { once: true });
  }

  add(task: () => Promise<void>): void {
    if (this.failure) return;
    this.pending.push(task);
    this.pump();
  }

  /** Resolves when every task (including tasks added by tasks) has finished; rejects on the first failure. */
  idle(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.settle();
    });
  }

  private pump(): void {
    while (!this.failure && this.running < this.concurrency) {
      const task = this.pending.shift();
      if (!task) break;
      this.running += 1;
      task().then(
        () => this.finished(),
        (error: unknown) => {
          this.fail(error);
          this.finished();
        },
      );
    }
  }

  private fail(error: unknown): void {
    this.failure ??= { error };
    this.pending.length = 0;
    this.settle();
  }

  private finished(): void {
    this.running -= 1;
    this.pump();
    this.settle();
  }

  private settle(): void {
    if (this.failure) {
      const { error } = this.failure;
      for (const w of this.waiters.splice(0)) w.reject(error);
    } else if (this.running === 0 && this.pending.length === 0) {
      for (const w of this.waiters.splice(0)) w.resolve();
    }
  }
}
