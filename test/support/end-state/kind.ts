// What one kind of thing the oracle checks (OUs and accounts, budgets, alternate contacts, ...) must
// provide. index.ts lists the kinds and loops over them; test/README.md says how to add one.

import type { LiveOrg } from '../../../src/model/live.js';
import type { Backend } from './backends.js';
import type { OracleClients } from './aws.js';
import type { OrgYamlDocument } from './org-yaml.js';

export interface ReadContext {
  readonly clients: OracleClients;
  /** The account the credentials act as (the management account in every test). */
  readonly accountId: string;
  /** Which emulator answers, and what it cannot answer (named gaps). */
  readonly backend: Backend;
}

/** Where org.yaml's own files live: `directory` is org.yaml's, for documents in files it names (policies' `file:`). */
export interface DeclaredSource {
  readonly directory?: string;
}

/** A value the backend cannot give: the reason is a named gap (backends.ts), reported, never silently skipped. */
export class Unread {
  constructor(readonly gap: string) {}
}

/** What a kind found: differences from org.yaml's promise, and the gaps that kept it from checking something. */
export interface KindReport {
  readonly mismatches: string[];
  readonly unchecked: string[];
}

// Method syntax on purpose: method parameters are bivariant, so every kind fits EndStateKind<unknown, unknown>.
export interface EndStateKind<State, Declared> {
  /** Shown in front of each mismatch, e.g. "[budgets]". */
  readonly name: string;
  /** What org.yaml declares for this kind, with docs/org-yaml.md's defaults applied here. */
  declared(document: OrgYamlDocument, source?: DeclaredSource): Declared;
  /** The state, read with straight SDK calls (no orgctl code). */
  read(context: ReadContext): Promise<State>;
  /** The same state taken from a LiveOrg value (the planner properties' simulated world). */
  fromLive(live: LiveOrg): State;
  /** Differences between `after` and what org.yaml promises, given the state `before` the apply. */
  check(after: State, declared: Declared, before: State): KindReport;
}

export function newReport(): KindReport {
  return { mismatches: [], unchecked: [] };
}

/** JSON.stringify for names in messages: quotes, and escapes for control characters. */
export const shown = (text: string): string => JSON.stringify(text);
