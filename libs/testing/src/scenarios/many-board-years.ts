// Many boards' years in one store, for the insight benchmark (about 1,000,000 events) and load tests.
import type { EventStore, SubjectKeyStore } from '#event-store';
import { driveBoardYear, type BoardYear } from './board-year.scenario.js';

export interface ManyBoardYearsOptions {
  /** How many boards (tenants), each with its own year. */
  readonly tenants: number;
  /** Tenant i is `${prefix}-t${i}` with ids starting `${prefix}${i}`. */
  readonly prefix: string;
  readonly startOn?: string;
  readonly viewsPerMonth?: number;
  /** Board i uses seed + i. */
  readonly seed?: number;
  /** Boards driven at once (default 1). More helps a store that takes concurrent writers (PostgreSQL). */
  readonly concurrency?: number;
  readonly keys?: SubjectKeyStore;
  /** Stop once at least this many events are written (the board under way finishes its year). */
  readonly stopAfterEvents?: number;
  /** Called after each board's year, e.g. to print progress. */
  readonly onYear?: (year: BoardYear, totals: { readonly boards: number; readonly events: number }) => void;
}

export interface ManyBoardYears {
  readonly boards: number;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly tenantIds: string[];
}

export async function appendManyBoardYears(store: EventStore, options: ManyBoardYearsOptions): Promise<ManyBoardYears> {
  const started = performance.now();
  const tenantIds: string[] = [];
  let events = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < options.tenants && (options.stopAfterEvents === undefined || events < options.stopAfterEvents)) {
      const i = next++;
      const tenantId = `${options.prefix}-t${i}`;
      tenantIds.push(tenantId);
      const year = await driveBoardYear(store, {
        tenantId,
        prefix: `${options.prefix}${i}`,
        startOn: options.startOn,
        viewsPerMonth: options.viewsPerMonth,
        seed: (options.seed ?? 1) + i,
        keys: options.keys,
      });
      events += year.facts.events.total;
      options.onYear?.(year, { boards: tenantIds.length, events });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { boards: tenantIds.length, events, seconds, eventsPerSecond: events / seconds, tenantIds };
}
