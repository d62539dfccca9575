// Turns a JSON path inside a snapshot file into "line:column", by re-reading the file with the yaml
// parser (JSON is YAML) only when there is something to report, so the fast path stays JSON.parse.

import { LineCounter, isNode, parseDocument } from 'yaml';
import type { SnapshotPath } from './snapshot-validate.js';

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export function positionOf(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Where each path is in `text`; the nearest existing ancestor when the path itself is missing. */
export function locatePaths(text: string, paths: readonly SnapshotPath[]): (SourcePosition | undefined)[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  return paths.map((path) => {
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return undefined;
  });
}

/** "organization.accounts[3].parentId" */
export function formatPath(path: SnapshotPath): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '') || '(top level)';
}
