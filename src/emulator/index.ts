// A local AWS Organizations + Budgets (+ STS GetCallerIdentity) endpoint that the real AWS SDK and CLI
// talk to over HTTP exactly as they talk to AWS. Start it in-process with startEmulator(), or from the
// command line with `orgctl emulator`. See docs/emulator.md.

import { EmulatorCore } from './core.js';
import type { FaultKind, FaultSpec } from './faults.js';
import { FaultSpecError, parseFaultSpec } from './faults-spec.js';
import { UserError } from '../model/errors.js';
import type { EmulatorOptions } from './options.js';
import { resolveOptions } from './resolve-options.js';
import type { RequestLogEntry } from './request-log.js';
import { listen } from './server.js';
import type { EmulatorSnapshot } from './snapshot.js';
import { writeSnapshotFile } from './snapshot-file.js';

export { accessKeyIdFor } from './caller.js';
export type { FaultKind, FaultRule, FaultSpec } from './faults.js';
export { parseFaultSpec } from './faults-spec.js';
export type { EmulatorOptions, EmulatorQuirks } from './options.js';
export type { RequestLogEntry } from './request-log.js';
export type {
  EmulatorQuotas,
  EmulatorSnapshot,
  SnapshotAccount,
  SnapshotAlternateContact,
  SnapshotBudget,
  SnapshotIam,
  SnapshotIamUser,
  SnapshotIdentityCenterInstance,
  SnapshotOrganization,
  SnapshotOu,
  SnapshotPolicy,
  SnapshotRootUser,
} from './snapshot.js';
export { emptySnapshot, SNAPSHOT_FORMAT_VERSION } from './snapshot.js';
export { readSnapshotFile, writeSnapshotFile } from './snapshot-file.js';
export { DEFAULT_ACCOUNT_ID } from './world.js';

export interface Emulator {
  /** http://127.0.0.1:<port>: use as the SDK `endpoint` or AWS_ENDPOINT_URL. */
  readonly url: string;
  readonly port: number;
  /** The account callers act as unless their access key ends in 12 digits. */
  readonly accountId: string;
  /** Closes the server and every open connection. */
  stop(): Promise<void>;
  /** Back to the starting state (snapshot, faults, rate limits) with counters and log cleared. */
  reset(): void;
  /** Replaces the state with `snapshot` (validated; throws a UserError listing problems). */
  seed(snapshot: EmulatorSnapshot): void;
  /** The current state. */
  snapshot(): EmulatorSnapshot;
  /** Calls per operation, keyed "organizations:ListRoots", "budgets:DescribeBudgets", "sts:GetCallerIdentity". */
  counters(): Record<string, number>;
  /**
   * Of the calls counted, those answered with a page that full pages would not need (emptyPages,
   * trailingTokens), same keys: a client's calls are its full-page calls plus exactly these.
   */
  extraPages(): Record<string, number>;
  /** Requests in arrival order (those with seq > sinceSeq). */
  requestLog(sinceSeq?: number): readonly RequestLogEntry[];
  /** Empties the counters (extra pages too) and the request log. */
  clearStats(): void;
  /** Replaces the fault spec (a FaultSpec or --faults text); undefined turns faults off. */
  setFaults(faults: FaultSpec | string | undefined): void;
  /** Makes the next `count` calls matching `target` ("MoveAccount", "budgets.*", "*") fail with `fault`. */
  injectFault(target: string, fault: FaultKind, count?: number): void;
  /** Turns rate limiting on (with a time scale) or off. */
  setRateLimits(rateLimits: { readonly scale: number } | false): void;
  /** Writes the current state to a snapshot file. */
  saveSnapshot(file: string): Promise<void>;
}

export interface StartedEmulatorHooks {
  /** The file POST /_emulator/save writes (the CLI's --save). */
  readonly saveFile?: string;
}

function toFaultSpec(faults: FaultSpec | string | undefined): FaultSpec | undefined {
  if (typeof faults !== 'string') return faults;
  try {
    return parseFaultSpec(faults);
  } catch (error) {
    if (error instanceof FaultSpecError) throw new UserError(`The fault spec is not valid: ${error.message} (in "${error.clause}").`);
    throw error;
  }
}

export async function startEmulator(options: EmulatorOptions = {}, hooks: StartedEmulatorHooks = {}): Promise<Emulator> {
  const resolved = resolveOptions(options);
  const core = new EmulatorCore(resolved);
  const { saveFile } = hooks;
  const setFaults = (faults: FaultSpec | string | undefined): void => core.setFaults(toFaultSpec(faults));
  const running = await listen(
    core,
    {
      get accountId() {
        return core.defaultAccountId;
      },
      reset: () => core.reset(),
      seed: (snapshot) => core.seed(snapshot),
      snapshot: () => core.snapshot(),
      counters: () => core.counters(),
      extraPages: () => core.extraPages(),
      requestLog: (since) => core.requestLog(since),
      clearStats: () => core.clearStats(),
      setFaults,
      faults: () => core.currentFaults(),
      setRateLimits: (limits) => core.setRateLimits(limits),
      save: saveFile === undefined ? undefined : async () => (await writeSnapshotFile(saveFile, core.snapshot()), saveFile),
    },
    resolved.port,
  );
  const url = `http://127.0.0.1:${running.port}`;
  return {
    url,
    port: running.port,
    get accountId() {
      return core.defaultAccountId;
    },
    stop: () => running.close(),
    reset: () => core.reset(),
    seed: (snapshot) => core.seed(snapshot),
    snapshot: () => core.snapshot(),
    counters: () => core.counters(),
    extraPages: () => core.extraPages(),
    requestLog: (since) => core.requestLog(since),
    clearStats: () => core.clearStats(),
    setFaults,
    injectFault: (target, fault, count) => core.injectFault(target, fault, count),
    setRateLimits: (limits) => core.setRateLimits(limits),
    saveSnapshot: (file) => writeSnapshotFile(file, core.snapshot()),
  };
}
