// Access Analyzer in the plan (the policies kind's checkPlan, which makePlan runs after planOrg): which
// policies are sent to ValidatePolicy, and the findings as plan notes. Only declared SCPs and RCPs the plan creates, or whose content it changes, are sent: an unchanged
// policy was checked when it was last planned, and a description-only change uploads the same document,
// so a re-plan of a converged organization (and the bench's) costs no Access Analyzer call at all.

import type { DesiredOrg, DesiredPolicy } from '../../model/desired.js';
import type { Plan, PlanNote, PlanStep } from '../../model/plan.js';
import { policyAddress } from '../../model/addresses.js';
import type { AccessAnalyzerPort } from '../../aws/ports/access-analyzer.js';
import { NoteCode } from '../../planner/notes.js';
import { accessAnalyzerDiagnostics, checkPoliciesWithAccessAnalyzer, type AccessAnalyzerCheck } from './access-analyzer-check.js';
import { canonicalContent } from './document.js';
import type { PolicyDiagnostic, PolicyInput } from './rules/types.js';
import { declaredPolicyInputs } from './validate.js';

const CHECKED_TYPES: ReadonlySet<string> = new Set(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']);

/** The names of the SCPs and RCPs whose documents the plan uploads: created, or updated with other content. */
export function uploadedControlPolicies(steps: readonly PlanStep[]): Set<string> {
  const names = new Set<string>();
  for (const step of steps) {
    if (step.kind === 'createPolicy' && CHECKED_TYPES.has(step.after.type)) names.add(step.after.name);
    if (step.kind === 'updatePolicy' && CHECKED_TYPES.has(step.policyType) && canonicalContent(step.before.content) !== canonicalContent(step.after.content)) {
      names.add(step.policy.name);
    }
  }
  return names;
}

/** The declared policies to send, in org.yaml's order, with where they are declared. */
export function policiesToValidate(plan: Pick<Plan, 'steps'>, declared: readonly DesiredPolicy[]): PolicyInput[] {
  const uploaded = uploadedControlPolicies(plan.steps);
  return declaredPolicyInputs(declared.filter((p) => uploaded.has(p.name)));
}

/** The check's result as the plan's notes: blocking findings are errors, the rest and "could not check" warnings. */
export function accessAnalyzerNotes(result: AccessAnalyzerCheck, policies: readonly PolicyInput[]): { errors: PlanNote[]; warnings: PlanNote[] } {
  const notes: { errors: PlanNote[]; warnings: PlanNote[] } = { errors: [], warnings: [] };
  const add = (code: NoteCode, diagnostics: readonly PolicyDiagnostic[], name?: string): void => {
    for (const d of diagnostics) {
      const source = d.at && d.at.file === undefined ? { line: d.at.line, column: d.at.column } : undefined;
      const note: PlanNote = { code, message: d.message, ...(name !== undefined ? { address: policyAddress(name) } : {}), ...(source ? { source } : {}) };
      (d.severity === 'error' ? notes.errors : notes.warnings).push(note);
    }
  };
  if ('couldNotCheck' in result) add(NoteCode.accessAnalyzerUnavailable, accessAnalyzerDiagnostics(result, policies));
  else for (const checked of result.checked) add(NoteCode.accessAnalyzerFinding, accessAnalyzerDiagnostics({ checked: [checked] }, policies), checked.name);
  return notes;
}

/** The policies kind's checkPlan: Access Analyzer's findings on the SCPs and RCPs the plan uploads, as notes. */
export async function accessAnalyzerPlanCheck(port: AccessAnalyzerPort, plan: Pick<Plan, 'steps'>, desired: DesiredOrg): Promise<{ errors: PlanNote[]; warnings: PlanNote[] }> {
  const policies = policiesToValidate(plan, desired.policies ?? []);
  if (policies.length === 0) return { errors: [], warnings: [] };
  return accessAnalyzerNotes(await checkPoliciesWithAccessAnalyzer(port, policies), policies);
}
