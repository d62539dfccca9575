// What rehearsing a plan found: the plan applied to a copy of the live organization in orgctl's own
// emulator, which enforces AWS Organizations' and Budgets' rules, then planned again.

export type Rehearsal =
  /** Every step was accepted and planning again found nothing left to do. */
  | { readonly outcome: 'converged'; readonly applied: number }
  /** AWS's rules (as the emulator enforces them) refused a step; the steps after it that need it did not run. */
  | {
      readonly outcome: 'refused';
      readonly applied: number;
      /** The refused step's index in the plan, its kind and address. */
      readonly step: { readonly index: number; readonly kind: string; readonly address: string };
      /** The emulator's error, as AWS would word it. */
      readonly reason: string;
    }
  /** Every step was accepted, but planning again still finds steps: a planner bug, not the organization's. */
  | { readonly outcome: 'not-converged'; readonly applied: number; readonly remaining: number }
  /** Nothing was rehearsed (the plan has errors, or the organization could not be copied into the emulator). */
  | { readonly outcome: 'skipped'; readonly reason: string };

/** How long applying a plan takes at AWS's published per-operation rates (src/render/apply-estimate.ts). */
export interface ApplyEstimate {
  /** Seconds of pacing the rates impose (0: every operation fits in its burst). */
  readonly seconds: number;
  /** true when some of the rates are Budgets', which AWS does not publish (ours are assumptions). */
  readonly assumedRates: boolean;
  /** The operation that takes longest, when any takes time. */
  readonly slowest?: { readonly operation: string; readonly calls: number; readonly rate: number };
}
