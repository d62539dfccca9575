// org.yaml problems and plan notes as annotations on the org.yaml lines they are about.

import type { Diagnostic } from '../model/diagnostics.js';
import type { Plan, PlanNote } from '../model/plan.js';
import type { Annotation } from './report.js';

export function annotationsForDiagnostics(diagnostics: readonly Diagnostic[]): Annotation[] {
  return diagnostics.map((d) => ({
    level: d.severity,
    message: d.message,
    file: d.file,
    ...(d.position ? { line: d.position.line, column: d.position.column } : {}),
  }));
}

export function annotationsForPlan(plan: Plan, file: string): Annotation[] {
  const note = (level: Annotation['level']) => (n: PlanNote): Annotation => ({
    level,
    message: n.message,
    file,
    ...(n.source ? { line: n.source.line, column: n.source.column } : {}),
  });
  return [...plan.errors.map(note('error')), ...plan.warnings.map(note('warning'))];
}
