// Progress of one read attempt, for the CLI's progress line: each kind's snapshot read adds what it
// has found so far.

export interface ReadProgress {
  /** Roots and OUs discovered so far, and how many of them have had their child OUs listed. */
  readonly parentsFound: number;
  readonly parentsListed: number;
  readonly ous: number;
  readonly accounts: number;
  readonly budgets: number;
}

export class ProgressCounter {
  private counts: ReadProgress = { parentsFound: 0, parentsListed: 0, ous: 0, accounts: 0, budgets: 0 };

  constructor(
    private readonly listener: ((progress: ReadProgress) => void) | undefined,
    /** Once the read has failed, answers still arriving from it are not progress (a re-read counts afresh). */
    private readonly stopped: AbortSignal,
  ) {}

  update(delta: Partial<ReadProgress>): void {
    if (!this.listener || this.stopped.aborted) return;
    const c = this.counts;
    this.counts = {
      parentsFound: c.parentsFound + (delta.parentsFound ?? 0),
      parentsListed: c.parentsListed + (delta.parentsListed ?? 0),
      ous: c.ous + (delta.ous ?? 0),
      accounts: c.accounts + (delta.accounts ?? 0),
      budgets: c.budgets + (delta.budgets ?? 0),
    };
    this.listener(this.counts);
  }
}
