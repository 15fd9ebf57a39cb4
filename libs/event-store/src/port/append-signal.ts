import { EventEmitter } from 'node:events';

/** Wakes readers waiting for appends: the adapters' shared `waitForAppend`. */
export class AppendSignal {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  notify(): void {
    this.emitter.emit('append');
  }

  /** Resolves on the next `notify()` or after `timeoutMs`, whichever comes first. */
  wait(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.emitter.off('append', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.emitter.once('append', done);
    });
  }
}
