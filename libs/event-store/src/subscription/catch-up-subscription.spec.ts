import type { RecordedEvent } from '../port/envelope.js';
import type { EventStore, ReadAllOptions } from '../port/event-store.port.js';
import { CatchUpSubscription } from './catch-up-subscription.js';

/** A log of `count` events answered at once, as better-sqlite3 does (no I/O between pages). */
function instantStore(count: number): EventStore {
  const events = Array.from(
    { length: count },
    (_, i) => ({ position: String(i + 1).padStart(20, '0'), type: 'T' }) as unknown as RecordedEvent,
  );
  return {
    name: 'instant',
    chainScope: 'global',
    readAll: async (options: ReadAllOptions = {}) =>
      events.filter((e) => options.after === undefined || e.position > options.after).slice(0, options.maxCount),
    headPosition: async () => events.at(-1)?.position,
    waitForAppend: (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
  } as unknown as EventStore;
}

describe('CatchUpSubscription', () => {
  it('lets timers and requests in while it works through a backlog, page by page', async () => {
    const handled: RecordedEvent[] = [];
    // Without a yield between pages, all 20 pages would be handled before this timer could fire.
    let handledWhenTimerFired = -1;
    setTimeout(() => (handledWhenTimerFired = handled.length), 0);
    const subscription = new CatchUpSubscription(instantStore(200), {
      batchSize: 10,
      pollIntervalMs: 10,
      handle: async (events) => void handled.push(...events),
    }).start();
    try {
      await subscription.caughtUp;
      expect(handled).toHaveLength(200);
      expect(handledWhenTimerFired).toBeGreaterThanOrEqual(0);
      expect(handledWhenTimerFired).toBeLessThan(200);
    } finally {
      await subscription.stop();
    }
  });
});
