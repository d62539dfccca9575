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
