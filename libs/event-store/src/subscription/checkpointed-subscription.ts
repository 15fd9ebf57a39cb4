import type { Position, RecordedEvent } from '../port/envelope.js';
import type { EventFilter, EventStore } from '../port/event-store.port.js';
import { yieldToEventLoop } from './event-loop.js';
import { InterruptiblePause } from './interruptible-pause.js';
import type { SubscriptionCheckpoints } from './subscription-checkpoints.js';

export interface CheckpointedSubscriptionOptions {
  /** The checkpoint's name: one per process manager. */
  readonly name: string;
  readonly checkpoints: SubscriptionCheckpoints;
  readonly filter: EventFilter;
  readonly batchSize?: number;
  /** How long to wait for a wake-up before polling again (other processes may append). */
  readonly pollIntervalMs?: number;
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  /**
   * Saves the checkpoint at most this often (and once more on stop). Each save is a durable commit, and the
   * head moves at every append, so saving at each one was a commit per process manager per append. Default
   * 1,000 ms: a crash then repeats at most about that much of the log, which idempotent handlers allow.
   */
  readonly saveEveryMs?: number;
  /** The clock the checkpoint's `updated_at` is written with. */
  readonly now?: () => Date;
  /** Handles one batch. If it throws, the same batch is offered again after a delay. */
  handle(events: readonly RecordedEvent[]): Promise<void>;
  onError?(error: unknown, attempt: number): void;
}

/**
 * A catch-up subscription for a process manager, resuming after a restart where it left off.
 *
 * Its checkpoint is the last position *seen*, not the last event handled: a page shorter than asked for
 * proves nothing else up to the head (read just before the page) matches the filter, so the next read
 * starts at that head (the reasoning of the projections' ScanCursor). With a filter that matches rarely,
 * keeping the last matching event instead made every poll scan the log from that event to the head again,
 * and every boot scan it from the start. The checkpoint is saved at most once per `saveEveryMs` after a
 * batch is handled (and on stop), so a crash repeats at most the batches since (handlers must be
 * idempotent), and never skips an event.
 */
export class CheckpointedSubscription {
  private checkpoint: Position | undefined;
  private saved: Position | undefined;
  private savedAt = 0;
  private running = false;
  private readonly pause = new InterruptiblePause();
  private loop: Promise<void> | undefined;
  private waiters: Array<{ position: Position; resolve: () => void }> = [];
  private resolveCaughtUp!: () => void;
  readonly caughtUp: Promise<void> = new Promise((resolve) => (this.resolveCaughtUp = resolve));

  constructor(
    private readonly store: EventStore,
    private readonly options: CheckpointedSubscriptionOptions,
  ) {}

  /** Everything at or before this has been seen (handled or filtered out). */
  get position(): Position | undefined {
    return this.checkpoint;
  }

  start(): this {
    if (!this.running) {
      this.running = true;
      this.pause.reset();
      this.loop = this.run();
    }
    return this;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.pause.interrupt();
    await this.loop;
  }

  /** Resolves once everything up to `position` has been handled (or filtered out). */
  waitFor(position: Position | undefined): Promise<void> {
    if (position === undefined || (this.checkpoint !== undefined && this.checkpoint >= position)) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 200;
    const poll = this.options.pollIntervalMs ?? 500;
    const now = this.options.now ?? (() => new Date());
    const saveEveryMs = this.options.saveEveryMs ?? 1_000;
    let loaded = false;
    let attempt = 0;
    while (this.running) {
      try {
        if (!loaded) {
          this.checkpoint = this.saved = await this.options.checkpoints.load(this.options.name);
          loaded = true;
        }
        const head = await this.store.headPosition();
        const page = await this.store.readAll({
          after: this.checkpoint,
          filter: this.options.filter,
          maxCount: batchSize,
        });
        if (page.length > 0) await this.options.handle(page);
        let next = page.at(-1)?.position ?? this.checkpoint;
        const short = page.length < batchSize;
        if (short && head !== undefined && (next === undefined || head > next)) next = head;
        if (Date.now() - this.savedAt >= saveEveryMs) await this.save(next, now);
        this.advance(next);
        attempt = 0;
        // Page after page of a backlog: let requests and timers in between (see yieldToEventLoop).
        if (page.length > 0) await yieldToEventLoop();
        if (short) {
          this.resolveCaughtUp();
          if (page.length === 0 && this.running) await this.pause.for(this.store.waitForAppend(poll));
        }
      } catch (error) {
        attempt += 1;
        this.options.onError?.(error, attempt);
        const base = this.options.retryDelayMs ?? 100;
        const delay = Math.min(base * 2 ** (attempt - 1), this.options.maxRetryDelayMs ?? 5000);
        await this.pause.for(new Promise((resolve) => setTimeout(resolve, delay)));
      }
    }
    // Stopping: where it got to, so a restart resumes there (a failure here only repeats work).
    if (loaded) await this.save(this.checkpoint, now).catch(() => undefined);
  }

  /** A busy database saves nothing: a later round saves its own, later, position. */
  private async save(position: Position | undefined, now: () => Date): Promise<void> {
    if (position === undefined || position === this.saved) return;
    if (await this.options.checkpoints.save(this.options.name, position, now())) {
      this.saved = position;
      this.savedAt = Date.now();
    }
  }

  private advance(position: Position | undefined): void {
    this.checkpoint = position;
    if (position === undefined) return;
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.position <= position) {
        waiter.resolve();
        return false;
      }
      return true;
    });
  }
}
