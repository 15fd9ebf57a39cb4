import type { DataSource, EntityManager } from 'typeorm';
import type { Position, RecordedEvent } from '../port/envelope.js';
import type { EventFilter, EventStore } from '../port/event-store.port.js';
import type { Projection } from './projection.js';
import {
  advanceCheckpoint,
  countParked,
  countUnreadable,
  deleteCheckpoint,
  deleteParked,
  deleteUnreadable,
  insertCheckpoint,
  insertParked,
  insertUnreadable,
  insertRegistry,
  ProjectionFenced,
  readCheckpoints,
  readLease,
  readRegistry,
  releaseLease,
  renewLease,
  swapRegistry,
  tryAcquireLease,
  type RegistryRow,
} from './projection-bookkeeping.js';
import { createProjectionTables, dropProjectionTables, type SqlDialect } from './projection-schema.js';
import { Lane } from './projection-lane.js';
import { TableWriter, WriteCacheBypassed } from './projection-tx.js';
import { SerialQueue } from './serial-queue.js';
import type { SharedLog } from './shared-log.js';
import { describeError, errorKind, isTransientDbError } from './transient-error.js';

export interface ProjectionLogger {
  warn(message: string, context?: Record<string, unknown>): void;
}

export interface WorkerSettings {
  readonly store: EventStore;
  /** Pages of the log read once for every lane building from the start together (a rebuild). */
  readonly shared: SharedLog;
  readonly dataSource: DataSource;
  readonly dialect: SqlDialect;
  /** Serialises database work (SQLite's single connection) or not (PostgreSQL's pool). */
  readonly db: Pick<SerialQueue, 'run'>;
  /**
   * Runs a transaction: on SQLite through GroupedTransactions (the lanes' transactions that meet commit
   * together, each in a savepoint of its own), on PostgreSQL one transaction of the pool each.
   */
  readonly transact: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>;
  readonly owner: string;
  readonly batchSize: number;
  readonly writeCache: boolean;
  /** Rows per table the write cache keeps between batches. */
  readonly rowCacheSize: number;
  readonly maxAttempts: number;
  readonly leaseTtlMs: number;
  readonly pollIntervalMs: number;
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly lagCap: number;
  readonly clock: () => Date;
  readonly logger: ProjectionLogger;
}

export interface LagStatus {
  readonly version: number;
  readonly position: Position | null;
  /** Events this projection handles between its checkpoint and the head, counted up to `lagCap`. */
  readonly lag: number;
  /** True when `lag` stopped counting at the cap: the real lag is at least that. */
  readonly lagCapped: boolean;
}

export interface ProjectionStatus extends LagStatus {
  readonly name: string;
  /** Version of the logic that built the live tables; `codeVersion` is the deployed one. */
  readonly logicVersion: number | null;
  readonly codeVersion: number;
  /** This runner holds the lease and is applying events. */
  readonly active: boolean;
  readonly leaseOwner: string | null;
  readonly headPosition: Position | null;
  /** Live tables reflect every handled event up to the head, built by the deployed logic. */
  readonly caughtUp: boolean;
  readonly parked: number;
  /**
   * Events of the live version applied with some personal data unreadable (a subject key wrapped by
   * another master key, or an altered value): their words read as unavailable. See projection_unreadable.
   */
  readonly unreadable: number;
  readonly lastError: { readonly message: string; readonly at: string } | null;
  /** A rebuild filling the next version beside the live one, if any. */
  readonly rebuild: LagStatus | null;
}

/**
 * Runs one projection for one runner: holds (or waits for) its lease, fills the live version, and
 * rebuilds the next version beside it on demand or when the deployed logic changed.
 */
export class ProjectionWorker {
  private readonly control = new SerialQueue();
  private readonly filter: EventFilter;
  private active = false;
  /** Bumped on every deactivation, so work started before it does not carry on after it. */
  private epoch = 0;
  private registry: RegistryRow | undefined;
  private live: Lane | undefined;
  private next: Lane | undefined;
  private rebuildDone: Promise<number> | undefined;
  private lastError: { message: string; at: string } | undefined;
  private changed = deferred();
  /** Write-behind row cache (see TableWriter, RowCache); off for good once the projection uses tx.manager. */
  private writeCache: boolean;

  constructor(
    readonly projection: Projection,
    private readonly settings: WorkerSettings,
  ) {
    this.writeCache = settings.writeCache;
    this.filter = {
      eventTypes: projection.eventTypes === 'all' ? undefined : projection.eventTypes,
      streamPrefixes: projection.streamPrefixes,
    };
  }

  get isActive(): boolean {
    return this.active;
  }

  /** Renews the lease when held, tries to take it otherwise; called periodically by the runner. */
  tick(): Promise<void> {
    return this.control.run(async () => {
      const { owner, leaseTtlMs } = this.settings;
      const name = this.projection.name;
      try {
        // Every worker ticks at once: their lease writes commit together (see GroupedTransactions).
        if (this.active) {
          await this.settings.transact((manager) => renewLease(manager, name, owner, this.now(), leaseTtlMs));
          return;
        }
        const acquired = await this.settings.transact((manager) =>
          tryAcquireLease(manager, name, owner, this.now(), leaseTtlMs),
        );
        if (acquired) await this.activate();
      } catch (error) {
        this.recordError(error);
        if (error instanceof ProjectionFenced) await this.deactivate();
      }
    });
  }

  /** Stops applying events and hands the lease back so another runner can take over at once. */
  stop(): Promise<void> {
    return this.control.run(async () => {
      await this.deactivate();
      await this.settings.db.run(() =>
        releaseLease(this.settings.dataSource, this.projection.name, this.settings.owner),
      );
    });
  }

  /** Rebuilds from zero into the next version and swaps it in when caught up; resolves with that version. */
  async rebuild(): Promise<number> {
    // Wrapped so the control queue is released at once, not when the rebuild finishes.
    const started = await this.control.run(async () => {
      if (!this.active || !this.registry) {
        throw new Error(`projection ${this.projection.name}: this runner is not the active one (no lease)`);
      }
      return { done: this.startRebuild(undefined) };
    });
    return started.done;
  }

  async waitUntilActive(): Promise<void> {
    while (!this.active) await this.changed.promise;
  }

  async waitUntilPassive(): Promise<void> {
    while (this.active) await this.changed.promise;
  }

  /** Resolves once the live version has handled everything up to `position`. */
  async waitFor(position: Position | undefined): Promise<void> {
    for (;;) {
      const changed = this.changed.promise;
      const lane = this.live;
      if (this.active && lane && this.registry?.logicVersion === this.projection.version) {
        const reached = await Promise.race([
          lane.subscription.waitFor(position).then(() => true),
          changed.then(() => false),
        ]);
        if (reached && this.live === lane) return;
      } else {
        await changed;
      }
    }
  }

  /**
   * Whether the live version has handled (or has nothing to handle) everything up to `position`, read from
   * the shared tables: valid in any process, whichever runner holds the lease. The checkpoint moves only on
   * events the projection takes, so one short of `position` has passed it when nothing it takes lies between.
   * The caller makes sure `position` is readable (not beyond the head), else "nothing between" proves nothing.
   */
  async hasPassed(position: Position): Promise<boolean> {
    const { db, dataSource, store } = this.settings;
    const name = this.projection.name;
    const checkpoint = await db.run(async () => {
      const registry = await readRegistry(dataSource, name);
      if (!registry) return undefined;
      return (await readCheckpoints(dataSource, name)).find((c) => c.version === registry.liveVersion)?.position;
    });
    if (checkpoint !== undefined && checkpoint >= position) return true;
    const [next] = await store.readAll({ after: checkpoint, filter: this.filter, maxCount: 1 });
    return next === undefined || next.position > position;
  }

  async status(): Promise<ProjectionStatus> {
    const { db, dataSource, store } = this.settings;
    const name = this.projection.name;
    const state = await db.run(async () => {
      const registry = await readRegistry(dataSource, name);
      const checkpoints = registry ? await readCheckpoints(dataSource, name) : [];
      const lease = await readLease(dataSource, name);
      const parked = registry ? await countParked(dataSource, name, registry.liveVersion) : 0;
      const unreadable = registry ? await countUnreadable(dataSource, name, registry.liveVersion) : 0;
      return { registry, checkpoints, lease, parked, unreadable };
    });
    const head = await store.headPosition();
    const liveVersion = state.registry?.liveVersion ?? 0;
    const liveCheckpoint = state.checkpoints.find((c) => c.version === liveVersion)?.position;
    const live = await this.lag(liveVersion, liveCheckpoint, head);
    const nextCheckpoint = state.checkpoints.find((c) => c.version === liveVersion + 1);
    const rebuild = nextCheckpoint ? await this.lag(nextCheckpoint.version, nextCheckpoint.position, head) : null;
    const current = state.registry?.logicVersion === this.projection.version;
    return {
      name,
      ...live,
      logicVersion: state.registry?.logicVersion ?? null,
      codeVersion: this.projection.version,
      active: this.active,
      leaseOwner: state.lease && state.lease.expiresAt >= this.now() ? state.lease.owner : null,
      headPosition: head ?? null,
      caughtUp: current && live.lag === 0,
      parked: state.parked,
      unreadable: state.unreadable,
      lastError: this.lastError ?? null,
      rebuild,
    };
  }

  // ---- applying events -------------------------------------------------------------------------

  /** One transaction for the batch; on failure, event by event, parking what keeps failing. */
  async applyBatch(lane: Lane, events: readonly RecordedEvent[]): Promise<void> {
    if (lane.fenced) throw new ProjectionFenced(`projection ${this.projection.name}: lane stopped`);
    // The subscription re-offers a batch after an error: skip what an earlier attempt committed.
    const pending = events.filter((event) => lane.checkpoint === undefined || event.position > lane.checkpoint);
    if (pending.length === 0) return;
    const last = pending[pending.length - 1]!.position;
    try {
      await this.inTransaction(async (manager) => {
        await this.holdLease(manager);
        const tx = this.writer(manager, lane);
        for (const event of pending) await this.projection.apply(event, tx);
        await tx.flush();
        await this.recordUnreadable(manager, lane, pending);
        await this.advance(manager, lane, last);
      });
      lane.checkpoint = last;
      this.reportUnreadable(lane, pending);
      return;
    } catch (error) {
      // The rolled-back batch's rows may be in the cache.
      lane.rows.clear();
      if (this.cacheBypassed(error)) return this.applyBatch(lane, events);
      this.failFast(lane, error);
    }
    for (const event of pending) await this.applyAlone(lane, event);
  }

  private async applyAlone(lane: Lane, event: RecordedEvent): Promise<void> {
    const { maxAttempts, retryDelayMs } = this.settings;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.inTransaction(async (manager) => {
          await this.holdLease(manager);
          const tx = this.writer(manager, lane);
          await this.projection.apply(event, tx);
          await tx.flush();
          await this.recordUnreadable(manager, lane, [event]);
          await this.advance(manager, lane, event.position);
        });
        lane.checkpoint = event.position;
        this.reportUnreadable(lane, [event]);
        return;
      } catch (error) {
        lane.rows.clear();
        if (this.cacheBypassed(error)) {
          attempt -= 1;
          continue;
        }
        this.failFast(lane, error);
        // A database that stopped answering is not the event's fault: retry the batch later.
        if (!(await this.databaseAnswers())) throw error;
        this.recordError(error);
        if (attempt >= maxAttempts) {
          await this.park(lane, event, error, attempt);
          return;
        }
        await delay(retryDelayMs * 2 ** (attempt - 1));
      }
    }
  }

  private writer(manager: EntityManager, lane: Lane): TableWriter {
    return new TableWriter(manager, this.settings.dialect, this.projection, lane.version, {
      cache: this.writeCache ? lane.rows : undefined,
    });
  }

  /** The projection ran its own SQL with cached rows unwritten: from now on it runs without the cache. */
  private cacheBypassed(error: unknown): boolean {
    if (!(error instanceof WriteCacheBypassed) || !this.writeCache) return false;
    this.writeCache = false;
    return true;
  }

  /**
   * In the batch's transaction: the events applied with personal data that could not be opened (read as
   * UNREADABLE, as if erased), so the count is exact however often the batch is retried.
   */
  private async recordUnreadable(manager: EntityManager, lane: Lane, events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      if (event.unreadable === undefined) continue;
      await insertUnreadable(manager, {
        name: this.projection.name,
        version: lane.version,
        position: event.position,
        eventId: event.id,
        eventType: event.type,
        reason: event.unreadable,
        recordedAt: this.settings.clock().toISOString(),
      });
    }
  }

  /** After the commit: ids, types and the reason only, never the event's data. */
  private reportUnreadable(lane: Lane, events: readonly RecordedEvent[]): void {
    for (const event of events) {
      if (event.unreadable === undefined) continue;
      this.settings.logger.warn('projection applied an event whose personal data could not be opened', {
        projection: this.projection.name,
        version: lane.version,
        position: event.position,
        eventId: event.id,
        eventType: event.type,
        reason: event.unreadable === 'key' ? 'subject key not wrapped by this master key' : 'sealed value altered',
      });
    }
  }

  private async park(lane: Lane, event: RecordedEvent, error: unknown, attempts: number): Promise<void> {
    const name = this.projection.name;
    await this.inTransaction(async (manager) => {
      await this.holdLease(manager);
      await insertParked(manager, {
        name,
        version: lane.version,
        position: event.position,
        eventId: event.id,
        eventType: event.type,
        error: describeError(error),
        attempts,
        parkedAt: this.settings.clock().toISOString(),
      });
      await this.advance(manager, lane, event.position);
    });
    lane.checkpoint = event.position;
    // Ids and types only: the message may quote the event's data; it is kept in projection_parked.
    this.settings.logger.warn('projection event parked', {
      projection: name,
      version: lane.version,
      position: event.position,
      eventId: event.id,
      eventType: event.type,
      attempts,
      error: errorKind(error),
    });
  }

  /**
   * First statement of every transaction: renews the lease, failing when another runner holds it. Being
   * a write, it also makes SQLite take its write lock up front (no lock upgrade, no deadlock between runners).
   */
  private async holdLease(manager: EntityManager): Promise<void> {
    await renewLease(manager, this.projection.name, this.settings.owner, this.now(), this.settings.leaseTtlMs);
  }

  /** Compare-and-set: fails when the checkpoint is not where this lane left it (another runner moved it). */
  private async advance(manager: EntityManager, lane: Lane, to: Position): Promise<void> {
    await advanceCheckpoint(manager, this.projection.name, lane.version, lane.checkpoint, to, this.settings.clock());
  }

  /** Errors that must not count as the event's fault: stop this lane, or retry the whole batch later. */
  private failFast(lane: Lane, error: unknown): void {
    if (error instanceof ProjectionFenced) {
      lane.fenced = true;
      // Not awaited: stopping waits for this very batch to return.
      void this.control.run(() => this.deactivate());
      throw error;
    }
    if (isTransientDbError(error)) throw error;
  }

  noteSubscriptionError(lane: Lane, error: unknown, attempt: number): void {
    if (lane.fenced || error instanceof ProjectionFenced) return;
    this.recordError(error);
    if (attempt === 1) {
      this.settings.logger.warn('projection batch failed; retrying', {
        projection: this.projection.name,
        version: lane.version,
        error: errorKind(error),
      });
    }
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.settings.db.run(() => this.settings.dataSource.query('SELECT 1'));
      return true;
    } catch {
      return false;
    }
  }

  private inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.settings.transact(work);
  }

  // ---- lease, activation, rebuild and swap (always inside `control`) -----------------------------

  private async activate(): Promise<void> {
    const { dialect } = this.settings;
    const { projection } = this;
    const name = projection.name;
    const state = await this.inTransaction(async (manager) => {
      await this.holdLease(manager);
      let registry = await readRegistry(manager, name);
      if (!registry) {
        registry = { liveVersion: 1, logicVersion: projection.version };
        await insertRegistry(manager, name, registry, this.settings.clock());
        await createProjectionTables(manager.queryRunner!, dialect, projection, 1);
        await insertCheckpoint(manager, name, 1, projection.version, this.settings.clock());
      }
      const live = registry.liveVersion;
      const checkpoints = [];
      for (const checkpoint of await readCheckpoints(manager, name)) {
        const resumable = checkpoint.version === live + 1 && checkpoint.logicVersion === projection.version;
        if (checkpoint.version === live || resumable) {
          checkpoints.push(checkpoint);
          continue;
        }
        // A rebuild by other logic, or debris: its tables are of no use.
        await dropProjectionTables(manager.queryRunner!, projection, checkpoint.version);
        await deleteCheckpoint(manager, name, checkpoint.version);
        await deleteParked(manager, name, checkpoint.version);
        await deleteUnreadable(manager, name, checkpoint.version);
      }
      return { registry, checkpoints };
    });
    const liveVersion = state.registry.liveVersion;
    const liveCheckpoint = state.checkpoints.find((c) => c.version === liveVersion);
    if (!liveCheckpoint) throw new Error(`projection ${name}: no checkpoint for live version ${liveVersion}`);
    this.registry = state.registry;
    this.active = true;
    // Live tables built by other logic are left as they are (still readable) until the rebuild replaces them.
    if (state.registry.logicVersion === projection.version) {
      this.live = this.lane(liveVersion, liveCheckpoint.position).start();
    }
    const next = state.checkpoints.find((c) => c.version === liveVersion + 1);
    if (next) void this.startRebuild(next.position).catch(() => undefined);
    else if (state.registry.logicVersion !== projection.version)
      void this.startRebuild(undefined).catch(() => undefined);
    this.notifyChanged();
  }

  private async deactivate(): Promise<void> {
    const lanes = [this.live, this.next].filter((lane): lane is Lane => lane !== undefined);
    this.epoch += 1;
    this.active = false;
    this.live = undefined;
    this.next = undefined;
    this.registry = undefined;
    this.rebuildDone = undefined;
    for (const lane of lanes) lane.fenced = true;
    await Promise.all(lanes.map((lane) => lane.stop()));
    this.notifyChanged();
  }

  /** Inside `control`. `resumeFrom` continues an interrupted rebuild; undefined starts one from zero. */
  private startRebuild(resumeFrom: Position | undefined): Promise<number> {
    if (this.rebuildDone) return this.rebuildDone;
    const registry = this.registry!;
    const target = registry.liveVersion + 1;
    const name = this.projection.name;
    const epoch = this.epoch;
    const interrupted = (): Error =>
      new Error(`projection ${name}: rebuild of v${target} interrupted; it resumes when active`);
    const setUp = async (): Promise<Lane> => {
      if (resumeFrom === undefined) {
        await this.inTransaction(async (manager) => {
          await this.holdLease(manager);
          await deleteCheckpoint(manager, name, target);
          await deleteParked(manager, name, target);
          await deleteUnreadable(manager, name, target);
          await createProjectionTables(manager.queryRunner!, this.settings.dialect, this.projection, target);
          await insertCheckpoint(manager, name, target, this.projection.version, this.settings.clock());
        });
      }
      if (this.epoch !== epoch) throw interrupted();
      this.next = this.lane(target, resumeFrom).start();
      return this.next;
    };
    const done = setUp().then(async (lane) => {
      const caughtUp = await Promise.race([
        lane.subscription.caughtUp.then(() => true),
        lane.stopped.then(() => false),
      ]);
      if (!caughtUp) throw interrupted();
      await this.control.run(() => this.swap(lane, registry.liveVersion));
      return target;
    });
    this.rebuildDone = done;
    return done;
  }

  /** Inside `control`: the caught-up rebuild becomes live; the old version's tables go in the same transaction. */
  private async swap(lane: Lane, oldVersion: number): Promise<void> {
    const name = this.projection.name;
    if (this.next !== lane || lane.fenced) {
      throw new Error(`projection ${name}: rebuild of v${lane.version} interrupted; it resumes when active`);
    }
    // No more writes to the old tables before they are dropped.
    await this.live?.stop();
    this.live = undefined;
    try {
      await this.inTransaction(async (manager) => {
        await this.holdLease(manager);
        await swapRegistry(
          manager,
          name,
          oldVersion,
          { liveVersion: lane.version, logicVersion: this.projection.version },
          this.settings.clock(),
        );
        await dropProjectionTables(manager.queryRunner!, this.projection, oldVersion);
        await deleteCheckpoint(manager, name, oldVersion);
        await deleteParked(manager, name, oldVersion);
        await deleteUnreadable(manager, name, oldVersion);
      });
    } catch (error) {
      // Start again from what the database says (the rebuild resumes from its checkpoint).
      this.recordError(error);
      await this.deactivate();
      throw error;
    }
    this.registry = { liveVersion: lane.version, logicVersion: this.projection.version };
    this.live = lane;
    this.next = undefined;
    this.rebuildDone = undefined;
    this.notifyChanged();
  }

  private lane(version: number, checkpoint: Position | undefined): Lane {
    const { store, shared, batchSize, rowCacheSize, pollIntervalMs, retryDelayMs, maxRetryDelayMs } = this.settings;
    return new Lane(version, checkpoint, store, {
      filter: this.filter,
      shared,
      batchSize,
      rowCacheSize,
      pollIntervalMs,
      retryDelayMs,
      maxRetryDelayMs,
      // The subscription lets timers and requests in between batches (better-sqlite3 answers synchronously).
      handle: (lane, events) => this.applyBatch(lane, events),
      onError: (lane, error, attempt) => this.noteSubscriptionError(lane, error, attempt),
    });
  }

  private async lag(version: number, position: Position | undefined, head: Position | undefined): Promise<LagStatus> {
    const cap = this.settings.lagCap;
    let lag = 0;
    if (head !== undefined && (position === undefined || position < head)) {
      const ahead = await this.settings.store.readAll({ after: position, filter: this.filter, maxCount: cap });
      lag = ahead.length;
    }
    return { version, position: position ?? null, lag, lagCapped: lag >= cap };
  }

  private recordError(error: unknown): void {
    this.lastError = { message: describeError(error), at: this.settings.clock().toISOString() };
  }

  private notifyChanged(): void {
    const previous = this.changed;
    this.changed = deferred();
    previous.resolve();
  }

  private now(): number {
    return this.settings.clock().getTime();
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
