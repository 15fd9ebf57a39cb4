import { DataSource } from 'typeorm';
import type { Position, RecordedEvent } from '../port/envelope.js';
import type { EventFilter, EventStore } from '../port/event-store.port.js';
import { insertRegistry } from './projection-bookkeeping.js';
import { createProjectionTables, ensureBookkeepingTables } from './projection-schema.js';
import { TableWriter } from './projection-tx.js';
import type { Projection } from './projection.js';

/**
 * A past moment a read travels back to: a log position, or the last event recorded at or before an
 * instant. The one word for time travel: insight's `?asAt=` routes read at it, and a replay stops there.
 * (The audit's history answers with `Cut`, the same moment in its JSON form, 'now' included.)
 */
export type AsAt = { readonly position: Position } | { readonly recordedAt: Date };

export interface ScratchReadModels {
  /** A private in-memory SQLite database holding the replayed tables, read like the live ones. */
  readonly db: DataSource;
  /** Position of the last event applied (undefined if none was). */
  readonly lastPosition: Position | undefined;
  readonly eventsApplied: number;
  close(): Promise<void>;
}

const PAGE = 1_000;

/**
 * Rebuilds projections as they stood at a past moment: the log is read from the start up to `limit`
 * and applied into a fresh in-memory SQLite database, which query handlers read exactly as they read
 * the live one (same table names through the registry). The live read models are not touched. The
 * cost grows with the events the projections read up to the limit; for one aggregate at a moment,
 * folding its own stream is cheaper (audit's time travel of a decision does that).
 */
export async function replayAsAt(
  store: EventStore,
  projections: readonly Projection[],
  limit: AsAt,
): Promise<ScratchReadModels> {
  const db = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
  await db.initialize();
  try {
    await ensureBookkeepingTables(db);
    const now = new Date();
    const runner = db.createQueryRunner();
    try {
      for (const projection of projections) {
        await createProjectionTables(runner, 'sqlite', projection, projection.version);
        await insertRegistry(
          db,
          projection.name,
          { liveVersion: projection.version, logicVersion: projection.version },
          now,
        );
      }
    } finally {
      await runner.release();
    }
    // Only the events some projection wants are read (and opened): the rest of the log costs nothing.
    const filter = filterFor(projections);
    let after: Position | undefined;
    let lastPosition: Position | undefined;
    let eventsApplied = 0;
    const beyond = (event: RecordedEvent): boolean =>
      'position' in limit ? event.position > limit.position : new Date(event.metadata.recordedAt) > limit.recordedAt;
    for (;;) {
      const page = await store.readAll({ after, maxCount: PAGE, filter });
      if (page.length === 0) break;
      const inRange = page.filter((event) => !beyond(event));
      await db.transaction(async (manager) => {
        for (const projection of projections) {
          const tx = new TableWriter(manager, 'sqlite', projection, projection.version);
          for (const event of inRange) {
            if (!wants(projection, event)) continue;
            await projection.apply(event, tx);
            eventsApplied += 1;
          }
        }
      });
      if (inRange.length > 0) lastPosition = inRange[inRange.length - 1]!.position;
      // Positions only grow, so past a position limit nothing more can qualify. Recording times follow
      // positions up to the clock skew between concurrent writers: a page wholly past the moment ends it.
      if ('position' in limit ? inRange.length < page.length : inRange.length === 0) break;
      after = page[page.length - 1]!.position;
    }
    return { db, lastPosition, eventsApplied, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/** The events any of these projections reads: the union of their types and of their streams. */
function filterFor(projections: readonly Projection[]): EventFilter | undefined {
  const types = projections.every((p) => p.eventTypes !== 'all')
    ? [...new Set(projections.flatMap((p) => p.eventTypes as readonly string[]))]
    : undefined;
  const prefixes = projections.every((p) => p.streamPrefixes !== undefined)
    ? [...new Set(projections.flatMap((p) => p.streamPrefixes ?? []))]
    : undefined;
  if (!types && !prefixes) return undefined;
  return { ...(types ? { eventTypes: types } : {}), ...(prefixes ? { streamPrefixes: prefixes } : {}) };
}

function wants(projection: Projection, event: RecordedEvent): boolean {
  if (projection.eventTypes !== 'all' && !projection.eventTypes.includes(event.type)) return false;
  return !projection.streamPrefixes || projection.streamPrefixes.some((prefix) => event.stream.startsWith(prefix));
}
