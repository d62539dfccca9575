// What a kind gives `orgctl import`: its part of org.yaml's model, built from what import read, and
// what of it org.yaml cannot express (listed as comments at the end of the file). The importer
// (src/importer/build-imported-org.ts) merges every registered kind's part; each field below is
// filled by exactly one kind, and a field no kind fills is an error there, not a silently empty file.

import type { ImportReading } from '../importer/read-for-import.js';
import type { DesiredOrg } from '../model/desired.js';
import type { AccountState } from '../model/live.js';

export type { ImportReading };

export interface InactiveAccount {
  readonly id: string;
  readonly name: string;
  readonly state: AccountState;
  /** Path of the OU it sits in ("/" for the root). */
  readonly parentPath: string;
}

export interface LeftOutBudget {
  readonly name: string;
  readonly reasons: readonly string[];
}

/** What org.yaml cannot express, by kind: import lists it as comments. */
export interface ImportLeftOut {
  readonly inactiveAccounts: readonly InactiveAccount[];
  readonly leftOutBudgets: readonly LeftOutBudget[];
}

export interface ImportCounts {
  readonly ous: number;
  readonly accountsPlaced: number;
  readonly budgets: number;
  readonly policies: number;
}

/** The parts of DesiredOrg the kinds import; `options` (defaults) and `security` (not read) are the importer's. */
export type ImportedDesired = Pick<DesiredOrg, 'managementAccountId' | 'featureSet' | 'root' | 'budgets' | 'trustedServices' | 'delegatedAdministrators' | 'identityCenter'> & {
  readonly policies: NonNullable<DesiredOrg['policies']>;
};

/** One kind's import: its fields of the three records above, none of them also filled by another kind. */
export interface KindImport {
  readonly desired: Partial<ImportedDesired>;
  readonly leftOut: Partial<ImportLeftOut>;
  readonly counts: Partial<ImportCounts>;
  /**
   * `policies:` lists for nodes of the imported tree (which another kind builds), keyed "root",
   * "ou:/Path" or "account:ID": the importer adds them to the merged tree.
   */
  readonly attachments?: ReadonlyMap<string, readonly string[]>;
}
