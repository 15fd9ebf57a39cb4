import assert from 'node:assert/strict';
import {
  SqliteEventStore,
  decodeRow,
  liveTables,
  replayAsAt,
  type Projection,
  type ProjectionTable,
  type RowOf,
} from '#event-store';

// A projection specified as the deciders are: given the events so far, when these happen, then the table
// holds exactly these rows. The events are appended to a real (in-memory) SQLite log and applied as the
// runner applies them (replayAsAt: the same TableWriter, in one transaction); the rows are read back
// decoded and typed, as the queries read them, in the order they were first written. A projection that
// throws fails the spec with its error.

/** An event as a decider decides it, and the stream it is appended to. */
export type GivenEvent = readonly [stream: string, event: { readonly type: string; readonly data: unknown }];

export const PROJECTION_SPEC_TENANT = 'tenant-spec';

export interface ProjectionThen {
  /** Asserts the table holds exactly these rows (compared as JSON, as the deciders' events are). */
  then<T extends ProjectionTable>(table: T, expected: readonly RowOf<T>[]): Promise<void>;
  /** The table's rows, for a partial match. */
  rows<T extends ProjectionTable>(table: T): Promise<RowOf<T>[]>;
}

export interface ProjectionGiven extends ProjectionThen {
  when(...events: readonly GivenEvent[]): ProjectionThen;
}

export function projectionSpec(
  projection: Projection,
  { tenantId = PROJECTION_SPEC_TENANT }: { tenantId?: string } = {},
): { given(...history: readonly GivenEvent[]): ProjectionGiven } {
  const outcome = (events: readonly GivenEvent[]): ProjectionThen => {
    let replayed: Promise<ReadonlyMap<string, Record<string, unknown>[]>> | undefined;
    const rows = async <T extends ProjectionTable>(table: T): Promise<RowOf<T>[]> => {
      // One replay per outcome, however many of its tables a spec reads.
      replayed ??= replay(projection, tenantId, events);
      const raw = (await replayed).get(table.name);
      assert.ok(raw, `projection ${projection.name} has no table ${table.name}`);
      return raw.map((row) => decodeRow(table, row));
    };
    return {
      rows,
      async then(table, expected) {
        // Rows decoded by the driver and literals written in a spec are plain data from different realms
        // under Jest: compared as JSON, equal in every value.
        const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
        assert.deepStrictEqual(asJson(await rows(table)), asJson(expected));
      },
    };
  };
  return {
    given: (...history) => ({ ...outcome(history), when: (...events) => outcome([...history, ...events]) }),
  };
}

/** The events appended to an in-memory log and applied as the runner applies them: every table's raw rows. */
async function replay(
  projection: Projection,
  tenantId: string,
  events: readonly GivenEvent[],
): Promise<ReadonlyMap<string, Record<string, unknown>[]>> {
  const store = new SqliteEventStore({ filename: ':memory:' });
  try {
    for (const [index, [stream, { type, data }]] of events.entries()) {
      const at = new Date(Date.UTC(2026, 0, 5, 10, index)).toISOString();
      const id = `spec-${index}`;
      const metadata = {
        tenantId,
        actor: { id: 'staff-1', role: 'clerk' },
        onBehalfOf: null,
        correlationId: id,
        causationId: id,
        commandId: id,
        recordedAt: at,
      };
      await store.append(stream, [{ type, data, metadata }], { expected: 'any' });
    }
    const head = await store.headPosition();
    const tables = new Map<string, Record<string, unknown>[]>(projection.tables.map((table) => [table.name, []]));
    if (head === undefined) return tables;
    const models = await replayAsAt(store, [projection], { position: head });
    try {
      const physical = (await liveTables(models.db, projection))!;
      for (const table of projection.tables) {
        tables.set(table.name, await models.db.query(`SELECT * FROM "${physical[table.name]}" ORDER BY rowid`));
      }
      return tables;
    } finally {
      await models.close();
    }
  } finally {
    await store.close();
  }
}
