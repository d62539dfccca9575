// A resource kind: one thing orgctl manages (the OU tree with account placement, budgets, alternate
// contacts, ...), declared in one folder src/kinds/<kind>/ and listed once in registry.ts. The planner,
// the executor, the renderers, the importer and the stale-plan fingerprint loop over the registry; none of them knows
// a kind by name. What differs per step kind is data and one handler, never a switch in the engine.

import type { StepContext } from '../apply/step-context.js';
import type { AlternateContactObservation } from '../audit/audit-input.js';
import type { AwsPort } from '../aws/port.js';
import type { DesiredOrg } from '../model/desired.js';
import type { LiveOrg } from '../model/live.js';
import type { PlanStep, StepAction, StepKind } from '../model/plan.js';
import type { LiveTree } from '../planner/live-tree.js';
import type { PlanContext } from '../planner/plan-context.js';
import type { ImportReading, KindImport } from './kind-import.js';

/** What the renderers print for one step, beyond its action and reason. */
export interface StepDetails {
  /** Shown instead of the step's address when set (the account name beside an account, ...). */
  readonly title?: string;
  /** Before → after details beyond what the reason says. */
  readonly details: readonly string[];
}

/** Everything the engine needs to know about one step kind. */
export interface StepHandler<S extends PlanStep> {
  /** The renderers' group for the step: one of its kind's `groups`. */
  readonly group: string;
  /** What steps of this kind do, for counts and summaries ("Plan: 4 to create, 1 to update, 0 to delete"). */
  readonly action: StepAction;
  /** `action`, refined by one step's values when they matter (setting a contact that was not set creates it). */
  actionOf?(step: S): StepAction;
  describe(step: S): StepDetails;
  /** Carries the step out through the port. Idempotent: work AWS says is already done succeeds. */
  execute(step: S, ctx: StepContext): Promise<void>;
}

/**
 * What a kind's read gets: the port (the same pacer as the bulk read), org.yaml (what to read) and the
 * caller the guard accepted. The reader calls every kind's read once the guard has passed and the bulk
 * read is under way.
 */
export interface KindReadContext {
  readonly port: AwsPort;
  readonly desired: DesiredOrg;
  readonly callerAccountId: string;
  /** Raw results a kind's read shares with the audit, which checks the same values, so nothing is read twice. */
  readonly observations: ReadObservations;
  /**
   * The tree as the bulk read found it, once its walk is done (for reads that need IDs: the tags of
   * the OUs org.yaml declares). Rejects when the bulk read fails.
   */
  readonly tree: Promise<Pick<LiveOrg, 'root' | 'ous' | 'accounts'>>;
}

/** Filled by the kinds' reads as they start; the audit waits for what it needs. */
export interface ReadObservations {
  alternateContacts?: Promise<readonly AlternateContactObservation[]>;
}

/** One handler for each of the step kinds K: the compiler names a step kind without one. */
export type StepHandlers<K extends StepKind> = { readonly [P in K]: StepHandler<Extract<PlanStep, { kind: P }>> };

/**
 * K: the kind's step kinds. F: the LiveOrg fields the kind owns (reads, plans from and fingerprints);
 * registry.ts checks at compile time that every LiveOrg field is owned by a kind.
 */
export interface ResourceKind<K extends StepKind = StepKind, F extends keyof LiveOrg = keyof LiveOrg> {
  readonly name: string;
  /** Group titles for the renderers, in display order. */
  readonly groups: readonly string[];
  /**
   * Adds the kind's steps and notes to the plan. Its steps go through `ctx.graph`, whose phases order
   * them within the kind; kinds are ordered as the registry lists them.
   */
  plan(ctx: PlanContext): void;
  /**
   * What the kind reads from AWS beyond the bulk read of the tree and budgets (src/reader), as its
   * slice of the live organization. Few, bulk calls: the bench's call bounds count them.
   */
  read?(ctx: KindReadContext): Promise<Partial<Pick<LiveOrg, F>>>;
  /** The live organization's fields this kind owns: its fingerprint sees exactly these. */
  readonly liveFields: readonly F[];
  /**
   * The kind's part of the live-state fingerprint (PlanInputs.liveStateSha256): every live value its
   * steps and notes depend on, by top-level name. A plan is stale when any kind's part has changed.
   * It gets only the kind's `liveFields` (and the tree indexed from the whole live organization).
   */
  fingerprint(live: Pick<LiveOrg, F>, tree: LiveTree): Readonly<Record<string, unknown>>;
  /**
   * How `orgctl import` writes the kind back: its part of org.yaml's model from what import read, and
   * what of it org.yaml cannot express. Importing and then planning must give no steps of this kind.
   */
  importDesired(reading: ImportReading): KindImport;
  /**
   * The kind's top-level sections of org.yaml as written by `orgctl import` (src/config/write-org-yaml.ts),
   * whose parse gives the same values back; none when the kind has no section of its own.
   */
  orgYamlSection(org: DesiredOrg): readonly string[];
  readonly steps: StepHandlers<K>;
}
