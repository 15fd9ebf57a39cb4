import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../testing/src/postgres/test-database.js';
import type { Projection, ProjectionTx, Row } from './projection.js';
import { createProjectionTables, dialectOf } from './projection-schema.js';
import { TableWriter } from './projection-tx.js';
import { RowCache } from './table-cache.js';

// The write-behind cache must be invisible: the same operations, with and without it, give the same
// answers inside the batch and the same rows after it; kept from batch to batch too (as a lane keeps
// it), whatever its size, and cleared after a batch that rolled back (as the worker does).

const projection: Projection = {
  name: 'cache_probe',
  version: 1,
  eventTypes: 'all',
  tables: [
    {
      name: 'probe_rows',
      columns: {
        tenant: 'text',
        id: 'integer',
        label: { type: 'text', nullable: true },
        count: { type: 'integer', nullable: true },
        flag: { type: 'boolean', nullable: true },
        doc: { type: 'json', nullable: true },
      },
      primaryKey: ['tenant', 'id'],
      indexes: [['label']],
    },
  ],
  apply: async () => undefined,
};
const T = 'probe_rows';

/** A seeded pseudo-random sequence (mulberry32): the same operations for both writers. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs one random operation; returns what the projection would see. */
async function step(tx: ProjectionTx, next: () => number): Promise<unknown> {
  const pick = <V>(values: readonly V[]): V => values[Math.floor(next() * values.length)]!;
  const key = { tenant: pick(['a', 'b']), id: pick([1, 2, 3, 4, 5]) };
  const label = pick(['x', 'y', null]);
  switch (
    pick([
      'findOne',
      'find',
      'upsert',
      'upsertKeyOnly',
      'upsertEveryColumn',
      'insert',
      'insertFresh',
      'update',
      'updateBy',
      'delete',
      'increment',
    ])
  ) {
    case 'findOne':
      return tx.findOne(T, key);
    case 'find':
      return sortRows(await tx.find(T, { tenant: key.tenant }));
    case 'upsert':
      return tx.upsert(T, { ...key, label, doc: { n: Math.floor(next() * 9) } });
    case 'upsertKeyOnly':
      return tx.upsert(T, key);
    case 'upsertEveryColumn':
      // Written without reading the row first (the cache knows the outcome whatever is stored).
      return tx.upsert(T, { ...key, label, count: Math.floor(next() * 5), flag: next() < 0.5, doc: null });
    case 'insert':
      // As projections do: insert what is not there (a duplicate fails the batch, cache or not; only
      // when differs: at the insert, or at the flush).
      if (await tx.findOne(T, key)) return 'present';
      return tx.insert(T, { ...key, label, flag: next() < 0.5, count: 1 });
    case 'insertFresh':
      return tx.insert(T, { tenant: key.tenant, id: 100 + Math.floor(next() * 1e9), label, count: 0 });
    case 'update':
      return tx.update(T, key, { label, flag: next() < 0.5 });
    case 'updateBy':
      return tx.update(T, { tenant: key.tenant, label }, { count: 7 });
    case 'delete':
      return tx.delete(T, key);
    default:
      return tx.increment(T, key, 'count', 2, { label: 'new' });
  }
}

function sortRows(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => `${a.tenant}${a.id}`.localeCompare(`${b.tenant}${b.id}`));
}

const databases: Array<[string, (dir: string, name: string) => Promise<{ ds: DataSource; drop(): Promise<void> }>]> = [
  [
    'SQLite',
    async (dir, name) => ({
      ds: await new DataSource({ type: 'better-sqlite3', database: join(dir, `${name}.db`) }).initialize(),
      drop: async () => undefined,
    }),
  ],
  [
    'PostgreSQL',
    async () => {
      const db = await createTestDatabase('cpb_txc');
      return { ds: await new DataSource({ type: 'postgres', url: db.url, poolSize: 2 }).initialize(), drop: db.drop };
    },
  ],
];

describe.each(databases)('TableWriter write cache on %s', (_label, open) => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'cpb-txc-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** No cache; a new one each batch; or one kept across batches, holding about `n` rows a table. */
  type Mode = 'through' | 'per batch' | number;

  async function run(mode: Mode, seed: number): Promise<{ answers: unknown[]; rows: Row[] }> {
    const { ds, drop } = await open(dir, `${String(mode).replace(' ', '-')}-${seed}`);
    try {
      const dialect = dialectOf(ds);
      const answers: unknown[] = [];
      const next = random(seed);
      await ds.transaction((manager) => createProjectionTables(manager.queryRunner!, dialect, projection, 1));
      const kept = typeof mode === 'number' ? new RowCache(mode) : undefined;
      // Several batches, so later ones start from rows earlier ones wrote; the third rolls back.
      for (let batch = 0; batch < 5; batch += 1) {
        const cache = mode === 'through' ? undefined : (kept ?? new RowCache(0));
        const batchAnswers: unknown[] = [];
        try {
          await ds.transaction(async (manager) => {
            const tx = new TableWriter(manager, dialect, projection, 1, { cache });
            for (let i = 0; i < 60; i += 1) batchAnswers.push(await step(tx, next));
            await tx.flush();
            if (batch === 2) throw new Error('roll back');
          });
          answers.push(...batchAnswers);
        } catch {
          cache?.clear();
        }
      }
      const rows = await ds.transaction((manager) => new TableWriter(manager, dialect, projection, 1).find(T));
      return { answers, rows: sortRows(rows) };
    } finally {
      await ds.destroy();
      await drop();
    }
  }

  it.each([1, 2, 3])('gives the same answers and rows as writing through (seed %i)', async (seed) => {
    const through = await run('through', seed);
    expect(through.rows.length).toBeGreaterThan(0);
    // 2 rows a table: the generations turn over every batch; 1,000: nothing is ever dropped.
    for (const mode of ['per batch', 2, 1_000] as const) {
      const cached = await run(mode, seed);
      expect({ mode, answers: cached.answers }).toEqual({ mode, answers: through.answers });
      expect({ mode, rows: cached.rows }).toEqual({ mode, rows: through.rows });
    }
  });
});
