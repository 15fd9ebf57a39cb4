import type { Position, RecordedEvent } from '../port/envelope.js';
import type { EventStore, ReadAllOptions } from '../port/event-store.port.js';

/**
 * A lane's view of the store that remembers how far the log has been scanned for its filter.
 *
 * The catch-up subscription reads from its checkpoint, the last event it *handled*. For a projection
 * whose events are rare (or absent), every poll would scan the whole log after that event again: with a
 * million events, several such lanes kept a core busy and a rebuild slowed down the longer the log grew.
 * A page shorter than asked for proves that nothing else up to the head (read just before it) matches,
 * so once that page has been handled the next reads start at that head instead. The subscription makes
 * the same assumption when it marks the head as scanned.
 */
export class ScanCursor implements EventStore {
  private skipTo: Position | undefined;
  private head: Position | undefined;
  /** A short page's proof, in force once the subscription's next read shows the page was handled. */
  private pending: { readonly skipTo: Position; readonly last: Position | undefined } | undefined;

  constructor(private readonly store: EventStore) {}

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
    const page = await this.store.readAll({ ...options, after: from });
    if (head !== undefined && options.maxCount !== undefined && page.length < options.maxCount) {
      const last = page.at(-1)?.position;
      this.pending = { skipTo: last !== undefined && last > head ? last : head, last };
    }
    return page;
  }

  append: EventStore['append'] = (stream, events, options) => this.store.append(stream, events, options);
  readStream: EventStore['readStream'] = (stream, options) => this.store.readStream(stream, options);
  waitForAppend: EventStore['waitForAppend'] = (timeoutMs) => this.store.waitForAppend(timeoutMs);
  ping: EventStore['ping'] = () => this.store.ping();
  close: EventStore['close'] = () => this.store.close();
}
