// org.yaml text → YAML document with positions, and lookups from a document path back to line:col.
// Pure: no fs. The `yaml` package keeps every node's offsets; LineCounter turns offsets into lines.

import {
  Composer,
  CST,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  visit,
  YAMLParseError,
  type Document,
  type DocumentOptions,
  type Node,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import type { SourcePosition } from '../model/desired.js';
import { MAX_YAML_NESTING } from './limits.js';

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

const COMPOSE_OPTIONS: DocumentOptions & ParseOptions & SchemaOptions = {
  uniqueKeys: false, // duplicates are found by findDuplicateKeys, which can name the first occurrence
  stringKeys: true, // `2024:` is the OU name "2024", and a list or map as a key is an error
  strict: true,
};

/**
 * A quick upper bound on nesting before any YAML parsing: brackets opened and not closed, and
 * `- - -` runs at the start of a line. Counts brackets in strings and comments too, so its limit is
 * far above any real file; it only spares the parser pathological input (which it handles slowly).
 */
const RUNAWAY_NESTING = MAX_YAML_NESTING * 16;

function findRunawayNesting(text: string): number | undefined {
  let flowDepth = 0;
  let lineStart = true;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') {
      if (++flowDepth > RUNAWAY_NESTING) return i;
    } else if ((c === ']' || c === '}') && flowDepth > 0) {
      flowDepth--;
    }
    if (c === '\n') {
      lineStart = true;
      dashes = 0;
    } else if (lineStart && c === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
      if (++dashes > RUNAWAY_NESTING) return i;
    } else if (c !== ' ' && c !== '\t') {
      lineStart = false;
    }
  }
  return undefined;
}

/** Offset of the first collection nested deeper than MAX_YAML_NESTING, walking the CST without recursion. */
function findDeepNesting(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token, number][] = [];
  for (const token of tokens) if (token.type === 'document' && token.value) stack.push([token.value, 1]);
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [token, depth] = entry;
    if (!CST.isCollection(token)) continue;
    if (depth > MAX_YAML_NESTING) return token.offset;
    for (const item of token.items) {
      if (item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return undefined;
}

function lineColumnOf(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export type ParsedYaml = { readonly ok: true; readonly source: YamlSource } | { readonly ok: false; readonly problem: YamlProblem };

/**
 * Parses one YAML document with positions. Refuses nesting deeper than MAX_YAML_NESTING before
 * composing: the composer recurses, and deep input would exhaust the stack (or, in V8, crash).
 */
export function parseYamlSource(text: string): ParsedYaml {
  const tooDeep = (position: SourcePosition): ParsedYaml => ({
    ok: false,
    problem: {
      position,
      message: `the YAML here is nested more than ${MAX_YAML_NESTING} levels deep; a real org.yaml needs about 15. Is this the right file?`,
    },
  });
  const runaway = findRunawayNesting(text);
  if (runaway !== undefined) return tooDeep(lineColumnOf(text, runaway));

  const lineCounter = new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = findDeepNesting(tokens);
  if (deep !== undefined) {
    const { line, col } = lineCounter.linePos(deep);
    return tooDeep({ line, column: col });
  }

  // What parseDocument does, reusing the tokens already lexed.
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(COMPOSE_OPTIONS).compose(tokens, true, text.length)) {
    if (!doc) {
      doc = next;
    } else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  if (!doc) throw new Error('yaml Composer produced no document'); // compose(…, forceDoc=true) always yields one
  return { ok: true, source: { doc, lineCounter } };
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
  NON_STRING_KEY: 'a key is a name, not a list or a mapping',
};

/** Syntax errors and warnings (unknown tags) from the parser, each with its position and a hint. */
export function yamlSyntaxProblems(source: YamlSource): YamlProblem[] {
  const problems: YamlProblem[] = [];
  for (const issue of [...source.doc.errors, ...source.doc.warnings]) {
    const hint = SYNTAX_HINTS[issue.code];
    const message = issue.message.replace(/^With stringKeys, all keys must be strings$/, 'a mapping key must be text');
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
