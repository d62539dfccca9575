// Where a value of org.yaml was written, by its document path (normalize and normalize-security share it).

import type { SourcePosition } from '../model/desired.js';
import type { DocumentPath } from './yaml-source.js';

/** Where the value at a document path was written; undefined when unknown. */
export type PositionLookup = (path: DocumentPath) => SourcePosition | undefined;
