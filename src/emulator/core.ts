// The emulator without HTTP: routes a request, counts and logs it, applies injected faults and rate
// limits, runs the operation against the current World, and says what to answer (or to drop the
// connection). server.ts only moves bytes.

import { randomUUID } from 'node:crypto';
import { UserError } from '../model/errors.js';
import { ApiError } from './api-error.js';
import { budgetsService, BUDGETS_TARGET_PREFIX } from './budgets/service.js';
import { callerFor, readSignature } from './caller.js';
import { FaultInjector, type FaultKind, type FaultSpec } from './faults.js';
import { organizationsService, ORGANIZATIONS_TARGET_PREFIX } from './organizations/service.js';
import { IdGenerator } from './organizations/ids.js';
import type { ExtraPageKind } from './pagination.js';
import type { HttpReply } from './protocol/wire.js';
import { roll, SeededRandom } from './random.js';
import { RateLimiter } from './rate-limiter.js';
import { RequestLog, type RequestLogEntry } from './request-log.js';
import { routeRequest, type Bindings } from './router.js';
import type { ResolvedOptions } from './options.js';
import type { EmulatorSnapshot } from './snapshot.js';
import { loadSnapshot } from './snapshot-load.js';
import { formatPath } from './snapshot-locate.js';
import { validateSnapshot } from './snapshot-validate.js';
import { writeSnapshot } from './snapshot-write.js';
import { stsService, STS_VERSION, STS_XMLNS } from './sts/service.js';
import { accountService, ACCOUNT_ROUTES } from './account/service.js';
import { iamService, IAM_VERSION, IAM_XMLNS, IAM_XML_MAPS } from './iam/service.js';
import { ssoAdminService, SSO_ADMIN_TARGET_PREFIX } from './sso-admin/service.js';
import { identityStoreService, IDENTITY_STORE_TARGET_PREFIX } from './identity-store/service.js';
import { World } from './world.js';

export interface IncomingCall {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export type CallOutcome = { readonly kind: 'reply'; readonly reply: HttpReply } | { readonly kind: 'drop' };

function header(headers: IncomingCall['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class EmulatorCore {
  private world: World;
  private ids: IdGenerator;
  private emptyPageCalls = 0;
  private trailingTokenCalls = 0;
  /** The extra page (if any) the call being handled was answered with; handlers run synchronously. */
  private extraPage: ExtraPageKind | undefined;
  private limiter: RateLimiter | undefined;
  private readonly log: RequestLog;
  private readonly faults: FaultInjector;
  private readonly bindings: Bindings;

  constructor(private readonly options: ResolvedOptions) {
    this.world = this.buildWorld(options.snapshot);
    this.ids = new IdGenerator(new SeededRandom(options.seed));
    this.log = new RequestLog(options.requestLogLimit);
    this.faults = new FaultInjector(options.faults, options.seed);
    this.limiter = options.rateLimits ? new RateLimiter(options.rateLimits, options.now) : undefined;
    const { quirks } = options;
    const organizations = organizationsService((call, operation) => ({
      state: this.world.organizations,
      ids: this.ids,
      call,
      operation,
      settings: {
        profileOf: (id) => this.world.profileOf(id),
        pageSize: options.pageSize,
        injectEmptyPage: () => options.emptyPages > 0 && roll(options.seed, 'empty-page', ++this.emptyPageCalls) < options.emptyPages,
        injectTrailingToken: () => options.trailingTokens > 0 && roll(options.seed, 'trailing-token', ++this.trailingTokenCalls) < options.trailingTokens,
        onExtraPage: (kind) => {
          this.extraPage = kind;
        },
        createAccountDelayMs: options.createAccountDelayMs,
        closeAccountDelayMs: options.closeAccountDelayMs,
        quirks,
      },
    }));
    const budgets = budgetsService((call, operation) => ({
      state: this.world.budgets,
      call,
      operation,
      settings: { amountFormat: quirks.amountFormat, createBudgetAtomic: quirks.createBudgetAtomic },
    }));
    const iam = iamService((call) => ({ iam: this.world.iam, organizations: this.world.organizations, call }));
    const account = accountService((call) => ({ contacts: this.world.contacts, organizations: this.world.organizations, call }));
    const ssoAdmin = ssoAdminService((call) => ({ identityCenter: this.world.identityCenter, call, identityStore: this.world.identityStore, organizations: this.world.organizations }));
    const identityStore = identityStoreService((call) => ({ identityStore: this.world.identityStore, call }));
    this.bindings = {
      jsonRpc: [
        { targetPrefix: ORGANIZATIONS_TARGET_PREFIX, service: organizations },
        { targetPrefix: BUDGETS_TARGET_PREFIX, service: budgets },
        { targetPrefix: SSO_ADMIN_TARGET_PREFIX, service: ssoAdmin },
        { targetPrefix: IDENTITY_STORE_TARGET_PREFIX, service: identityStore },
      ],
      // STS and IAM share the query protocol: the Version parameter (else the signing name) tells them apart.
      query: [
        { version: STS_VERSION, signingName: 'sts', xmlns: STS_XMLNS, service: stsService() },
        { version: IAM_VERSION, signingName: 'iam', xmlns: IAM_XMLNS, maps: IAM_XML_MAPS, service: iam },
      ],
      restJson: [{ routes: ACCOUNT_ROUTES, service: account }],
    };
  }

  private buildWorld(snapshot: EmulatorSnapshot | undefined): World {
    const world = this.buildWorldFrom(snapshot);
    for (const email of this.options.emailsOutsideOrganization) world.organizations.emailsElsewhere.add(email.toLowerCase());
    return world;
  }

  private buildWorldFrom(snapshot: EmulatorSnapshot | undefined): World {
    const { options } = this;
    if (!snapshot) {
      const world = new World(options.accountId);
      if (options.quotas) {
        world.organizations.quotas = { ...world.organizations.quotas, ...pick(options.quotas, ['maxAccounts', 'maxOrganizationalUnits']) };
        world.budgets.quotas = { ...world.budgets.quotas, ...pick(options.quotas, ['maxBudgetsPerAccount']) };
      }
      return world;
    }
    const check = validateSnapshot(snapshot, { ouNamesCaseSensitive: options.quirks.ouNamesCaseSensitive });
    const result = check.ok
      ? loadSnapshot(check.snapshot, {
          accountId: options.accountId,
          quotas: options.quotas,
          budgets: { amountFormat: options.quirks.amountFormat, createBudgetAtomic: true },
          createAccountDelayMs: options.createAccountDelayMs,
          closeAccountDelayMs: options.closeAccountDelayMs,
          now: options.now(),
        })
      : check;
    if (!result.ok) {
      throw new UserError('The emulator snapshot is not valid.', result.issues.map((i) => `${formatPath(i.path)} ${i.message}`));
    }
    return result.world;
  }

  get defaultAccountId(): string {
    return this.world.defaultAccountId;
  }

  // ---- the request pipeline

  async handle(call: IncomingCall): Promise<CallOutcome> {
    const started = this.options.now();
    const signature = readSignature(header(call.headers, 'authorization'));
    const caller = callerFor(signature.accessKeyId, this.world.defaultAccountId);
    const route = routeRequest(this.bindings, {
      method: call.method,
      path: call.path,
      target: header(call.headers, 'x-amz-target'),
      contentType: header(call.headers, 'content-type'),
      signingName: signature.signingName,
      body: call.body,
    });
    const requestId = randomUUID();
    const serviceName = route.kind === 'call' ? route.service.name : route.serviceName;
    const seq = this.log.count(serviceName, route.operation);
    const finish = (status: number, extra: { errorCode?: string; fault?: string; extraPage?: ExtraPageKind } = {}): void => {
      const entry: RequestLogEntry = {
        seq,
        time: started,
        service: serviceName,
        operation: route.operation,
        callerAccountId: caller.accountId,
        input: route.kind === 'call' ? route.input : {},
        status,
        ...extra,
        durationMs: this.options.now() - started,
      };
      this.log.record(entry);
      this.options.onRequest?.(entry);
    };
    const fail = (error: ApiError, fault?: string): CallOutcome => {
      const shown = this.options.statusCodes === 'legacy' && error.status >= 400 && error.status < 500 ? new ApiError(error.code, error.message, 400, error.fields) : error;
      finish(shown.status, { errorCode: shown.code, ...(fault ? { fault } : {}) });
      return { kind: 'reply', reply: route.protocol.failure(shown, requestId) };
    };
    if (route.kind === 'reject') return fail(route.error);

    const { service, operation } = route;
    const decision = this.faults.decide(service.name, operation);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision.fault === 'drop') {
      finish(0, { fault: 'drop' });
      return { kind: 'drop' };
    }
    if (decision.fault === 'error500') return fail(service.errors.internal(), 'error500');
    if (decision.fault === 'throttle') return fail(service.errors.throttled(seq), 'throttle');
    if (decision.fault === 'conflict') {
      const conflict = service.errors.conflict();
      if (conflict) return fail(conflict, 'conflict');
    }
    if (this.limiter && !this.limiter.tryTake(service.name, operation, caller.accountId)) return fail(service.errors.throttled(seq), 'rate-limit');

    let reply: HttpReply;
    this.extraPage = undefined;
    try {
      const output = service.call(operation, route.input, { caller, requestId, now: this.options.now(), region: signature.region });
      reply = route.protocol.success(operation, output, requestId);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        // A bug in the emulator: answer as AWS would (500), and say what broke.
        const message = error instanceof Error ? error.message : String(error);
        return fail(new ApiError(service.errors.internal().code, `Emulator bug in ${operation}: ${message}`, 500));
      }
      return fail(error);
    }
    // The call took effect, but the caller never hears so: the case that tests idempotent retries.
    if (decision.fault === 'drop-after') {
      finish(0, { fault: 'drop-after' });
      return { kind: 'drop' };
    }
    const extraPage = this.extraPage;
    finish(reply.status, extraPage ? { extraPage } : {});
    return { kind: 'reply', reply };
  }

  // ---- control

  reset(): void {
    this.world = this.buildWorld(this.options.snapshot);
    this.ids = new IdGenerator(new SeededRandom(this.options.seed));
    this.emptyPageCalls = 0;
    this.trailingTokenCalls = 0;
    this.faults.setSpec(this.options.faults);
    this.faults.reset();
    this.limiter = this.options.rateLimits ? new RateLimiter(this.options.rateLimits, this.options.now) : undefined;
    this.log.clear();
  }

  seed(snapshot: EmulatorSnapshot): void {
    this.world = this.buildWorld(snapshot);
    this.limiter?.reset();
  }

  snapshot(): EmulatorSnapshot {
    this.world.organizations.advance(this.options.now());
    return writeSnapshot(this.world);
  }

  counters(): Record<string, number> {
    return this.log.counters();
  }

  extraPages(): Record<string, number> {
    return this.log.extraPages();
  }

  requestLog(sinceSeq = 0): readonly RequestLogEntry[] {
    return this.log.list(sinceSeq);
  }

  clearStats(): void {
    this.log.clear();
  }

  setFaults(spec: FaultSpec | undefined): void {
    this.faults.setSpec(spec);
  }

  currentFaults(): FaultSpec | undefined {
    return this.faults.currentSpec();
  }

  injectFault(target: string, fault: FaultKind, count = 1): void {
    this.faults.injectNext(target, fault, count);
  }

  setRateLimits(rateLimits: { readonly scale: number } | false): void {
    this.limiter = rateLimits ? new RateLimiter(rateLimits, this.options.now) : undefined;
  }
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
