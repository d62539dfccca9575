// Where a value of org.yaml was written, by its document path (the normalizers share it).

import type { SourcePosition } from '../model/desired.js';
import type { DocumentPath } from './yaml-source.js';

/** Where the value at a document path was written; undefined when unknown. */
export type PositionLookup = (path: DocumentPath) => SourcePosition | undefined;

/** `{ at: position }`, or nothing when the position is unknown (normalized values carry `at` only when known). */
export function at(position: SourcePosition | undefined): { at?: SourcePosition } {
  return position ? { at: position } : {};
}
