import { WrongExpectedVersion, type EventStore } from '#event-store';
import type { Metrics } from '#platform';

/**
 * The store, with each append timed into `cpb_event_store_append_duration_seconds` by store kind and
 * outcome. A proxy rather than a wrapper class: everything else (the protected store's own methods, and
 * `instanceof ProtectedEventStore`) reaches the store itself unchanged.
 */
export function timeAppends<T extends EventStore>(store: T, metrics: Metrics, kind: string): T {
  const append: EventStore['append'] = async (stream, events, options) => {
    const started = process.hrtime.bigint();
    const seconds = (): number => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await store.append(stream, events, options);
      metrics.observeAppend(kind, 'ok', seconds());
      return result;
    } catch (error) {
      metrics.observeAppend(kind, error instanceof WrongExpectedVersion ? 'conflict' : 'error', seconds());
      throw error;
    }
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'append') return append;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
