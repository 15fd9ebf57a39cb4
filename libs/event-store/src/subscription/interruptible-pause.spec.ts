import type { EventStore } from '../port/event-store.port.js';
import { CatchUpSubscription } from './catch-up-subscription.js';
import { InterruptiblePause } from './interruptible-pause.js';

const never = (): Promise<void> => new Promise(() => undefined);

/** An empty log whose wait for appends never ends: a subscription on it stops only if stop cuts the wait. */
const quietStore = (): EventStore =>
  ({
    name: 'quiet',
    chainScope: 'global',
    readAll: async () => [],
    headPosition: async () => undefined,
    waitForAppend: never,
  }) as unknown as EventStore;

describe('InterruptiblePause', () => {
  it('ends a wait when interrupted, and every later wait at once', async () => {
    const pause = new InterruptiblePause();
    const waiting = pause.for(never());
    pause.interrupt();
    await waiting;
    await pause.for(never());
  });

  it('waits again after a reset, until the wait ends', async () => {
    const pause = new InterruptiblePause();
    pause.interrupt();
    pause.reset();
    let ended!: () => void;
    let done = false;
    const waiting = pause.for(new Promise<void>((resolve) => (ended = resolve))).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    ended();
    await waiting;
    expect(done).toBe(true);
  });

  it('lets a subscription stop without waiting out its poll', async () => {
    const subscription = new CatchUpSubscription(quietStore(), {
      pollIntervalMs: 3_600_000,
      handle: async () => undefined,
    }).start();
    await subscription.caughtUp;
    // The loop is now in its wait for appends, which this store never ends.
    await subscription.stop();
    // And it starts again, and stops again.
    subscription.start();
    await subscription.stop();
  });
});
