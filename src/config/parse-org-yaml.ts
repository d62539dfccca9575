// org.yaml text → DesiredOrg, or every problem found, each located at line:col. Pure: no fs.
//
// Stages: YAML syntax (and duplicate keys) → version → JSON Schema (shape, types, enums, limits on
// single values) → normalize (defaults, paths, positions) → semantic rules (across values).
// Each stage reports all its problems; a later stage runs only on what the earlier ones accepted,
// because it would otherwise guess at a document it cannot read (e.g. rules on a misspelled tree).

import type { DesiredOrg } from '../model/desired.js';
import type { Diagnostic, Result } from '../model/diagnostics.js';
import { explainSchemaErrors } from './explain-schema-errors.js';
import { MAX_ALIAS_COUNT, MAX_ORG_YAML_BYTES, SUPPORTED_VERSION } from './limits.js';
import { normalizeOrg } from './normalize.js';
import { checkOrgSchema } from './org-schema.js';
import { checkOrgRules } from './rules/index.js';
import type { WrittenOrgYaml } from './written-org-yaml.js';
import {
  findDuplicateKeys,
  firstAliasPosition,
  parseYamlSource,
  positionOfPath,
  yamlSyntaxProblems,
  type YamlProblem,
  type YamlSource,
} from './yaml-source.js';

function failure(errors: readonly Diagnostic[]): Result<never> {
  return { ok: false, errors: sortDiagnostics(errors) };
}

/**
 * File-level problems first, then by line and column (stable for equal positions). Exact repeats are
 * dropped: a mistake inside an anchored value is found once per alias that reuses it.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.position?.line}:${d.position?.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => {
    if (!a.position || !b.position) return (a.position ? 1 : 0) - (b.position ? 1 : 0);
    return a.position.line - b.position.line || a.position.column - b.position.column;
  });
}

function toDiagnostics(problems: readonly YamlProblem[], file: string): Diagnostic[] {
  return problems.map((p) => ({ severity: 'error', file, position: p.position, message: p.message }));
}

function fileProblem(file: string, message: string): Diagnostic {
  return { severity: 'error', file, message };
}

/** `version: 2` means a different format: say so once instead of listing every schema difference. */
function checkVersion(value: unknown, source: YamlSource, file: string): Diagnostic | undefined {
  if (typeof value !== 'object' || value === null || !('version' in value)) return undefined;
  const version = (value as { version: unknown }).version;
  if (typeof version !== 'number' || version === SUPPORTED_VERSION) return undefined;
  const position = positionOfPath(source, ['version']);
  return {
    severity: 'error',
    file,
    ...(position ? { position } : {}),
    pointer: '/version',
    message: `${file} is written in format version ${version}, but this orgctl reads version ${SUPPORTED_VERSION} only. Use an orgctl release that reads version ${version}, or write the file in the version ${SUPPORTED_VERSION} format (docs/org-yaml.md).`,
  };
}

/** Converts the document to plain data, refusing alias bombs. */
function toPlainValue(source: YamlSource, file: string): Result<unknown> {
  try {
    return { ok: true, value: source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const bomb = /Excessive alias count/.test(error.message);
    const position = firstAliasPosition(source, bomb ? 'any' : 'unresolved') ?? firstAliasPosition(source);
    const message = bomb
      ? `YAML aliases (\`*name\`) here expand to more than ${MAX_ALIAS_COUNT} copies, which looks like an alias bomb; orgctl refuses it. Write the values out, or use fewer aliases.`
      : `YAML alias problem: ${error.message}. Define an anchor (\`&name\`) before using it as \`*name\`.`;
    return { ok: false, errors: [{ severity: 'error', file, ...(position ? { position } : {}), message }] };
  }
}

/**
 * Parses and validates org.yaml. `fileName` is how messages name the file (e.g. "org.yaml").
 * Returns the desired organization, or every problem found, sorted by position.
 */
export function parseOrgYaml(text: string, fileName: string): Result<DesiredOrg> {
  if (text.length > MAX_ORG_YAML_BYTES) {
    return failure([fileProblem(fileName, `the file is larger than ${MAX_ORG_YAML_BYTES / 1024 / 1024} MiB, the most orgctl reads; is this the right file?`)]);
  }
  const parsed = parseYamlSource(text);
  if (!parsed.ok) return failure(toDiagnostics([parsed.problem], fileName));
  const { source } = parsed;
  if (source.doc.contents === null && source.doc.errors.length === 0) {
    return failure([
      fileProblem(fileName, 'the file is empty. It needs at least `version: 1`, `organization:` with `managementAccountId`, and `root:`; see docs/org-yaml.md for a starting point.'),
    ]);
  }

  const syntax = toDiagnostics(yamlSyntaxProblems(source), fileName);
  const duplicates = toDiagnostics(findDuplicateKeys(source), fileName);
  if (syntax.length > 0) return failure([...syntax, ...duplicates]);

  const plain = toPlainValue(source, fileName);
  if (!plain.ok) return failure([...plain.errors, ...duplicates]);

  const versionProblem = checkVersion(plain.value, source, fileName);
  if (versionProblem) return failure([versionProblem]);

  const schemaErrors = checkOrgSchema(plain.value);
  const shape: Diagnostic[] = explainSchemaErrors(schemaErrors, source, fileName).map((p) => ({
    severity: 'error',
    file: fileName,
    ...(p.position ? { position: p.position } : {}),
    pointer: p.pointer,
    message: p.message,
  }));
  if (shape.length > 0 || duplicates.length > 0) return failure([...shape, ...duplicates]);

  const desired = normalizeOrg(plain.value as WrittenOrgYaml, (path) => positionOfPath(source, path, 'key'));
  const semantic = checkOrgRules(desired, fileName);
  return semantic.length > 0 ? failure(semantic) : { ok: true, value: desired };
}
