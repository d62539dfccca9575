// Collects steps with their prerequisites, then numbers them: by resource kind (the registry's order),
// by phase within the kind (the order that respects AWS), then in the order they were added.
// Prerequisites always sit in an earlier phase or earlier in the same phase, so every dependsOn index
// is smaller than the step's own index.

import type { PlanStep } from '../model/plan.js';

/** A step before it has its place in the plan. */
export type StepDraft = WithoutDependsOn<PlanStep>;
type WithoutDependsOn<S> = S extends PlanStep ? Omit<S, 'dependsOn'> : never;

/** A handle on an added step, for use as a prerequisite of later ones. */
export type StepRef = number & { readonly __stepRef: unique symbol };

/**
 * Adds the steps of one resource kind. `phase` orders them within the kind (each kind numbers its own
 * phases); kinds are ordered by their rank, the registry's order.
 */
export interface KindStepGraph {
  add(phase: number, draft: StepDraft, prerequisites?: readonly (StepRef | undefined)[]): StepRef;
  /**
   * The steps added so far (by earlier kinds too) that match: how a kind waits for another kind's steps
   * (a policy attached to an OU the organization kind creates in the same plan).
   */
  earlier(matches: (draft: StepDraft) => boolean): StepRef[];
}

interface Node {
  readonly rank: number;
  readonly phase: number;
  readonly draft: StepDraft;
  readonly prerequisites: readonly (StepRef | undefined)[];
}

export class StepGraph {
  private readonly nodes: Node[] = [];

  /** The graph as the resource kind at `rank` adds to it. */
  forKind(rank: number): KindStepGraph {
    return {
      add: (phase, draft, prerequisites = []) => {
        this.nodes.push({ rank, phase, draft, prerequisites });
        return (this.nodes.length - 1) as StepRef;
      },
      earlier: (matches) => this.nodes.flatMap((node, ref) => (node.rank <= rank && matches(node.draft) ? [ref as StepRef] : [])),
    };
  }

  /** The steps in plan order, each depending only on what it needs directly. */
  build(): PlanStep[] {
    const order = this.nodes.map((_, ref) => ref).sort((a, b) => this.nodes[a]!.rank - this.nodes[b]!.rank || this.nodes[a]!.phase - this.nodes[b]!.phase || a - b);
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
