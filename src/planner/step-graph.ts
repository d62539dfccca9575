// Collects steps with their prerequisites, then numbers them: by phase (the order that respects AWS),
// then in the order they were added. Prerequisites always sit in an earlier phase or earlier in the
// same phase, so every dependsOn index is smaller than the step's own index.

import type { PlanStep } from '../model/plan.js';

/** A step before it has its place in the plan. */
export type StepDraft = WithoutDependsOn<PlanStep>;
type WithoutDependsOn<S> = S extends PlanStep ? Omit<S, 'dependsOn'> : never;

/** A handle on an added step, for use as a prerequisite of later ones. */
export type StepRef = number & { readonly __stepRef: unique symbol };

/** Phases in plan order. */
export const Phase = {
  createOrganization: 0,
  renameOrganizationalUnit: 1,
  createOrganizationalUnit: 2,
  moveAccount: 3,
  deleteOrganizationalUnit: 4,
  createBudget: 5,
  updateBudget: 6,
  updateNotification: 7,
  createNotification: 8,
  createSubscriber: 9,
  deleteSubscriber: 10,
  /** Subscribers that only fit once others are gone (Budgets allows 1 SNS and 10 email subscribers). */
  createSubscriberAfterRemoval: 11,
  /** A subscriber kept until the late ones exist, so the notification is never left without one. */
  deleteLastSubscriber: 12,
  /** Subscribers whose type was full until that last old one left. */
  createSubscriberAfterLast: 13,
  deleteNotification: 14,
  /** A notification deleted and created again because it cannot change in place. */
  recreateNotification: 15,
  deleteBudget: 16,
  /** Independent of the organization and budgets. */
  putAlternateContact: 17,
} as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

interface Node {
  readonly phase: Phase;
  readonly draft: StepDraft;
  readonly prerequisites: readonly (StepRef | undefined)[];
}

export class StepGraph {
  private readonly nodes: Node[] = [];

  add(phase: Phase, draft: StepDraft, prerequisites: readonly (StepRef | undefined)[] = []): StepRef {
    this.nodes.push({ phase, draft, prerequisites });
    return (this.nodes.length - 1) as StepRef;
  }

  /** The steps in plan order, each depending only on what it needs directly. */
  build(): PlanStep[] {
    const order = this.nodes.map((_, ref) => ref).sort((a, b) => this.nodes[a]!.phase - this.nodes[b]!.phase || a - b);
    const indexOf = new Map<number, number>(order.map((ref, index) => [ref, index]));
    const steps: PlanStep[] = [];
    for (const [index, ref] of order.entries()) {
      const node = this.nodes[ref]!;
      const direct = new Set<number>();
      for (const prerequisite of node.prerequisites) {
        if (prerequisite === undefined) continue;
        const dependency = indexOf.get(prerequisite)!;
        if (dependency >= index) throw new Error(`planner bug: step ${index} depends on later step ${dependency}`);
        direct.add(dependency);
      }
      // Drop what another prerequisite already waits for (the organization before a new parent OU, ...).
      const implied = new Set<number>();
      for (const dependency of direct) for (const transitive of steps[dependency]!.dependsOn) implied.add(transitive);
      const dependsOn = [...direct].filter((d) => !implied.has(d)).sort((a, b) => a - b);
      steps.push({ ...node.draft, dependsOn } as PlanStep);
    }
    return steps;
  }
}
