import type { Position, RecordedEvent } from '../port/envelope.js';
import type { EventStore, ReadAllOptions } from '../port/event-store.port.js';
import type { SharedLog } from './shared-log.js';

/**
 * A lane's view of the store that remembers how far the log has been scanned for its filter.
 *
 * The catch-up subscription reads from its checkpoint, the last event it *handled*. For a projection
 * whose events are rare (or absent), every poll would scan the whole log after that event again: with a
 * million events, several such lanes kept a core busy and a rebuild slowed down the longer the log grew.
 * A page shorter than asked for proves that nothing else up to the head (read just before it) matches,
 * so once that page has been handled the next reads start at that head instead. The subscription makes
 * the same assumption when it marks the head as scanned.
 *
 * A lane building from the start reads through the runner's SharedLog until it first reaches the head.
 */
export class ScanCursor implements EventStore {
  private skipTo: Position | undefined;
  /** While building from the start of the log: the pages read once for every lane doing the same. */
  private shared: SharedLog | undefined;
  private head: Position | undefined;
  /** A short page's proof, in force once the subscription's next read shows the page was handled. */
  private pending: { readonly skipTo: Position; readonly last: Position | undefined } | undefined;

  constructor(
    private readonly store: EventStore,
    shared?: SharedLog,
  ) {
    this.shared = shared;
  }

  get name(): string {
    return this.store.name;
  }

  get chainScope(): EventStore['chainScope'] {
    return this.store.chainScope;
  }

  async headPosition(): Promise<Position | undefined> {
    this.head = await this.store.headPosition();
    return this.head;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after;
    // Handled (the checkpoint reached the page's last event), or empty: its proof holds.
    if (this.pending && (this.pending.last === undefined || after === this.pending.last)) {
      if (this.skipTo === undefined || this.pending.skipTo > this.skipTo) this.skipTo = this.pending.skipTo;
    }
    this.pending = undefined;
    const from = this.skipTo !== undefined && (after === undefined || this.skipTo > after) ? this.skipTo : after;
    const head = this.head;
    this.head = undefined;
    const page = await this.read({ ...options, after: from });
    const short = options.maxCount !== undefined && page.length < options.maxCount;
    if (short) this.release();
    if (short && head !== undefined) {
      const last = page.at(-1)?.position;
      this.pending = { skipTo: last !== undefined && last > head ? last : head, last };
    }
    return page;
  }

  /** Stops reading through the shared log (caught up with the head, or the lane is stopping). */
  release(): void {
    this.shared?.leave(this);
    this.shared = undefined;
  }

  private read(options: ReadAllOptions): Promise<RecordedEvent[]> {
    if (!this.shared || options.maxCount === undefined) return this.store.readAll(options);
    return this.shared.read(this, options.after, options.maxCount, options.filter);
  }

  append: EventStore['append'] = (stream, events, options) => this.store.append(stream, events, options);
  readStream: EventStore['readStream'] = (stream, options) => this.store.readStream(stream, options);
  waitForAppend: EventStore['waitForAppend'] = (timeoutMs) => this.store.waitForAppend(timeoutMs);
  ping: EventStore['ping'] = () => this.store.ping();
  close: EventStore['close'] = () => this.store.close();
}
