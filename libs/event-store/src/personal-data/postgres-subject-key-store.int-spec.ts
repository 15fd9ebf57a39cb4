import pg from 'pg';
import { openPgPool } from '../adapters/postgres/pg-pool.js';
import { createTestDatabase } from '../../../testing/src/postgres/test-database.js';
import { MasterKey } from './master-key.js';
import { MasterKeyMismatch, SubjectKeyUnwrapFailed } from './personal-data.errors.js';
import { PostgresSubjectKeyStore } from './postgres-subject-key-store.js';

describe('PostgresSubjectKeyStore (real PostgreSQL)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let pool: pg.Pool;
  let master: MasterKey;

  beforeAll(async () => {
    database = await createTestDatabase('cpb_keys');
    pool = openPgPool({ connectionString: database.url, max: 10 });
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
    const otherPool = openPgPool({ connectionString: database.url, max: 10 });
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

  describe('key check value', () => {
    const count = async (schema: string, table: string): Promise<number> => {
      const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.${table}`);
      return Number(rows[0]!.n);
    };
    const storedCheck = async (schema: string) =>
      (await pool.query<{ key_id: string }>(`SELECT key_id FROM ${schema}.es_master_key_check`)).rows;

    it('is recorded by the first key; the same key passes; another is refused and can write no key', async () => {
      const schema = 'check_a';
      const store = new PostgresSubjectKeyStore(pool, master, { schema });
      expect(await store.verifyMasterKey()).toEqual({ keyId: master.id, recorded: true, sampled: 0, strayKeys: 0 });
      expect(await store.verifyMasterKey()).toMatchObject({ recorded: false });
      await store.getOrCreate('yp-kept');

      const other = MasterKey.generate();
      const foreign = new PostgresSubjectKeyStore(pool, other, { schema });
      const refused = await foreign.verifyMasterKey().catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(MasterKeyMismatch);
      expect((refused as MasterKeyMismatch).details).toEqual({ processKeyId: other.id, storeKeyId: master.id });
      // Even a process that skipped the check cannot add a key wrapped by another master key.
      await expect(foreign.getOrCreate('yp-new')).rejects.toThrow(MasterKeyMismatch);
      expect(await count(schema, 'es_subject_keys')).toBe(1);
      expect(await storedCheck(schema)).toEqual([{ key_id: master.id }]);
    });

    it('is given to an older store only by a key that opens its subject keys, counting strays', async () => {
      const schema = 'check_b';
      const store = new PostgresSubjectKeyStore(pool, master, { schema });
      for (const s of ['yp-1', 'yp-2', 'yp-3']) await store.getOrCreate(s);
      // Before there was a check value: a process with another key wrapped a key of its own.
      const other = MasterKey.generate();
      const foreign = new PostgresSubjectKeyStore(pool, other, { schema });
      await foreign.getOrCreate('yp-stray');

      await expect(foreign.verifyMasterKey()).rejects.toThrow(/opens 1 of the 4 subject keys tried/);
      expect(await storedCheck(schema)).toEqual([]);
      expect(await store.verifyMasterKey()).toEqual({ keyId: master.id, recorded: true, sampled: 4, strayKeys: 1 });
      await expect(foreign.verifyMasterKey()).rejects.toThrow(MasterKeyMismatch);
    });

    it('lets one of two keys starting together on a new store record it; the other is refused', async () => {
      const schema = 'check_c';
      const keys = [master, MasterKey.generate()];
      const outcomes = await Promise.allSettled(
        keys.map((key) => new PostgresSubjectKeyStore(pool, key, { schema }).verifyMasterKey()),
      );
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const winner = outcomes.findIndex((o) => o.status === 'fulfilled');
      expect(await storedCheck(schema)).toEqual([{ key_id: keys[winner]!.id }]);
    });

    it('moves to the new key in the rotation transaction; a rotation run again passes, a wrong key is refused', async () => {
      const schema = 'check_d';
      const store = new PostgresSubjectKeyStore(pool, master, { schema });
      await store.verifyMasterKey();
      const key = await store.getOrCreate('yp-1');
      await store.getOrCreate('yp-2');
      const next = MasterKey.generate();

      expect(await store.rewrap(next)).toEqual({ rewrapped: 2, alreadyRotated: 0 });
      expect(await storedCheck(schema)).toEqual([{ key_id: next.id }]);
      const rotated = new PostgresSubjectKeyStore(pool, next, { schema });
      expect(await rotated.verifyMasterKey()).toMatchObject({ keyId: next.id, recorded: false });
      expect((await rotated.getMany(['yp-1'])).get('yp-1')).toEqual(key);
      // A process still holding the old key (left running) can no longer add keys under it.
      await expect(store.verifyMasterKey()).rejects.toThrow(MasterKeyMismatch);
      await expect(store.getOrCreate('yp-late')).rejects.toThrow(MasterKeyMismatch);

      expect(await store.rewrap(next)).toEqual({ rewrapped: 0, alreadyRotated: 2 });
      const stranger = new PostgresSubjectKeyStore(pool, MasterKey.generate(), { schema });
      await expect(stranger.rewrap(MasterKey.generate())).rejects.toThrow(MasterKeyMismatch);
      expect(await storedCheck(schema)).toEqual([{ key_id: next.id }]);
      expect(await count(schema, 'es_subject_keys')).toBe(2);
    });
  });

  it('refuses a schema name it would have to quote', () => {
    expect(() => new PostgresSubjectKeyStore(pool, master, { schema: 'x"; DROP TABLE y; --' })).toThrow(
      /invalid schema name/,
    );
  });
});
