// Problems found in user input (org.yaml), reported as values, never thrown.

import type { SourcePosition } from './desired.js';

export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  /** The file the problem is in, as the user named it. */
  readonly file: string;
  /** Where in the file; absent only when the file as a whole is the problem (missing, empty, binary). */
  readonly position?: SourcePosition;
  /** What is wrong and what to do, in one sentence or two. */
  readonly message: string;
  /** JSON pointer into the document, e.g. "/budgets/0/amount", when known. */
  readonly pointer?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly Diagnostic[] };

/** "org.yaml:12:5: message", the format editors and CI annotations understand. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.position ? `${d.file}:${d.position.line}:${d.position.column}` : d.file;
  return `${where}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}
