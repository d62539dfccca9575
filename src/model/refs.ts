// Typed references: how a step names something that may not exist when the plan is made (a new OU,
// the root of a new organization, later a new account or policy). Apply resolves a reference to an
// AWS ID through the ID registry (src/apply/id-registry.ts), which the executors fill as they create.

import { ROOT_PATH } from './paths.js';

export interface RootRef {
  readonly type: 'root';
}
/** An OU by its path (src/model/paths.ts); never "/", which is the root. */
export interface OuRef {
  readonly type: 'ou';
  readonly path: string;
}
export interface AccountIdRef {
  readonly type: 'account';
  readonly id: string;
}
/** An account by its email: how an account that is still to be created is named. */
export interface AccountEmailRef {
  readonly type: 'account';
  readonly email: string;
}
/** A policy by its name: how a policy that is still to be created is named. */
export interface PolicyRef {
  readonly type: 'policy';
  readonly name: string;
}

/** A budget of the management account, by its name (Budgets names budgets, and their ARNs, by name). */
export interface BudgetRef {
  readonly type: 'budget';
  readonly name: string;
}

/** Where an OU or an account sits: the root or an OU. */
export type ParentRef = RootRef | OuRef;
export type ResourceRef = ParentRef | AccountIdRef | AccountEmailRef | PolicyRef;

/**
 * What can carry tags orgctl manages: the root, an OU, an account, a policy (by name), a budget. Not a
 * ResourceRef: a budget needs no ID (its ARN is built from its name).
 */
export type TagTarget = ParentRef | AccountIdRef | BudgetRef | PolicyRef;

export const ROOT_REF: RootRef = { type: 'root' };

export function ouRef(path: string): OuRef {
  return { type: 'ou', path };
}

/** The reference to the OU or root at a path ("/" is the root). */
export function parentRef(path: string): ParentRef {
  return path === ROOT_PATH ? ROOT_REF : ouRef(path);
}

/** The path of a parent reference ("/" for the root), for messages and path arithmetic. */
export function pathOfParent(ref: ParentRef): string {
  return ref.type === 'root' ? ROOT_PATH : ref.path;
}

/** One string per referenced thing: equal references have equal keys, different ones different keys. */
export function refKey(ref: ResourceRef): string {
  switch (ref.type) {
    case 'root':
      return 'root';
    case 'ou':
      return `ou:${ref.path}`;
    case 'account':
      // AWS compares root emails without regard to case.
      return 'id' in ref ? `account:${ref.id}` : `account-email:${ref.email.toLowerCase()}`;
    case 'policy':
      return `policy:${ref.name}`;
  }
}

/** "the OU /Workloads", "the root", "the account a@example.com", for messages. */
export function describeRef(ref: ResourceRef): string {
  switch (ref.type) {
    case 'root':
      return 'the root';
    case 'ou':
      return `the OU ${ref.path}`;
    case 'account':
      return `the account ${'id' in ref ? ref.id : ref.email}`;
    case 'policy':
      return `the policy "${ref.name}"`;
  }
}
