// What an Organizations handler works with: the state, the emulator's settings for this service, the
// ID generator and the call (caller, time).

import type { ExtraPageKind } from '../pagination.js';
import type { CallContext } from '../service.js';
import type { IdGenerator } from './ids.js';
import type { OrganizationsState } from './state.js';

/** Choices where AWS's behaviour is not documented (aws-facts §6, "Not verified"). */
export interface OrganizationsQuirks {
  /** MaxResults above 20: refuse (InvalidInputException MAX_VALUE_EXCEEDED) or clamp to the page size. */
  readonly maxResultsAboveLimit: 'reject' | 'clamp';
  /** MoveAccount whose SourceParentId exists but is not the account's parent. */
  readonly wrongSourceParent: 'AccountNotFoundException' | 'SourceParentNotFoundException' | 'ignore';
  /**
   * MoveAccount of an account already in the destination, named with its old parent as the source (a
   * retried move whose first reply was lost): which check answers first. destinationFirst:
   * DuplicateAccountException; sourceFirst: the wrongSourceParent answer.
   */
  readonly moveAccountCheckOrder: 'destinationFirst' | 'sourceFirst';
  /** Whether "Prod" and "prod" are different OU names among siblings. */
  readonly ouNamesCaseSensitive: boolean;
}

export interface AccountProfile {
  readonly name: string;
  readonly email: string;
}

export interface OrganizationsSettings {
  /** Name and email of an account that is not yet in the organization (it becomes the management account on CreateOrganization). */
  readonly profileOf: (accountId: string) => AccountProfile;
  /** Largest page the server returns (1–20), whatever MaxResults asks. */
  readonly pageSize: number;
  /** Called once per listing page: answer it empty (with a NextToken)? */
  readonly injectEmptyPage: () => boolean;
  /** Called once per last page of a listing: give it a NextToken that leads to one more, empty, page? */
  readonly injectTrailingToken: () => boolean;
  /** Told about each page served only because of the two above (the emulator counts them). */
  readonly onExtraPage: (kind: ExtraPageKind) => void;
  readonly createAccountDelayMs: number;
  readonly closeAccountDelayMs: number;
  readonly quirks: OrganizationsQuirks;
}

export interface OrgContext {
  readonly state: OrganizationsState;
  readonly settings: OrganizationsSettings;
  readonly ids: IdGenerator;
  readonly call: CallContext;
  readonly operation: string;
}
