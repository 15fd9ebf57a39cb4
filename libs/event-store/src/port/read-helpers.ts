import type { Position, RecordedEvent } from './envelope.js';
import type { EventFilter, EventStore } from './event-store.port.js';

/** Every event after `after`, page by page, in log order: memory stays flat whatever the log's size. */
export async function* iterateAll(
  store: Pick<EventStore, 'readAll'>,
  options: { after?: Position; filter?: EventFilter; pageSize?: number; until?: Position } = {},
): AsyncGenerator<RecordedEvent> {
  const pageSize = options.pageSize ?? 1000;
  let after = options.after;
  for (;;) {
    const page = await store.readAll({ after, filter: options.filter, maxCount: pageSize });
    for (const event of page) {
      if (options.until !== undefined && event.position > options.until) return;
      yield event;
    }
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.position;
  }
}
