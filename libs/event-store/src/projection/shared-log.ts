import type { Position, RecordedEvent } from '../port/envelope.js';
import type { EventFilter, EventStore } from '../port/event-store.port.js';

/** A page of the whole log: the events after `after`, as many as a page holds or up to the head. */
interface Page {
  readonly events: readonly RecordedEvent[];
  /** The page held fewer events than asked for: it reached the head when it was read. */
  readonly end: boolean;
}

export interface SharedLogOptions {
  /** Events per page. */
  readonly pageSize: number;
  /** Full pages kept at most. Default 8. */
  readonly maxPages?: number;
}

/**
 * The log read once for the lanes that scan it together, as every read model does in a rebuild.
 *
 * Each lane used to read the log through its own filtered query, so thirteen read models catching up
 * read (and decrypted) every page thirteen times. Here a lane asks for pages of the whole log, which are
 * kept for the others, and filters them itself. Only full pages are kept: the log is append-only and
 * read gap-free, so a full page never changes, while a short one (at the head) would miss what comes next.
 *
 * A lane whose events are rare would run ahead of the others and read pages they cannot yet use, so a
 * reader may fetch a page the cache has no room for only when it is the slowest: the others wait until
 * it has moved past a page that can then go. Readers register while they scan and leave at the head.
 */
export class SharedLog {
  private readonly pageSize: number;
  private readonly maxPages: number;
  /** Full pages (and pages being read), by the position they follow ('' for the start), oldest first. */
  private readonly pages = new Map<string, Kept>();
  /** Where each registered reader reads next (after this position). */
  private readonly readers = new Map<object, Position | undefined>();
  private waiting: Array<() => void> = [];

  constructor(
    private readonly store: EventStore,
    options: SharedLogOptions,
  ) {
    this.pageSize = options.pageSize;
    this.maxPages = options.maxPages ?? 8;
  }

  /**
   * Up to `maxCount` events after `after` that `matches` accepts, fewer only at the head: what
   * `EventStore.readAll` answers with the same filter.
   */
  async read(
    reader: object,
    after: Position | undefined,
    maxCount: number,
    filter: EventFilter = {},
  ): Promise<RecordedEvent[]> {
    this.moveTo(reader, after);
    if (this.readers.size === 1 && !this.find(after)) {
      // Alone, nothing to share: the store's own filtered read is cheaper than reading every event.
      const page = await this.store.readAll({ after, filter, maxCount });
      if (page.length < maxCount) this.leave(reader);
      else this.moveTo(reader, page[page.length - 1]!.position);
      return page;
    }
    const matches = matcher(filter);
    const found: RecordedEvent[] = [];
    let from = after;
    for (;;) {
      const page = await this.pageAfter(from);
      for (const event of page.events) {
        if (from !== undefined && event.position <= from) continue;
        if (matches(event)) found.push(event);
        if (found.length === maxCount) {
          this.moveTo(reader, event.position);
          return found;
        }
      }
      if (page.end) {
        this.leave(reader);
        return found;
      }
      from = page.events[page.events.length - 1]!.position;
      this.moveTo(reader, from);
    }
  }

  /** The reader stops scanning (caught up, or its lane stopped): it no longer holds pages back. */
  leave(reader: object): void {
    if (!this.readers.delete(reader)) return;
    this.dropPassed();
    this.wakeAll();
  }

  /** Pages kept now, read or being read. */
  get size(): number {
    return this.pages.size;
  }

  private async pageAfter(after: Position | undefined): Promise<Page> {
    for (;;) {
      const kept = this.find(after);
      if (kept) return kept;
      if (this.pages.size < this.maxPages) return this.fetch(after);
      // No room: the slowest reader reads past the cache rather than wait for itself.
      if (!this.anyReaderBefore(after)) return this.readPage(after);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** The kept page that follows `after`, or one `after` falls inside (a lane resuming mid-page). */
  private find(after: Position | undefined): Promise<Page> | undefined {
    const exact = this.pages.get(after ?? '');
    if (exact) return exact.page;
    if (after === undefined) return undefined;
    for (const kept of this.pages.values()) {
      if (kept.read && isBefore(kept.read.after, after) && after < kept.read.last) return kept.page;
    }
    return undefined;
  }

  private fetch(after: Position | undefined): Promise<Page> {
    const key = after ?? '';
    const kept: Kept = {
      page: this.readPage(after).then(
        (page) => {
          // A short page reached the head: what follows it is not known yet, so it is not kept.
          if (page.end) this.forget(key, kept);
          else kept.read = { after, last: page.events[page.events.length - 1]!.position };
          return page;
        },
        (error: unknown) => {
          this.forget(key, kept);
          throw error;
        },
      ),
    };
    this.pages.set(key, kept);
    return kept.page;
  }

  private async readPage(after: Position | undefined): Promise<Page> {
    const events = await this.store.readAll({ after, maxCount: this.pageSize });
    return { events, end: events.length < this.pageSize };
  }

  private forget(key: string, kept: Kept): void {
    if (this.pages.get(key) === kept) this.pages.delete(key);
    this.wakeAll();
  }

  private moveTo(reader: object, position: Position | undefined): void {
    this.readers.set(reader, position);
    this.dropPassed();
    this.wakeAll();
  }

  /** Drops the pages every reader has read past (all of them when nobody is reading). */
  private dropPassed(): void {
    for (const [key, kept] of this.pages) {
      if (kept.read && !this.anyReaderBefore(kept.read.last)) {
        this.pages.delete(key);
      }
    }
  }

  /** Whether a registered reader still has to read what comes after `position`, or `position` itself. */
  private anyReaderBefore(position: Position | undefined): boolean {
    for (const at of this.readers.values()) if (isBefore(at, position)) return true;
    return false;
  }

  private wakeAll(): void {
    if (this.waiting.length === 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }
}

interface Kept {
  readonly page: Promise<Page>;
  /** Once read: the page's span, (after, last]. */
  read?: { readonly after: Position | undefined; readonly last: Position };
}

function matcher(filter: EventFilter): (event: RecordedEvent) => boolean {
  const types = filter.eventTypes?.length ? new Set(filter.eventTypes) : undefined;
  const prefixes = filter.streamPrefixes?.length ? filter.streamPrefixes : undefined;
  return (event) =>
    (!types || types.has(event.type)) && (!prefixes || prefixes.some((prefix) => event.stream.startsWith(prefix)));
}

/** `a < b`, where undefined (the start of the log) comes before every position. */
function isBefore(a: Position | undefined, b: Position | undefined): boolean {
  if (b === undefined) return false;
  return a === undefined || a < b;
}
