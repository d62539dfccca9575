// The plan file: `orgctl plan --out plan.json` writes it, `orgctl apply --plan plan.json` reads it.
// It is the Plan value as JSON, validated on the way in against schema/plan.schema.json (ajv) plus
// the rules a schema cannot say (dependsOn points backwards). Pure: the caller reads the file.

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import planSchemaJson from '../../schema/plan.schema.json' with { type: 'json' };
import type { SourcePosition } from '../model/desired.js';
import type { Diagnostic, Result } from '../model/diagnostics.js';
import { type Plan, PLAN_FORMAT_VERSION } from '../model/plan.js';
import { jsonSyntaxErrorOffset } from './json-syntax.js';
import { visibleText } from '../text/visible-text.js';

/** Most problems reported for one file; the rest are counted. */
const MAX_PROBLEMS = 20;

export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

export function parsePlanFile(text: string, fileName: string): Result<Plan> {
  const fail = (message: string, position?: SourcePosition, pointer?: string): Result<Plan> => ({
    ok: false,
    errors: [diagnostic(fileName, message, position, pointer)],
  });
  if (text.trim() === '') return fail('the plan file is empty; write one with `orgctl plan --out <file>`.');

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const offset = jsonSyntaxErrorOffset(text);
    const position = offset === undefined ? undefined : positionAtOffset(text, offset);
    return fail(`not a plan file: the JSON does not parse (${visibleText((error as Error).message)}).`, position);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('not a plan file: expected a JSON object written by `orgctl plan --out`.', { line: 1, column: 1 });
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1 && version < PLAN_FORMAT_VERSION) {
    return fail(
      `this plan file is in format version ${version}, made by an older orgctl; this orgctl reads version ${PLAN_FORMAT_VERSION} only. ` +
        'Run `orgctl plan` again (`orgctl plan --out <file>`) and apply the new plan.',
      locator(text)('/version'),
      '/version',
    );
  }
  if (version !== PLAN_FORMAT_VERSION) {
    return fail(
      `plan format version ${JSON.stringify(version) ?? 'missing'} is not supported: this orgctl reads version ${PLAN_FORMAT_VERSION}. ` +
        'Make the plan again with this orgctl (`orgctl plan --out <file>`).',
      locator(text)('/version'),
      '/version',
    );
  }

  const validate = planValidator();
  if (!validate(value)) {
    const problems = (validate.errors ?? []).map((e) => ({ pointer: e.instancePath, message: explain(e) }));
    return { ok: false, errors: toDiagnostics(locator(text), fileName, problems) };
  }
  const plan = value as Plan;
  const ordering = plan.steps.flatMap((step, index) =>
    step.dependsOn
      .filter((d) => d >= index)
      .map((d) => ({ pointer: `/steps/${index}/dependsOn`, message: `step ${index} depends on step ${d}, which does not come before it.` })),
  );
  if (ordering.length > 0) return { ok: false, errors: toDiagnostics(locator(text), fileName, ordering) };
  return { ok: true, value: plan };
}

let compiled: ValidateFunction | undefined;

function planValidator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true, discriminator: true, allowUnionTypes: true }).compile(planSchemaJson);
  return compiled;
}

function explain(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the plan' : error.instancePath;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where} has an unknown field "${String(error.params['additionalProperty'])}".`;
    case 'required':
      return `${where} is missing the field "${String(error.params['missingProperty'])}".`;
    case 'discriminator':
      return `${where}/kind is ${JSON.stringify(error.params['tagValue'])}, not a step kind this orgctl knows.`;
    case 'const':
    case 'enum': {
      const allowed = (error.params['allowedValues'] ?? [error.params['allowedValue']]) as unknown[];
      return `${where} must be ${allowed.map((v) => JSON.stringify(v)).join(' or ')}.`;
    }
    default:
      return `${where} ${error.message ?? 'is invalid'}.`;
  }
}

function toDiagnostics(
  locate: (pointer: string) => SourcePosition | undefined,
  fileName: string,
  problems: readonly { pointer: string; message: string }[],
): Diagnostic[] {
  const unique = [...new Map(problems.map((p) => [`${p.pointer}\u0000${p.message}`, p])).values()];
  const shown = unique.slice(0, MAX_PROBLEMS).map((p) => diagnostic(fileName, `invalid plan file: ${p.message}`, locate(p.pointer), p.pointer));
  if (unique.length > MAX_PROBLEMS) shown.push(diagnostic(fileName, `invalid plan file: ${unique.length - MAX_PROBLEMS} more problems not shown.`));
  return shown;
}

function diagnostic(file: string, message: string, position?: SourcePosition, pointer?: string): Diagnostic {
  return { severity: 'error', file, message, ...(position && { position }), ...(pointer !== undefined && pointer !== '' && { pointer }) };
}

/** Finds the line and column of the value at a JSON pointer (JSON is YAML, and the yaml parser keeps offsets). */
function locator(text: string): (pointer: string) => SourcePosition | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return (pointer) => locate(doc.contents, lineCounter, pointer);
}

function locate(root: Node | null, lineCounter: LineCounter, pointer: string): SourcePosition | undefined {
  let node: Node | null | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    let next: unknown;
    if (isSeq(node)) next = node.items[Number(key)];
    else if (isMap(node)) next = node.get(key, true);
    if (next === undefined || next === null || typeof next !== 'object' || !('range' in next)) break;
    node = next as Node;
  }
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function positionAtOffset(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
