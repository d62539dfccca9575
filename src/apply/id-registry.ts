// Resolves typed references (src/model/refs.ts) to AWS IDs during apply. Two views:
// - `before`: as in the live organization the plan was made from; it never changes, except that a
//   root created by this run becomes the root (the accounts the plan moves "from the root" sit there);
// - `after`: as org.yaml wants it; executors record what they create, rename and delete, so later
//   steps find OUs (and later accounts and policies) made earlier in the same run.

import type { LiveOrg } from '../model/live.js';
import { describeRef, parentRef, refKey, type OuRef, type ResourceRef } from '../model/refs.js';
import { indexLiveTree } from '../planner/live-tree.js';
import { StepPreconditionError } from './step-context.js';

export class IdRegistry {
  private readonly before = new Map<string, string>();
  private readonly after = new Map<string, string>();
  private readonly recordedDuringRun: { readonly ref: ResourceRef; readonly id: string }[] = [];

  static fromLive(live: LiveOrg): IdRegistry {
    const ids = new IdRegistry();
    const known = (ref: ResourceRef, id: string): void => {
      ids.before.set(refKey(ref), id);
      ids.after.set(refKey(ref), id);
    };
    for (const [id, path] of indexLiveTree(live).pathById) known(parentRef(path), id);
    for (const account of live.accounts) {
      known({ type: 'account', id: account.id }, account.id);
      known({ type: 'account', email: account.email }, account.id);
    }
    // Policies by name; a customer policy wins over an AWS-managed one of the same name in another type.
    for (const policy of [...(live.policies?.policies ?? [])].sort((a, b) => Number(b.awsManaged) - Number(a.awsManaged))) {
      known({ type: 'policy', name: policy.name }, policy.id);
    }
    return ids;
  }

  /** The ID as it was when the plan was made; a StepPreconditionError when there was none. */
  resolveBefore(ref: ResourceRef): string {
    const id = this.findBefore(ref);
    if (id === undefined) throw new StepPreconditionError(`${describeRef(ref)} is not in the organization the plan was made from`);
    return id;
  }

  /** The ID as org.yaml wants it, once it exists; a StepPreconditionError when it does not (yet). */
  resolveAfter(ref: ResourceRef): string {
    const id = this.findAfter(ref);
    if (id === undefined) throw new StepPreconditionError(`${describeRef(ref)} does not exist (a step that creates it failed or was skipped)`);
    return id;
  }

  findBefore(ref: ResourceRef): string | undefined {
    return this.before.get(refKey(ref));
  }

  findAfter(ref: ResourceRef): string | undefined {
    return this.after.get(refKey(ref));
  }

  /** A step created (or found) the thing: later steps resolve the reference to `id`. */
  record(ref: ResourceRef, id: string): void {
    this.after.set(refKey(ref), id);
    this.recordedDuringRun.push({ ref, id });
    // A new organization's root is where the plan's "before" placements are: every account starts there.
    if (ref.type === 'root') this.before.set(refKey(ref), id);
  }

  /** Moves the renamed OU and everything below it to the new path. */
  renamed(from: OuRef, to: OuRef): void {
    const exact = refKey(from);
    const below = `${exact}/`;
    const newKey = refKey(to);
    for (const [key, id] of [...this.after]) {
      if (key === exact || key.startsWith(below)) {
        this.after.delete(key);
        this.after.set(newKey + key.slice(exact.length), id);
      }
    }
  }

  deleted(ref: ResourceRef): void {
    this.after.delete(refKey(ref));
  }

  /** What executors recorded (created, or found already created), in order: the new IDs of the run. */
  recorded(): readonly { readonly ref: ResourceRef; readonly id: string }[] {
    return [...this.recordedDuringRun];
  }
}
