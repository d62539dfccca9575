// The steps of the organization kind: the organization itself, its OUs and where accounts sit.

import type { AccountCreationSettings, FeatureSet } from '../../model/desired.js';
import type { StepBase } from '../../model/plan.js';
import type { AccountEmailRef, ParentRef } from '../../model/refs.js';
import type { Tags } from '../../model/tags.js';

export interface CreateOrganizationStep extends StepBase {
  readonly kind: 'createOrganization';
  readonly before: null;
  readonly after: { readonly featureSet: FeatureSet };
}

export interface CreateOrganizationalUnitStep extends StepBase {
  readonly kind: 'createOrganizationalUnit';
  readonly before: null;
  /**
   * `parent` is resolved to an ID at apply time; it may be created by an earlier step. `tags`: the OU's
   * `tags:` from org.yaml, set in the same CreateOrganizationalUnit call (absent: none declared).
   */
  readonly after: { readonly path: string; readonly name: string; readonly parent: ParentRef; readonly tags?: Tags };
}

export interface RenameOrganizationalUnitStep extends StepBase {
  readonly kind: 'renameOrganizationalUnit';
  /** `path` is the OU's path when the step runs: after the renames of its ancestors that precede it in the plan. */
  readonly before: { readonly path: string; readonly name: string; readonly id: string };
  readonly after: { readonly path: string; readonly name: string };
}

export interface DeleteOrganizationalUnitStep extends StepBase {
  readonly kind: 'deleteOrganizationalUnit';
  /** `path` is the OU's path when the step runs (after earlier renames of its ancestors); `id` is what apply deletes. */
  readonly before: { readonly path: string; readonly name: string; readonly id: string };
  readonly after: null;
}

export interface MoveAccountStep extends StepBase {
  readonly kind: 'moveAccount';
  /** The account to move, when it exists at plan time. */
  readonly accountId?: string;
  /** Instead of `accountId`: an account a createAccount step of the same run makes (resolved through the ID registry). */
  readonly account?: AccountEmailRef;
  /** `parent` as in the live organization the plan was made from (resolved with that snapshot's IDs). */
  readonly before: { readonly parent: ParentRef; readonly accountName: string };
  /** `parent` as in org.yaml; the OU may be created or renamed by an earlier step. */
  readonly after: { readonly parent: ParentRef };
}

/** CreateAccount, waited for; the new account's ID is recorded under its email ref (the account lands in the root). */
export interface CreateAccountStep extends StepBase {
  readonly kind: 'createAccount';
  readonly before: null;
  /** `parent`: where a moveAccount step then places it (shown in the plan; the move does the placing). */
  readonly after: { readonly name: string; readonly email: string; readonly parent: ParentRef; readonly tags?: Tags } & AccountCreationSettings;
}

/** Account Management PutAccountName. */
export interface RenameAccountStep extends StepBase {
  readonly kind: 'renameAccount';
  readonly accountId: string;
  readonly before: { readonly name: string };
  readonly after: { readonly name: string };
}

/** Organizations CloseAccount; PENDING_CLOSURE and SUSPENDED count as closed. */
export interface CloseAccountStep extends StepBase {
  readonly kind: 'closeAccount';
  readonly accountId: string;
  readonly before: { readonly name: string; readonly state: string };
  readonly after: null;
}

export type OrganizationStep =
  | CreateOrganizationStep
  | CreateOrganizationalUnitStep
  | RenameOrganizationalUnitStep
  | DeleteOrganizationalUnitStep
  | MoveAccountStep
  | CreateAccountStep
  | RenameAccountStep
  | CloseAccountStep;
