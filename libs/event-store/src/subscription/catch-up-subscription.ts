import type { Position, RecordedEvent } from '../port/envelope.js';
import type { EventFilter, EventStore } from '../port/event-store.port.js';
import { yieldToEventLoop } from './event-loop.js';
import { InterruptiblePause } from './interruptible-pause.js';

export interface SubscriptionOptions {
  /** Exclusive checkpoint to resume after; from the start when absent. */
  readonly after?: Position;
  readonly filter?: EventFilter;
  readonly batchSize?: number;
  /** How long to wait for a wake-up before polling again (other processes may append). */
  readonly pollIntervalMs?: number;
  /** First delay after an error; doubles up to `maxRetryDelayMs`. */
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  /** Handles one batch. If it throws, the same batch is offered again after a delay. */
  handle(events: readonly RecordedEvent[]): Promise<void>;
  onError?(error: unknown, attempt: number): void;
  onCaughtUp?(position: Position | undefined): void;
}

/**
 * A catch-up subscription over `readAll`: reads from a checkpoint in batches, signals when it has
 * caught up with the log, then waits for appends (or polls, for appends by other processes).
 * Errors, from the store or the handler, never skip events: the batch is retried after a back-off.
 */
export class CatchUpSubscription {
  private checkpoint: Position | undefined;
  /** Everything at or before this has been seen (handled or filtered out). */
  private scannedTo: Position | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private caughtUpOnce = false;
  private resolveCaughtUp!: () => void;
  readonly caughtUp: Promise<void> = new Promise((resolve) => (this.resolveCaughtUp = resolve));
  private waiters: Array<{ position: Position; resolve: () => void }> = [];
  private lastError: unknown;
  private readonly pause = new InterruptiblePause();

  constructor(
    private readonly store: EventStore,
    private readonly options: SubscriptionOptions,
  ) {
    this.checkpoint = options.after;
    this.scannedTo = options.after;
  }

  get position(): Position | undefined {
    return this.checkpoint;
  }

  get isCaughtUp(): boolean {
    return this.caughtUpOnce;
  }

  get error(): unknown {
    return this.lastError;
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
    if (position === undefined || (this.scannedTo !== undefined && this.scannedTo >= position)) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    const poll = this.options.pollIntervalMs ?? 250;
    let attempt = 0;
    while (this.running) {
      try {
        const head = await this.store.headPosition();
        const page = await this.store.readAll({
          after: this.checkpoint,
          filter: this.options.filter,
          maxCount: batchSize,
        });
        if (page.length > 0) {
          await this.options.handle(page);
          this.checkpoint = page[page.length - 1]!.position;
          this.advance(this.checkpoint);
          // Page after page of a backlog: let requests and timers in between (see yieldToEventLoop).
          await yieldToEventLoop();
        }
        attempt = 0;
        this.lastError = undefined;
        if (page.length < batchSize) {
          if (head !== undefined) this.advance(head);
          if (!this.caughtUpOnce) {
            this.caughtUpOnce = true;
            this.options.onCaughtUp?.(this.checkpoint);
            this.resolveCaughtUp();
          }
          if (page.length === 0 && this.running) await this.pause.for(this.store.waitForAppend(poll));
        }
      } catch (error) {
        attempt += 1;
        this.lastError = error;
        this.options.onError?.(error, attempt);
        const base = this.options.retryDelayMs ?? 100;
        const delay = Math.min(base * 2 ** (attempt - 1), this.options.maxRetryDelayMs ?? 5000);
        await this.pause.for(new Promise((resolve) => setTimeout(resolve, delay)));
      }
    }
  }

  private advance(position: Position): void {
    if (this.scannedTo === undefined || position > this.scannedTo) this.scannedTo = position;
    const scanned = this.scannedTo;
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.position <= scanned) {
        waiter.resolve();
        return false;
      }
      return true;
    });
  }
}

export function subscribe(store: EventStore, options: SubscriptionOptions): CatchUpSubscription {
  return new CatchUpSubscription(store, options).start();
}
