import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { methodLabel, routeLabel, statusLabel } from './route-label.js';

/** Append outcomes: written, refused by its expected revision, or failed. */
export type AppendOutcome = 'ok' | 'conflict' | 'error';

/**
 * One process's figures, in its own registry (not prom-client's global one: the tests build many apps in
 * one process). Labels hold route templates, method names, status codes, store kinds, outcomes and
 * projection names: never a word, a code, an id, a name or an address (docs/adr/0020-metrics-and-traces.md).
 */
export class Metrics {
  readonly registry = new Registry();
  private processMetrics = false;

  private readonly httpDuration = new Histogram({
    name: 'cpb_http_request_duration_seconds',
    help: 'HTTP requests answered, by method, route template and status code: a count (the request rate) and how long each took.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly appendDuration = new Histogram({
    name: 'cpb_event_store_append_duration_seconds',
    help: 'Appends to the event store, by store kind and outcome (ok, conflict, error), and how long each took.',
    labelNames: ['store', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  /** One answered request: `route` is the matched template (or nothing), never the requested path. */
  observeRequest(method: string, route: string | undefined | null, status: number, seconds: number): void {
    this.httpDuration.observe(
      { method: methodLabel(method), route: routeLabel(route), status: statusLabel(status) },
      seconds,
    );
  }

  observeAppend(store: string, outcome: AppendOutcome, seconds: number): void {
    this.appendDuration.observe({ store, outcome }, seconds);
  }

  /** Node's own figures (CPU, memory, event loop, garbage collection), once, for a process that serves them. */
  collectProcessMetrics(): void {
    if (this.processMetrics) return;
    this.processMetrics = true;
    collectDefaultMetrics({ register: this.registry });
  }
}
