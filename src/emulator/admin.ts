// The emulator's own HTTP paths, under /_emulator/ (no AWS route starts with "/_"), so tests and
// benchmarks that run the emulator in another process can read counters and control it.
//
//   GET    /_emulator/health            {"ok": true, "accountId": ...}
//   GET    /_emulator/counters          {"organizations:ListRoots": 3, ...}
//   GET    /_emulator/extra-pages       the calls among those answered with an empty/trailing page
//   GET    /_emulator/requests?since=N  request log entries with seq > N
//   POST   /_emulator/clear-stats       empties counters and the request log
//   POST   /_emulator/reset             back to the starting state
//   GET    /_emulator/snapshot          the current state as a snapshot
//   PUT    /_emulator/snapshot          replaces the state with the snapshot in the body
//   GET    /_emulator/faults            the fault spec in force
//   PUT    /_emulator/faults            sets it: --faults text, or a FaultSpec as JSON; DELETE clears it
//   PUT    /_emulator/rate-limits       {"scale": 10} turns buckets on, false turns them off
//   POST   /_emulator/save              writes the snapshot to the --save file (CLI only)

import { UserError } from '../model/errors.js';
import type { FaultSpec } from './faults.js';
import { FaultSpecError, parseFaultSpec } from './faults-spec.js';
import type { HttpReply } from './protocol/wire.js';
import type { RequestLogEntry } from './request-log.js';
import type { EmulatorSnapshot } from './snapshot.js';

export const ADMIN_PREFIX = '/_emulator';

export interface AdminTarget {
  readonly accountId: string;
  reset(): void;
  seed(snapshot: EmulatorSnapshot): void;
  snapshot(): EmulatorSnapshot;
  counters(): Record<string, number>;
  extraPages(): Record<string, number>;
  requestLog(sinceSeq?: number): readonly RequestLogEntry[];
  clearStats(): void;
  setFaults(faults: FaultSpec | string | undefined): void;
  faults(): FaultSpec | undefined;
  setRateLimits(rateLimits: { readonly scale: number } | false): void;
  /** Writes the snapshot file the emulator was started with (--save); undefined when there is none. */
  readonly save: (() => Promise<string>) | undefined;
}

function json(status: number, value: unknown): HttpReply {
  return { status, headers: { 'content-type': 'application/json' }, body: `${JSON.stringify(value)}\n` };
}

function problem(status: number, message: string, details: readonly string[] = []): HttpReply {
  return json(status, { error: message, details });
}

const PATHS = ['health', 'counters', 'extra-pages', 'requests', 'clear-stats', 'reset', 'snapshot', 'faults', 'rate-limits', 'save'];

export async function handleAdmin(method: string, url: URL, body: string, target: AdminTarget): Promise<HttpReply> {
  const path = url.pathname.slice(ADMIN_PREFIX.length).replace(/^\/+|\/+$/g, '');
  const route = `${method} ${path}`;
  try {
    switch (route) {
      case 'GET ':
        return json(200, { paths: PATHS.map((p) => `${ADMIN_PREFIX}/${p}`) });
      case 'GET health':
        return json(200, { ok: true, accountId: target.accountId });
      case 'GET counters':
        return json(200, target.counters());
      case 'GET extra-pages':
        return json(200, target.extraPages());
      case 'GET requests':
        return json(200, target.requestLog(Number(url.searchParams.get('since') ?? 0) || 0));
      case 'POST clear-stats':
        target.clearStats();
        return json(200, { ok: true });
      case 'POST reset':
        target.reset();
        return json(200, { ok: true });
      case 'GET snapshot':
        return json(200, target.snapshot());
      case 'PUT snapshot':
        target.seed(JSON.parse(body) as EmulatorSnapshot);
        return json(200, { ok: true });
      case 'GET faults':
        return json(200, target.faults() ?? null);
      case 'PUT faults': {
        const text = body.trim();
        target.setFaults(text.startsWith('{') ? (JSON.parse(text) as FaultSpec) : parseFaultSpec(text));
        return json(200, target.faults() ?? null);
      }
      case 'DELETE faults':
        target.setFaults(undefined);
        return json(200, null);
      case 'PUT rate-limits': {
        const value: unknown = JSON.parse(body);
        if (value === false) target.setRateLimits(false);
        else if (typeof value === 'object' && value !== null && typeof (value as { scale?: unknown }).scale === 'number' && (value as { scale: number }).scale > 0) {
          target.setRateLimits({ scale: (value as { scale: number }).scale });
        } else return problem(400, 'Send {"scale": <number > 0>} or false.');
        return json(200, { ok: true });
      }
      case 'POST save': {
        if (!target.save) return problem(409, 'This emulator was started without --save, so there is no file to write.');
        return json(200, { saved: await target.save() });
      }
      default:
        return problem(404, `No admin route ${method} ${url.pathname}. Paths: ${PATHS.map((p) => `${ADMIN_PREFIX}/${p}`).join(', ')}.`);
    }
  } catch (error) {
    if (error instanceof UserError) return problem(400, error.message, error.details);
    if (error instanceof FaultSpecError) return problem(400, `${error.message} (in "${error.clause}")`);
    if (error instanceof SyntaxError) return problem(400, `The body is not valid JSON: ${error.message}`);
    throw error;
  }
}
