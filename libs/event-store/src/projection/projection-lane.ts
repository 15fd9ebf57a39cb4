import type { Position, RecordedEvent } from '../port/envelope.js';
import type { EventFilter, EventStore } from '../port/event-store.port.js';
import { CatchUpSubscription } from '../subscription/catch-up-subscription.js';
import { ScanCursor } from './scan-cursor.js';
import type { SharedLog } from './shared-log.js';
import { RowCache } from './table-cache.js';

export interface LaneOptions {
  readonly filter: EventFilter;
  readonly batchSize: number;
  /** Rows of each table kept in memory between batches (see RowCache). */
  readonly rowCacheSize: number;
  /** Shared pages of the log, used while this lane builds from the start (see SharedLog). */
  readonly shared?: SharedLog;
  readonly pollIntervalMs: number;
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  handle(lane: Lane, events: readonly RecordedEvent[]): Promise<void>;
  onError(lane: Lane, error: unknown, attempt: number): void;
}

/** One version of a projection being filled by a catch-up subscription, from its checkpoint. */
export class Lane {
  /** Where this version's committed checkpoint is (kept in step with the database by the worker). */
  checkpoint: Position | undefined;
  /** Set when the lane must not write again (lease lost, or being stopped). */
  fenced = false;
  /** What this version's tables hold, as far as recent batches wrote or read it. */
  readonly rows: RowCache;
  readonly subscription: CatchUpSubscription;
  private readonly cursor: ScanCursor;
  private stopping: Promise<void> | undefined;
  private markStopped!: () => void;
  readonly stopped = new Promise<void>((resolve) => (this.markStopped = resolve));

  constructor(
    readonly version: number,
    checkpoint: Position | undefined,
    store: EventStore,
    options: LaneOptions,
  ) {
    this.checkpoint = checkpoint;
    this.rows = new RowCache(options.rowCacheSize);
    this.cursor = new ScanCursor(store, checkpoint === undefined ? options.shared : undefined);
    this.subscription = new CatchUpSubscription(this.cursor, {
      after: checkpoint,
      filter: options.filter,
      batchSize: options.batchSize,
      pollIntervalMs: options.pollIntervalMs,
      retryDelayMs: options.retryDelayMs,
      maxRetryDelayMs: options.maxRetryDelayMs,
      handle: (events) => options.handle(this, events),
      onError: (error, attempt) => options.onError(this, error, attempt),
    });
  }

  start(): this {
    this.subscription.start();
    return this;
  }

  stop(): Promise<void> {
    this.stopping ??= this.subscription.stop().then(() => {
      this.cursor.release();
      this.markStopped();
    });
    return this.stopping;
  }
}
