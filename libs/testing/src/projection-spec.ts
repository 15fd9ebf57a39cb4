import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import {
  ProjectionRunner,
  SqliteEventStore,
  decodeRow,
  liveTables,
  type Projection,
  type ProjectionTable,
  type RowOf,
} from '#event-store';

// given(events), then thenRows(table, rows), for any projection, as the deciders' given().when().then(): the
// events go through a real SQLite event store and the real ProjectionRunner into a SQLite read database,
// and a table's rows are compared as its queries read them (decoded, typed), in primary-key order.

// (Not `then`: `given` answers a promise, and an object with a `then` method would be taken for one.)

/** An event as a decider decides it, with the stream it goes to (and, if not the default, its board). */
export interface GivenEvent {
  readonly stream: string;
  readonly type: string;
  readonly data: unknown;
  readonly tenantId?: string;
}

export interface Projected {
  /** The table's rows, decoded and typed, in primary-key order (for a partial match). */
  rows<T extends ProjectionTable>(table: T): Promise<RowOf<T>[]>;
  /** Asserts the table holds exactly these rows, in primary-key order. */
  thenRows<T extends ProjectionTable>(table: T, expected: readonly RowOf<T>[]): Promise<void>;
  /** Asserts no event was parked (a projection that threw would only leave rows out). */
  thenNothingParked(): Promise<void>;
  close(): Promise<void>;
}

export const PROJECTION_SPEC_TENANT = 'tenant-spec';

export function projectionSpec(projection: Projection): { given(events: readonly GivenEvent[]): Promise<Projected> } {
  return {
    async given(events) {
      const dir = mkdtempSync(join(tmpdir(), 'cpb-projection-spec-'));
      const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
      const db = await new DataSource({
        type: 'better-sqlite3',
        driver: Database,
        database: join(dir, 'read.db'),
        enableWAL: true,
      }).initialize();
      const runner = new ProjectionRunner({
        store,
        dataSource: db,
        projections: [projection],
        maxAttempts: 1,
        pollIntervalMs: 10,
        logger: { warn: () => undefined },
      });
      const close = async (): Promise<void> => {
        await runner.stop();
        await db.destroy();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      };
      try {
        for (const [index, event] of events.entries()) {
          const commandId = randomUUID();
          const at = new Date(Date.UTC(2026, 0, 5, 10, index)).toISOString();
          await store.append(
            event.stream,
            [
              {
                type: event.type,
                data: event.data,
                metadata: {
                  tenantId: event.tenantId ?? PROJECTION_SPEC_TENANT,
                  actor: { id: 'staff-1', role: 'clerk' },
                  onBehalfOf: null,
                  correlationId: commandId,
                  causationId: commandId,
                  commandId,
                  recordedAt: at,
                },
              },
            ],
            { expected: 'any' },
          );
        }
        await runner.start();
        await runner.waitForCatchUp({ timeoutMs: 20_000 });
      } catch (error) {
        await close();
        throw error;
      }
      const rows = async <T extends ProjectionTable>(table: T): Promise<RowOf<T>[]> => {
        const physical = (await liveTables(db, projection))?.[table.name];
        assert.ok(physical, `projection ${projection.name} has no table ${table.name}`);
        const order = table.primaryKey.map((column) => `"${column}"`).join(', ');
        const raw = await db.query<Record<string, unknown>[]>(`SELECT * FROM "${physical}" ORDER BY ${order}`);
        return raw.map((row) => decodeRow(table, row));
      };
      return {
        rows,
        async thenRows(table, expected) {
          // Compared as JSON, as the deciders' events are: rows decoded by the driver and literals written
          // in a test are plain data from different realms under Jest, equal in every value.
          const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
          assert.deepStrictEqual(asJson(await rows(table)), asJson(expected));
        },
        async thenNothingParked() {
          const parked = (await runner.status()).reduce((sum, status) => sum + status.parked, 0);
          assert.equal(parked, 0, `${parked} event(s) parked by ${projection.name}`);
        },
        close,
      };
    },
  };
}
