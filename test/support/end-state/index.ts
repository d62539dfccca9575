// The end-state oracle: after an apply, read the organization with straight SDK calls and compare it,
// field by field, with what org.yaml declares — without any of orgctl's reader, planner or adapter, so
// a planner blind to a difference (issue #19) fails here instead of planning nothing twice.
//
//   const before = await readEndState({ endpoint: emulator.url });
//   ... apply ...
//   expectEndStateMatches(await readEndState({ endpoint: emulator.url }), expectedEndState(orgYamlText, before));
//
// One module per kind (organization.ts, budgets.ts, alternate-contacts.ts, accounts.ts, service-access.ts, tags.ts, policies.ts, break-glass.ts), registered in END_STATE_KINDS;
// One module per kind (organization.ts, budgets.ts, alternate-contacts.ts, accounts.ts, service-access.ts, tags.ts, permission-sets.ts), registered in END_STATE_KINDS;
// test/README.md says how a new kind adds itself.

import { expect } from 'vitest';
import type { DesiredOrg } from '../../../src/model/desired.js';
import type { LiveOrg } from '../../../src/model/live.js';
import { accountsKind } from './accounts.js';
import { alternateContactsKind } from './alternate-contacts.js';
import { callerAccountId, oracleClients, type OracleTarget } from './aws.js';
import { type Backend, EMULATOR_BACKEND } from './backends.js';
import { breakGlassKind } from './break-glass.js';
import { budgetsKind } from './budgets.js';
import type { DeclaredSource, EndStateKind } from './kind.js';
import { orgYamlDocument } from './org-yaml.js';
import { organizationKind } from './organization.js';
import { policiesKind } from './policies.js';
import { permissionSetsKind } from './permission-sets.js';
import { serviceAccessKind } from './service-access.js';
import { tagsKind } from './tags.js';
import { identityCenterKind } from './identity-center.js';

export { EMULATOR_BACKEND, LIVE_ORG_GAPS, MOTO_BACKEND, type Backend } from './backends.js';

/** Every kind the oracle checks. A new kind: one module, one line here. */
export const END_STATE_KINDS = {
  organization: organizationKind,
  budgets: budgetsKind,
  alternateContacts: alternateContactsKind,
  accounts: accountsKind,
  serviceAccess: serviceAccessKind,
  tags: tagsKind,
  policies: policiesKind,
  breakGlass: breakGlassKind,
  permissionSets: permissionSetsKind,
  identityCenter: identityCenterKind,
} satisfies Record<string, EndStateKind<unknown, unknown>>;

type Kinds = typeof END_STATE_KINDS;
type KindName = keyof Kinds;
type StateOf<K> = K extends EndStateKind<infer State, unknown> ? State : never;
type DeclaredOf<K> = K extends EndStateKind<unknown, infer Declared> ? Declared : never;

export type EndState = { readonly [K in KindName]: StateOf<Kinds[K]> };
export type Declared = { readonly [K in KindName]: DeclaredOf<Kinds[K]> };

export interface ExpectedEndState {
  readonly declared: Declared;
  /** The state before the apply: what org.yaml leaves alone must still be so. */
  readonly before: EndState;
}

export interface EndStateComparison {
  /** "[kind] what differs", one line each. */
  readonly mismatches: readonly string[];
  /** Named gaps (backends.ts) that kept something from being checked, each once. */
  readonly unchecked: readonly string[];
}

const NAMES = Object.keys(END_STATE_KINDS) as KindName[];
const erased = (name: KindName): EndStateKind<unknown, unknown> => END_STATE_KINDS[name];

/** Reads every kind from an emulator (ours by default; pass MOTO_BACKEND for moto). */
export async function readEndState(target: OracleTarget & { readonly backend?: Backend }): Promise<EndState> {
  const clients = oracleClients(target);
  try {
    const context = { clients, accountId: await callerAccountId(clients), backend: target.backend ?? EMULATOR_BACKEND };
    const states = await Promise.all(NAMES.map((name) => erased(name).read(context)));
    return Object.fromEntries(NAMES.map((name, i) => [name, states[i]])) as EndState;
  } finally {
    clients.destroy();
  }
}

/** The same state from a LiveOrg value: the planner properties' simulated world. */
export function endStateOfLive(live: LiveOrg): EndState {
  return Object.fromEntries(NAMES.map((name) => [name, erased(name).fromLive(live)])) as EndState;
}

/**
 * What the end state must be: org.yaml (text, or a DesiredOrg written out as org.yaml) and the state before;
 * `source.directory`: org.yaml's directory, for the policy files it names.
 */
export function expectedEndState(orgYaml: string | DesiredOrg, before: EndState, source: DeclaredSource = {}): ExpectedEndState {
  const document = orgYamlDocument(orgYaml);
  return { declared: Object.fromEntries(NAMES.map((name) => [name, erased(name).declared(document, source)])) as Declared, before };
}

export function compareEndState(actual: EndState, expected: ExpectedEndState): EndStateComparison {
  const mismatches: string[] = [];
  const unchecked = new Set<string>();
  for (const name of NAMES) {
    const kind = erased(name);
    const report = kind.check(actual[name], expected.declared[name], expected.before[name]);
    mismatches.push(...report.mismatches.map((line) => `[${kind.name}] ${line}`));
    for (const gap of report.unchecked) unchecked.add(gap);
  }
  return { mismatches, unchecked: [...unchecked] };
}

/**
 * Fails the test, listing every difference, unless `actual` is what org.yaml promises. A check a
 * backend cannot make fails too, unless the test names that gap in `knownGaps`. Returns the gaps hit.
 */
export function expectEndStateMatches(actual: EndState, expected: ExpectedEndState, options: { readonly knownGaps?: readonly string[] } = {}): readonly string[] {
  const { mismatches, unchecked } = compareEndState(actual, expected);
  const unknownGaps = unchecked.filter((gap) => !(options.knownGaps ?? []).includes(gap));
  expect({ mismatches, unknownGaps }, 'the end state differs from what org.yaml declares (test/support/end-state)').toEqual({ mismatches: [], unknownGaps: [] });
  return unchecked;
}
