// Options of startEmulator (and the `orgctl emulator` flags that set them), with their defaults.

import type { FaultSpec } from './faults.js';
import type { RequestLogEntry } from './request-log.js';
import type { OrganizationsQuirks } from './organizations/context.js';
import type { EmulatorQuotas, EmulatorSnapshot } from './snapshot.js';

/** Choices where AWS's behaviour is not documented; each default follows aws-facts.md's suggestion. */
export interface EmulatorQuirks extends OrganizationsQuirks {
  /** BudgetLimit.Amount as "100.0" (normalized) or byte for byte (verbatim). */
  readonly amountFormat: 'normalized' | 'verbatim';
  /** CreateBudget creates nothing when a notification is refused (true), or leaves the budget half-made (false). */
  readonly createBudgetAtomic: boolean;
}

export const DEFAULT_QUIRKS: EmulatorQuirks = {
  maxResultsAboveLimit: 'reject',
  wrongSourceParent: 'AccountNotFoundException',
  moveAccountCheckOrder: 'destinationFirst',
  ouNamesCaseSensitive: true,
  amountFormat: 'normalized',
  createBudgetAtomic: true,
};

export interface EmulatorOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** The account callers act as unless their access key ends in 12 digits (default: the snapshot's, else 123456789012). */
  readonly accountId?: string;
  /** Initial state; default: a standalone account with no organization and no budgets. */
  readonly snapshot?: EmulatorSnapshot;
  /** Per-operation token buckets with AWS's rates; `scale` 10 refills 10× faster. Default: off. */
  readonly rateLimits?: { readonly scale: number } | false;
  /** Deterministic fault injection, as a FaultSpec or the --faults text. */
  readonly faults?: FaultSpec | string;
  /** Probability (0–1) that an Organizations List* page comes back empty with a NextToken. Default 0. */
  readonly emptyPages?: number;
  /**
   * Probability (0–1) that the last page of an Organizations List* listing still carries a NextToken,
   * which then leads to one empty page without one. Default 0. Pages served because of this or of
   * emptyPages are counted in extraPages() and marked in the request log.
   */
  readonly trailingTokens?: number;
  /** Largest Organizations page (1–20, default 20). */
  readonly pageSize?: number;
  /** Seed for generated IDs, fault rolls, empty pages and trailing tokens (default 1). */
  readonly seed?: number;
  /** How long CreateAccount stays IN_PROGRESS (default 200 ms). */
  readonly createAccountDelayMs?: number;
  /** How long CloseAccount stays PENDING_CLOSURE (default 200 ms). */
  readonly closeAccountDelayMs?: number;
  /** Override the snapshot's quotas. */
  readonly quotas?: Partial<EmulatorQuotas>;
  /** Root emails of AWS accounts outside the organization: a CreateAccount with one FAILS with EMAIL_ALREADY_EXISTS. */
  readonly emailsOutsideOrganization?: readonly string[];
  readonly quirks?: Partial<EmulatorQuirks>;
  /** "smithy" (default) sends the modelled status codes; "legacy" sends 400 for every client error, as Organizations once did. */
  readonly statusCodes?: 'smithy' | 'legacy';
  /** Clock in epoch ms (default Date.now); tests may pass a fake one. */
  readonly now?: () => number;
  /** Request log entries kept (default 100,000). */
  readonly requestLogLimit?: number;
  /** Called after every request is answered (the CLI's --log). */
  readonly onRequest?: (entry: RequestLogEntry) => void;
}

export interface ResolvedOptions {
  readonly port: number;
  readonly accountId: string | undefined;
  readonly snapshot: EmulatorSnapshot | undefined;
  readonly rateLimits: { readonly scale: number } | false;
  readonly faults: FaultSpec | undefined;
  readonly emptyPages: number;
  readonly trailingTokens: number;
  readonly pageSize: number;
  readonly seed: number;
  readonly createAccountDelayMs: number;
  readonly closeAccountDelayMs: number;
  readonly quotas: Partial<EmulatorQuotas> | undefined;
  readonly emailsOutsideOrganization: readonly string[];
  readonly quirks: EmulatorQuirks;
  readonly statusCodes: 'smithy' | 'legacy';
  readonly now: () => number;
  readonly requestLogLimit: number;
  readonly onRequest: ((entry: RequestLogEntry) => void) | undefined;
}
