// A resource kind: one thing orgctl manages (the OU tree with account placement, budgets, alternate
// contacts, ...), declared in one folder src/kinds/<kind>/ and listed once in registry.ts. The planner,
// the executor, the renderers, the importer and the stale-plan fingerprint loop over the registry; none of them knows
// a kind by name. What differs per step kind is data and one handler, never a switch in the engine.

import type { DiscoveryListener, TreeDiscovery } from '../reader/discoveries.js';
import type { StepContext } from '../apply/step-context.js';
import type { AlternateContactObservation, MemberAlternateContactObservation } from '../audit/audit-input.js';
import type { AwsPort } from '../aws/port.js';
import type { PositionLookup } from '../config/position-lookup.js';
import type { WrittenOrgYaml } from '../config/written-org-yaml.js';
import type { Diagnostic } from '../model/diagnostics.js';
import type { DesiredOrg } from '../model/desired.js';
import type { LiveOrg, LiveOrganization, LiveRoot } from '../model/live.js';
import type { Plan, PlanNote, PlanStep, StepAction, StepKind } from '../model/plan.js';
import type { LiveTree } from '../planner/live-tree.js';
import type { PlanContext } from '../planner/plan-context.js';
import type { ReadProgress } from '../reader/read-progress.js';
import type { ImportReading, KindImport } from './kind-import.js';

/** What the renderers print for one step, beyond its action and reason. */
export interface StepDetails {
  /** Shown instead of the step's address when set (the account name beside an account, ...). */
  readonly title?: string;
  /** Before → after details beyond what the reason says. */
  readonly details: readonly string[];
}

/** A section of the plan comment a kind adds from its steps (the identity center kind's "Access changes"). */
export interface KindPlanSection {
  readonly title: string;
  /** Plain text, escaped by the renderer; `callout` marks an item the reviewer must not miss, saying why. */
  readonly items: readonly { readonly text: string; readonly callout?: string | undefined }[];
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
  /** At most this many steps of this kind run at once (an AWS limit on work in progress), below the run's lane width. */
  readonly maxInFlight?: number;
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
  /** The root as the bulk read's ListRoots answered (with its policy types); null when there is none (yet). */
  readonly root?: LiveRoot | null;
  /**
   * Calls `listener` with every part of the tree the snapshot read has found so far, then with each new
   * one as it is found (before `tree` resolves), so a read that needs IDs can start on each at once.
   * Parts of an attempt that was run again come again, and may name what the complete tree no longer has.
   */
  onDiscovered(listener: DiscoveryListener): void;
  /** AWS_REGION (else AWS_DEFAULT_REGION) as the shell has it: regional services' region when org.yaml names none. */
  readonly defaultRegion?: string | undefined;
}

/**
 * What a kind's snapshot read gets: one attempt at reading the organization as it is now, side by side
 * with the other kinds' snapshot reads, after the guard (src/reader/read-live-org.ts).
 */
export interface SnapshotReadContext {
  readonly port: AwsPort;
  /** DescribeOrganization's answer from the guard; null: no organization yet. */
  readonly organization: LiveOrganization | null;
  /** The management account the guard accepted (whose budgets, contacts, ... are read). */
  readonly managementAccountId: string;
  /** Requests in flight per list operation (WorkQueue), enough to keep each operation at its rate limit. */
  readonly concurrency: number;
  /** Aborted when any snapshot read of this attempt fails: start no new requests (WorkQueue takes it). */
  readonly signal: AbortSignal;
  /** Which of the resources the kind lists (by name) it reads tags for: the shell asks only for those the plan may delete. */
  readonly readTagsFor: (name: string) => boolean;
  /** Adds to the progress line's counts. */
  progress(delta: Partial<ReadProgress>): void;
  /**
   * Says the read is under way (its first answer is in, its next requests are sent): the reader then
   * starts the kinds' `read`s and the audit beside it. Any number of calls; the first counts.
   */
  underWay(): void;
  /** Hands on the root as ListRoots answered, with its policy types, for the policies kind's read. */
  onRoot(root: LiveRoot): void;
  /** Hands on a part of the tree as soon as it is found, for the kinds' reads (KindReadContext.onDiscovered). */
  discovered(part: TreeDiscovery): void;
}

/** Filled by the kinds' reads as they start; the audit waits for what it needs. */
export interface ReadObservations {
  alternateContacts?: Promise<readonly AlternateContactObservation[]>;
  memberAlternateContacts?: Promise<readonly MemberAlternateContactObservation[]>;
}

/** What a kind's normalize gets: org.yaml as written (schema-valid), and where each value was written. */
export interface NormalizeContext {
  readonly written: WrittenOrgYaml;
  /** Fills the `at` fields that diagnostics and rules point at. */
  readonly positionOf: PositionLookup;
}

/**
 * A kind's fields of DesiredOrg. A section several owners share (`options:`, `security:`) is given as the
 * kind's fields of it; src/config/merge-desired-parts.ts merges the parts, and a field two owners fill is
 * an error.
 */
export type DesiredPart = { readonly [F in keyof DesiredOrg]?: SectionPart<DesiredOrg[F]> };
type SectionPart<T> = T extends readonly unknown[] ? T : T extends object ? Partial<T> : T;

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
   * Its top-level section(s) of org.yaml (or its fields inside a shared one) → its fields of DesiredOrg:
   * defaults applied, positions attached (src/config/normalize.ts merges every kind's part). Pure; runs
   * after schema validation, before the rules (src/config/rules) check the result.
   */
  normalize?(ctx: NormalizeContext): DesiredPart;
  /**
   * Adds the kind's steps and notes to the plan. Its steps go through `ctx.graph`, whose phases order
   * them within the kind; kinds are ordered as the registry lists them.
   */
  plan(ctx: PlanContext): void;
  /** A section the plan comment shows first after the audit, built from the plan's steps; undefined: none. */
  planSection?(steps: readonly PlanStep[]): KindPlanSection | undefined;
  /**
   * The kind's part of one consistent picture of the live organization (the tree, the budgets), in bulk.
   * The reader runs every kind's snapshot read at once after the guard, stops them all when one fails,
   * and runs them all again when one finds the organization changed under it (ChangedUnderReadError,
   * `foundMomentsAgo` in src/reader/changed-under-read.ts). Also run by `orgctl import`. The bench's
   * call bounds count its calls (src/reader/read-call-bound.ts).
   */
  readSnapshot?(ctx: SnapshotReadContext): Promise<Partial<Pick<LiveOrg, F>>>;
  /**
   * What the kind reads for org.yaml's values (the alternate contacts it declares), once, beside the
   * snapshot reads once they are under way; not repeated when they are, and not run by `orgctl import`
   * (no org.yaml). Few calls: the bench's call bounds count them.
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
  /**
   * Checks of org.yaml that need what the config loader reads besides it (the policy files): run by
   * src/config/load-org-file.ts once they are read. `fileOf` names a file given relative to org.yaml.
   */
  checkLoaded?(desired: DesiredOrg, orgFile: string, fileOf: (relative: string) => string): readonly Diagnostic[];
  /**
   * Checks of the finished plan that need AWS (the policies kind: IAM Access Analyzer on the SCPs and RCPs
   * the plan uploads), run by src/workflow/make-plan.ts after planOrg for the CLI, apply and the Action.
   * Its notes are added to the plan's. Optional calls only: a check that cannot run says so in a warning.
   */
  checkPlan?(port: AwsPort, plan: Plan, desired: DesiredOrg): Promise<{ readonly errors: readonly PlanNote[]; readonly warnings: readonly PlanNote[] }>;
}
