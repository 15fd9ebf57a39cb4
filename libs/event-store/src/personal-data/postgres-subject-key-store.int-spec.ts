import pg from 'pg';
import { createTestDatabase } from '../../../testing/src/postgres/test-database.js';
import { MasterKey } from './master-key.js';
import { SubjectKeyUnwrapFailed } from './personal-data.errors.js';
import { PostgresSubjectKeyStore } from './postgres-subject-key-store.js';

describe('PostgresSubjectKeyStore (real PostgreSQL)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let pool: pg.Pool;
  let master: MasterKey;

  beforeAll(async () => {
    database = await createTestDatabase('cpb_keys');
    pool = new pg.Pool({ connectionString: database.url, max: 10 });
    master = MasterKey.generate();
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  let n = 0;
  const subject = (): string => `yp-${(n += 1)}`;

  it('creates its table on first use, even with several stores racing to do so', async () => {
    const stores = Array.from({ length: 4 }, () => new PostgresSubjectKeyStore(pool, master, { schema: 'keys_a' }));
    const keys = await Promise.all(stores.map((s, i) => s.getOrCreate(`race-${i}`)));
    expect(keys.every((k) => k.length === 32)).toBe(true);
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM keys_a.es_subject_keys');
    expect(Number(rows[0]!.n)).toBe(4);
  });

  it('creates a key once and stores it only wrapped', async () => {
    const store = new PostgresSubjectKeyStore(pool, master);
    const s = subject();
    const key = await store.getOrCreate(s);
    expect(await store.getOrCreate(s)).toEqual(key);
    const { rows } = await pool.query<{ wrapped_key: Buffer; created_at: Date }>(
      'SELECT wrapped_key, created_at FROM es_subject_keys WHERE subject_id = $1',
      [s],
    );
    expect(rows[0]!.wrapped_key.includes(key)).toBe(false);
    expect(master.unwrap(s, rows[0]!.wrapped_key)).toEqual(key);
    expect(rows[0]!.created_at).toBeInstanceOf(Date);
  });

  it('converges on one key when many callers create the same subject at once', async () => {
    // Separate store instances and pool connections, as separate processes would have.
    const otherPool = new pg.Pool({ connectionString: database.url, max: 10 });
    try {
      const stores = [
        new PostgresSubjectKeyStore(pool, master),
        new PostgresSubjectKeyStore(otherPool, master),
        new PostgresSubjectKeyStore(otherPool, master),
      ];
      const s = subject();
      const keys = await Promise.all(Array.from({ length: 24 }, (_, i) => stores[i % stores.length]!.getOrCreate(s)));
      expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
      const { rows } = await pool.query('SELECT 1 FROM es_subject_keys WHERE subject_id = $1', [s]);
      expect(rows).toHaveLength(1);
    } finally {
      await otherPool.end();
    }
  });

  it('reads many keys in one query, leaving out subjects without a key', async () => {
    const store = new PostgresSubjectKeyStore(pool, master);
    const [a, b, none] = [subject(), subject(), subject()];
    const keyA = await store.getOrCreate(a);
    const keyB = await store.getOrCreate(b);
    const found = await store.getMany([a, b, none, a]);
    expect(found).toEqual(
      new Map([
        [a, keyA],
        [b, keyB],
      ]),
    );
    expect(await store.getMany([])).toEqual(new Map());
  });

  it('destroys a key: the row is gone and the subject reads as without a key', async () => {
    const store = new PostgresSubjectKeyStore(pool, master);
    const [gone, kept] = [subject(), subject()];
    const first = await store.getOrCreate(gone);
    const keptKey = await store.getOrCreate(kept);
    expect(await store.destroy(gone)).toBe(true);
    expect(await store.destroy(gone)).toBe(false);
    expect(await store.getMany([gone, kept])).toEqual(new Map([[kept, keptKey]]));
    const { rows } = await pool.query('SELECT 1 FROM es_subject_keys WHERE subject_id = $1', [gone]);
    expect(rows).toHaveLength(0);
    expect(await store.getOrCreate(gone)).not.toEqual(first);
  });

  it('fails with a clear error under the wrong master key', async () => {
    const s = subject();
    await new PostgresSubjectKeyStore(pool, master).getOrCreate(s);
    const wrong = new PostgresSubjectKeyStore(pool, MasterKey.generate());
    await expect(wrong.getOrCreate(s)).rejects.toThrow(SubjectKeyUnwrapFailed);
    await expect(wrong.getMany([s])).rejects.toThrow(/CPB_MASTER_KEY/);
  });

  it('refuses a schema name it would have to quote', () => {
    expect(() => new PostgresSubjectKeyStore(pool, master, { schema: 'x"; DROP TABLE y; --' })).toThrow(
      /invalid schema name/,
    );
  });
});
