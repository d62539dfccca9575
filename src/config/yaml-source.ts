// org.yaml text → YAML document with positions, and lookups from a document path back to line:col.
// Pure: no fs. The `yaml` package keeps every node's offsets; LineCounter turns offsets into lines.

import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { SourcePosition } from '../model/desired.js';

export type DocumentPath = readonly (string | number)[];

export interface YamlSource {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
}

/** A YAML problem found while parsing, before any schema check. */
export interface YamlProblem {
  readonly position: SourcePosition;
  readonly message: string;
}

export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false, // we format positions ourselves
    uniqueKeys: false, // duplicates are found by findDuplicateKeys, which can name the first occurrence
    stringKeys: true, // `2024:` is the OU name "2024", and a list or map as a key is an error
    strict: true,
  });
  return { doc, lineCounter };
}

export function positionAt(source: YamlSource, offset: number): SourcePosition {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

export function positionOfNode(source: YamlSource, node: Node): SourcePosition | undefined {
  return node.range ? positionAt(source, node.range[0]) : undefined;
}

const SYNTAX_HINTS: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MULTIPLE_DOCS: 'org.yaml holds one YAML document; remove the second `---` and what follows, or merge it into the first',
  BAD_INDENT: 'check the indentation of this line against the lines above',
  MISSING_CHAR: 'a bracket or quote is not closed',
  TAG_RESOLVE_FAILED: 'org.yaml uses no YAML tags (`!Something`); remove it',
};

/** Syntax errors and warnings (unknown tags) from the parser, each with its position and a hint. */
export function yamlSyntaxProblems(source: YamlSource): YamlProblem[] {
  const problems: YamlProblem[] = [];
  for (const issue of [...source.doc.errors, ...source.doc.warnings]) {
    const hint = SYNTAX_HINTS[issue.code];
    const message = issue.message.replace(/; please use YAML\.parseAllDocuments\(\)$/, '');
    problems.push({
      position: positionAt(source, issue.pos[0]),
      message: `YAML syntax error: ${message}${hint ? ` (${hint})` : ''}.`,
    });
  }
  return problems;
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

/** Keys repeated in one mapping. The later occurrence is reported, naming the line of the first. */
export function findDuplicateKeys(source: YamlSource): YamlProblem[] {
  const problems: YamlProblem[] = [];
  visit(source.doc, {
    Map(_, map) {
      const firstSeen = new Map<string, Node>();
      for (const pair of map.items) {
        const name = keyText(pair.key);
        if (name === undefined || !isScalar(pair.key)) continue;
        const first = firstSeen.get(name);
        if (!first) {
          firstSeen.set(name, pair.key);
          continue;
        }
        const firstLine = positionOfNode(source, first)?.line;
        const position = positionOfNode(source, pair.key);
        if (!position) continue;
        problems.push({
          position,
          message: `duplicate key \`${name}\`: it is already used on line ${firstLine} in this mapping. Keys must be unique (and OU names unique among siblings); merge the two or rename one.`,
        });
      }
    },
  });
  return problems;
}

/** The first alias (`*name`) in the document, or the first one whose anchor is missing: where an alias refusal points. */
export function firstAliasPosition(source: YamlSource, which: 'any' | 'unresolved' = 'any'): SourcePosition | undefined {
  let found: SourcePosition | undefined;
  visit(source.doc, {
    Alias(_, alias) {
      if (which === 'unresolved' && alias.resolve(source.doc) !== undefined) return undefined;
      found = positionOfNode(source, alias);
      return visit.BREAK;
    },
  });
  return found;
}

export interface LocatedNode {
  /** The mapping key that holds the value, when the value sits in a mapping. */
  readonly key?: Node;
  /** The value node itself (after following aliases). */
  readonly value?: Node;
}

/** Follows a document path (as in a JSON pointer) through maps, lists and aliases. Stops where the path leaves the document. */
export function locatePath(source: YamlSource, path: DocumentPath): LocatedNode {
  let current: unknown = source.doc.contents;
  let located: LocatedNode = isCollection(current) || isScalar(current) ? { value: current } : {};
  for (const segment of path) {
    if (isAlias(current)) current = current.resolve(source.doc);
    if (isMap(current)) {
      // The last pair wins, as in the parsed value.
      const pair = current.items.findLast((p) => isPair(p) && keyText(p.key) === String(segment));
      if (!pair) return located;
      const value = isAlias(pair.value) ? pair.value.resolve(source.doc) : pair.value;
      located = { key: pair.key as Node, ...(value ? { value: value as Node } : {}) };
      current = value;
    } else if (isSeq(current)) {
      const item: unknown = current.items[Number(segment)];
      if (item === undefined) return located;
      const value = isAlias(item) ? item.resolve(source.doc) : item;
      located = value ? { value: value as Node } : {};
      current = value;
    } else {
      return located;
    }
  }
  return located;
}

function isEmptyScalar(node: Node | undefined): boolean {
  return isScalar(node) && node.value === null && (node.source === '' || node.source === undefined);
}

/**
 * Where to point for the value at `path`: the value itself, or its key when the value is a
 * collection or empty (an error about a whole mapping reads best at the line that names it).
 */
export function positionOfPath(source: YamlSource, path: DocumentPath, prefer: 'value' | 'key' = 'value'): SourcePosition | undefined {
  const { key, value } = locatePath(source, path);
  const useKey = key && (prefer === 'key' || !value || isEmptyScalar(value));
  const node = useKey ? key : (value ?? key);
  return node ? positionOfNode(source, node) : undefined;
}

/** The plain (unquoted) text of the scalar at `path`, e.g. "012345678901", or undefined for quoted or non-scalars. */
export function plainScalarSource(source: YamlSource, path: DocumentPath): string | undefined {
  const { value } = locatePath(source, path);
  return isScalar(value) && value.type === 'PLAIN' && typeof value.source === 'string' ? value.source : undefined;
}
