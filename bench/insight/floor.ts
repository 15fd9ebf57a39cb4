// Two more baselines for the rebuild figure, both measured in the benchmark's own process:
// - the log read as projections get it (pages of the sealing store: rows parsed, personal data opened);
// - the floor: the read models' final rows written once each, with raw prepared INSERTs into empty
//   tables in one transaction. No rebuild can write less than that, so the raw scan plus this write is
//   the fastest any rebuild of these read models could be.
import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { EventStore } from '#event-store';

/**
 * Reads the whole log in `pageSize` pages through `store`, as the runner's lanes do (not `iterateAll`,
 * whose await per event the runner does not pay); answers events and seconds.
 */
export async function pagedScan(
  store: Pick<EventStore, 'readAll'>,
  pageSize: number,
): Promise<{ events: number; seconds: number }> {
  const started = performance.now();
  let events = 0;
  let after;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize });
    events += page.length;
    if (page.length < pageSize) break;
    after = page[page.length - 1]!.position;
  }
  return { events, seconds: (performance.now() - started) / 1000 };
}

/**
 * Copies every row of the versioned read-model tables of `readDbFile` into the same tables, with their
 * indexes, in a new database at `floorFile`, opened as the app opens its read database (WAL,
 * synchronous=FULL), one transaction a table. Only the inserts are timed.
 */
export function floorWrite(readDbFile: string, floorFile: string): { tables: number; rows: number; seconds: number } {
  const source = new Database(readDbFile, { readonly: true });
  const target = new Database(floorFile);
  try {
    target.pragma('journal_mode = WAL');
    target.pragma('synchronous = FULL');
    const schema = source
      .prepare<[], { type: string; name: string; tbl_name: string; sql: string }>(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name GLOB '*__v[0-9]*' ORDER BY type DESC",
      )
      .all();
    const tables = schema.filter((entry) => entry.type === 'table');
    for (const entry of schema) target.exec(entry.sql);
    let rows = 0;
    let seconds = 0;
    for (const { name } of tables) {
      // Read first, then time the inserts alone (one transaction a table).
      const all = source.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][];
      if (all.length === 0) continue;
      const insert = target.prepare(`INSERT INTO "${name}" VALUES (${new Array(all[0]!.length).fill('?').join(', ')})`);
      const started = performance.now();
      target.transaction(() => {
        for (const row of all) insert.run(row);
      })();
      seconds += (performance.now() - started) / 1000;
      rows += all.length;
    }
    return { tables: tables.length, rows, seconds };
  } finally {
    source.close();
    target.close();
  }
}
