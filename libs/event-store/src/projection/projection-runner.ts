import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Position } from '../port/envelope.js';
import type { EventStore } from '../port/event-store.port.js';
import type { Projection } from './projection.js';
import { dialectOf, ensureBookkeepingTables, validateProjections } from './projection-schema.js';
import {
  ProjectionWorker,
  type ProjectionLogger,
  type ProjectionStatus,
  type WorkerSettings,
} from './projection-worker.js';
import { GroupedTransactions } from './grouped-transactions.js';
import { safeTransaction } from './safe-transaction.js';
import { CONCURRENT, SerialQueue } from './serial-queue.js';
import { SharedLog } from './shared-log.js';

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  /** The read database (better-sqlite3 or postgres). On SQLite, enable WAL. */
  readonly dataSource: DataSource;
  readonly projections: readonly Projection[];
  /**
   * Most events per transaction (one page of the log). Pages are only this full while far behind the
   * head (catch-up, rebuild), where large transactions pay; following the head, a transaction holds
   * what was appended since the last one. Default 2,000.
   */
  readonly batchSize?: number;
  /**
   * Keep each batch's rows in memory by primary key and write them once, at commit (see TableWriter).
   * Default true.
   */
  readonly writeCache?: boolean;
  /**
   * Rows of each table the write cache keeps between batches, so the next batch need not read them
   * again (up to twice this many; see TableCache). Default 2,000; 0 keeps none.
   */
  readonly rowCacheSize?: number;
  /** Tries of a failing event, one by one, before it is parked. Default 5. */
  readonly maxAttempts?: number;
  readonly clock?: () => Date;
  /** Identifies this runner in the lease table. Default: a fresh UUID. */
  readonly owner?: string;
  /** A lease not renewed for this long may be taken by another runner. Default 15 s. */
  readonly leaseTtlMs?: number;
  /** How often the lease is renewed (or, by a passive runner, tried). Default a third of the TTL. */
  readonly renewEveryMs?: number;
  /** Poll for appends by other processes this often when idle. Default 250 ms. */
  readonly pollIntervalMs?: number;
  /** First delay between retries of a failing event or batch; doubles. Default 100 ms. */
  readonly retryDelayMs?: number;
  /** Longest back-off between retries of a batch the database refused. Default 5 s. */
  readonly maxRetryDelayMs?: number;
  /** Lag is counted up to this many events (a health check reads them). Default 1,000. */
  readonly lagCap?: number;
  /** Default: console.warn. Receives ids, types and error kinds only. */
  readonly logger?: ProjectionLogger;
}

/**
 * Runs projections from the event store into TypeORM tables. Each batch writes its rows and its
 * checkpoint in one transaction; a lease row per projection lets one runner (of any number, in any
 * process) be active while the others wait to take over; the checkpoint's compare-and-set fences a
 * runner that lost its lease without noticing. See projection.ts for the versioned-table design.
 */
export class ProjectionRunner {
  /** The furthest position every projection was seen to have passed (they never fall back behind it). */
  private passedUpTo: Position | undefined;
  private readonly workers: ReadonlyMap<string, ProjectionWorker>;
  private readonly renewEveryMs: number;
  private readonly dataSource: DataSource;
  private readonly store: EventStore;
  private readonly grouped: GroupedTransactions | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  readonly owner: string;

  constructor(options: ProjectionRunnerOptions) {
    validateProjections(options.projections);
    const dialect = dialectOf(options.dataSource);
    const leaseTtlMs = options.leaseTtlMs ?? 15_000;
    this.owner = options.owner ?? randomUUID();
    this.dataSource = options.dataSource;
    this.store = options.store;
    this.renewEveryMs = options.renewEveryMs ?? Math.max(10, Math.floor(leaseTtlMs / 3));
    const batchSize = options.batchSize ?? 2_000;
    // SQLite: one connection, so one queue; the lanes' transactions commit together (GroupedTransactions).
    const queue = dialect === 'sqlite' ? new SerialQueue() : undefined;
    this.grouped = queue ? new GroupedTransactions(options.dataSource, queue) : undefined;
    const grouped = this.grouped;
    const settings: WorkerSettings = {
      store: options.store,
      shared: new SharedLog(options.store, { pageSize: batchSize }),
      dataSource: options.dataSource,
      dialect,
      db: queue ?? CONCURRENT,
      transact: (work) => (grouped ? grouped.run(work) : safeTransaction(options.dataSource, work)),
      owner: this.owner,
      batchSize,
      writeCache: options.writeCache ?? true,
      rowCacheSize: options.rowCacheSize ?? 2_000,
      maxAttempts: options.maxAttempts ?? 5,
      leaseTtlMs,
      pollIntervalMs: options.pollIntervalMs ?? 250,
      retryDelayMs: options.retryDelayMs ?? 100,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 5_000,
      lagCap: options.lagCap ?? 1_000,
      clock: options.clock ?? (() => new Date()),
      logger: options.logger ?? { warn: (message, context) => console.warn(message, context ?? {}) },
    };
    this.workers = new Map(options.projections.map((p) => [p.name, new ProjectionWorker(p, settings)]));
  }

  /**
   * Durable commits the runner has made on a SQLite read database (one per group of transactions; see
   * GroupedTransactions); undefined on PostgreSQL, where each transaction commits on its own.
   */
  get commits(): number | undefined {
    return this.grouped?.commits;
  }

  /**
   * Creates the bookkeeping tables and runs nothing: for a process that only reports the projections'
   * status (the api with PROJECTIONS=off, while a projector process runs them).
   */
  async prepare(): Promise<void> {
    await ensureBookkeepingTables(this.dataSource);
  }

  /** Creates the bookkeeping tables, then tries for every lease (and keeps trying). */
  async start(): Promise<void> {
    if (this.running) return;
    await ensureBookkeepingTables(this.dataSource);
    this.running = true;
    await this.tickAll();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
  }

  async status(): Promise<ProjectionStatus[]> {
    return Promise.all([...this.workers.values()].map((worker) => worker.status()));
  }

  /** One projection's status (lag, version, lease), read from the shared tables: valid in any process. */
  statusOf(name: string): Promise<ProjectionStatus> {
    return this.worker(name).status();
  }

  /** Rebuilds a projection from zero beside the live version; resolves with the new live version. */
  rebuild(name: string): Promise<number> {
    return this.worker(name).rebuild();
  }

  /** Resolves when this runner is active for the projections and they have handled everything up to `position`. */
  waitFor(
    position: Position | undefined,
    options: { names?: readonly string[]; timeoutMs?: number } = {},
  ): Promise<void> {
    const names = options.names ?? [...this.workers.keys()];
    const all = Promise.all(names.map((name) => this.worker(name).waitFor(position))).then(() => undefined);
    return withTimeout(all, options.timeoutMs ?? 30_000, `projections did not reach ${position ?? 'the start'}`);
  }

  /**
   * Resolves true once every projection has passed `position` (a write's, as the client was told it), false
   * when `timeoutMs` runs out first. Reads the shared tables, polling every `pollMs`: it works in the api
   * whether this runner, another api's or a projector process holds the leases, and a position that never
   * comes (made up, or of another database) costs one bounded wait, nothing kept.
   */
  async waitPassed(position: Position, options: { timeoutMs: number; pollMs?: number }): Promise<boolean> {
    // Most reads ask after a write the projections passed long ago: no query for those.
    if (this.passedUpTo !== undefined && position <= this.passedUpTo) return true;
    const deadline = Date.now() + options.timeoutMs;
    // A projection that has passed the position stays past it: check each until it has, then no more.
    const pending = [...this.workers.values()];
    for (;;) {
      // Readable first: before the head (PostgreSQL: while an older transaction is open) the log cannot
      // show what lies between a checkpoint and the position.
      const head = await this.store.headPosition();
      if (head !== undefined && head >= position) {
        while (pending.length > 0 && (await pending[0]!.hasPassed(position))) pending.shift();
        if (pending.length === 0) {
          if (this.passedUpTo === undefined || position > this.passedUpTo) this.passedUpTo = position;
          return true;
        }
      }
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(options.pollMs ?? 25, left)));
    }
  }

  /** Resolves when the projections have handled everything in the log when it was called. */
  async waitForCatchUp(options: { names?: readonly string[]; timeoutMs?: number } = {}): Promise<void> {
    await this.waitFor(await this.store.headPosition(), options);
  }

  /** Whether this runner holds the lease of the projection. */
  isActive(name: string): boolean {
    return this.worker(name).isActive;
  }

  /** Resolves once this runner holds the projection's lease (a passive runner takes over when it frees). */
  waitUntilActive(name: string, timeoutMs = 30_000): Promise<void> {
    return withTimeout(this.worker(name).waitUntilActive(), timeoutMs, `runner did not take over ${name}`);
  }

  /** Resolves once this runner has stood down for the projection (stopped, or fenced by another runner). */
  waitUntilPassive(name: string, timeoutMs = 30_000): Promise<void> {
    return withTimeout(this.worker(name).waitUntilPassive(), timeoutMs, `runner did not stand down for ${name}`);
  }

  private worker(name: string): ProjectionWorker {
    const worker = this.workers.get(name);
    if (!worker) throw new Error(`unknown projection ${name}`);
    return worker;
  }

  private async run(): Promise<void> {
    while (this.running) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.renewEveryMs);
      });
      if (this.running) await this.tickAll();
    }
  }

  private async tickAll(): Promise<void> {
    await Promise.all([...this.workers.values()].map((worker) => worker.tick()));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
