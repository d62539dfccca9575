// Helpers for org.yaml tests: parse text, and read problems as {line, column, message}.

import { parseOrgYaml } from '../../src/config/parse-org-yaml.js';
import type { DesiredOrg } from '../../src/model/desired.js';

export interface Problem {
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** Joins lines into a YAML document, so a test can read line numbers off the array (line n = index n-1). */
export function yamlDoc(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** The 1-based line holding `marker` (a comment like `# <-`); fails loudly when the marker is missing. */
export function lineOf(text: string, marker: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(marker));
  if (index === -1) throw new Error(`marker ${marker} not in text`);
  return index + 1;
}

/** The 1-based column of `needle` on a 1-based line. */
export function columnOf(text: string, line: number, needle: string): number {
  const column = (text.split('\n')[line - 1] ?? '').indexOf(needle);
  if (column === -1) throw new Error(`${needle} not on line ${line}`);
  return column + 1;
}

export function problemsOf(text: string, fileName = 'org.yaml'): Problem[] {
  const result = parseOrgYaml(text, fileName);
  if (result.ok) return [];
  return result.errors.map((d) => ({
    ...(d.position ? { line: d.position.line, column: d.position.column } : {}),
    message: d.message,
  }));
}

export function desiredOf(text: string): DesiredOrg {
  const result = parseOrgYaml(text, 'org.yaml');
  if (!result.ok) throw new Error(`expected a valid org.yaml, got:\n${result.errors.map((e) => `${e.position?.line}:${e.position?.column} ${e.message}`).join('\n')}`);
  return result.value;
}

/** A small valid org.yaml; tests append or splice to it. Lines 1-5 are the header. */
export const HEADER = ['version: 1', 'organization:', '  managementAccountId: "123456789012"', 'root:', '  organizationalUnits:'];
