// What `--format json` prints for validate, apply and import: one JSON document on stdout, in the shapes
// documented in docs/cli-json.md (each has `formatVersion: 1`; fields are only ever added). The plan
// command's json is the plan value itself (docs/plan-format.md).

import type { ApplyRun } from '../apply/apply-plan.js';
import type { Diagnostic } from '../model/diagnostics.js';
import type { Plan } from '../model/plan.js';
import type { ImportedOrg } from '../importer/build-imported-org.js';

export const CLI_JSON_FORMAT_VERSION = 1;

export function jsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export interface JsonProblem {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly pointer?: string;
  readonly message: string;
}

export function jsonProblem(d: Diagnostic): JsonProblem {
  return {
    severity: d.severity,
    file: d.file,
    ...(d.position ? { line: d.position.line, column: d.position.column } : {}),
    ...(d.pointer !== undefined ? { pointer: d.pointer } : {}),
    message: d.message,
  };
}

export interface ValidateJson {
  readonly formatVersion: 1;
  readonly file: string;
  readonly valid: boolean;
  /** Present when valid. */
  readonly summary?: { readonly ous: number; readonly accountsPlaced: number; readonly budgets: number };
  readonly problems: readonly JsonProblem[];
}

export interface ApplyStepJson {
  readonly index: number;
  readonly kind: string;
  readonly address: string;
  readonly status: 'ok' | 'failed' | 'skipped';
  readonly durationMs: number;
  readonly message?: string;
}

export interface ApplyJson {
  readonly formatVersion: 1;
  /** no-changes: nothing to do; applied: the steps ran and the organization was checked; interrupted: stopped by a signal; check-failed: the steps ran, the check afterwards could not read AWS. */
  readonly outcome: 'no-changes' | 'applied' | 'interrupted' | 'check-failed';
  /** Whether the organization matches org.yaml afterwards; null when that was not checked. */
  readonly converged: boolean | null;
  /** The plan that was applied. */
  readonly plan: Plan;
  /** One per plan step, in plan order (empty for no-changes). */
  readonly steps: readonly ApplyStepJson[];
  readonly wallMs: number;
  /** applied but not converged: what a new plan still finds. */
  readonly remaining?: Plan;
}

export function applyStepsJson(run: ApplyRun | undefined): ApplyStepJson[] {
  return (run?.results ?? []).map((r) => ({
    index: r.index,
    kind: r.step.kind,
    address: r.step.address,
    status: r.status,
    durationMs: Math.round(r.durationMs),
    ...(r.message !== undefined ? { message: r.message } : {}),
  }));
}

export interface ImportJson {
  readonly formatVersion: 1;
  readonly organizationId: string;
  readonly managementAccountId: string;
  /** Where org.yaml was written, as given with --out. */
  readonly file: string;
  readonly counts: { readonly ous: number; readonly accountsPlaced: number; readonly budgets: number };
  /** What org.yaml cannot express, listed as comments at the end of the file. */
  readonly leftOut: {
    readonly inactiveAccounts: readonly { readonly id: string; readonly name: string; readonly state: string }[];
    readonly budgets: readonly string[];
    /** Policies org.yaml cannot express: none since policies are imported (`policies:`); null: CONSOLIDATED_BILLING. */
    readonly servicePolicies: readonly string[] | null;
    /** null: tags were not read (no --include-tags). */
    readonly taggedResources: number | null;
  };
}

export function importJson(imported: ImportedOrg, file: string): ImportJson {
  return {
    formatVersion: CLI_JSON_FORMAT_VERSION,
    organizationId: imported.organizationId,
    managementAccountId: imported.desired.managementAccountId,
    file,
    counts: imported.counts,
    leftOut: {
      inactiveAccounts: imported.inactiveAccounts.map((a) => ({ id: a.id, name: a.name, state: a.state })),
      budgets: imported.leftOutBudgets.map((b) => b.name),
      // Every policy is imported now (declared under policies:, documents in policies/*.json): none is left out.
      servicePolicies: imported.desired.featureSet === 'CONSOLIDATED_BILLING' ? null : [],
      taggedResources: imported.tags === null ? null : imported.tags.length,
    },
  };
}
