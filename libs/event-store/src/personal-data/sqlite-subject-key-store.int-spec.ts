import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MasterKey } from './master-key.js';
import { MasterKeyMismatch, SubjectKeyUnwrapFailed } from './personal-data.errors.js';
import { SqliteSubjectKeyStore } from './sqlite-subject-key-store.js';

describe('SqliteSubjectKeyStore (real SQLite file)', () => {
  let dir: string;
  let file: string;
  let db: Database.Database;
  let master: MasterKey;
  let store: SqliteSubjectKeyStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-keys-'));
    file = join(dir, 'keys.db');
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    master = MasterKey.generate();
    store = new SqliteSubjectKeyStore(db, master);
  });

  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const wrappedKeyOf = (subject: string): Buffer | undefined =>
    db
      .prepare<[string], { wrapped_key: Buffer }>('SELECT wrapped_key FROM es_subject_keys WHERE subject_id = ?')
      .get(subject)?.wrapped_key;

  const fileBytes = (): Buffer => {
    const wal = `${file}-wal`;
    let bytes = readFileSync(file);
    try {
      bytes = Buffer.concat([bytes, readFileSync(wal)]);
    } catch {
      // no WAL file
    }
    return bytes;
  };

  it('creates a 32-byte key once and returns the same key after', async () => {
    const key = await store.getOrCreate('yp-1');
    expect(key.length).toBe(32);
    expect(await store.getOrCreate('yp-1')).toEqual(key);
    expect(await store.getOrCreate('yp-2')).not.toEqual(key);
  });

  it('stores keys only wrapped by the master key', async () => {
    const key = await store.getOrCreate('yp-1');
    const wrapped = wrappedKeyOf('yp-1')!;
    expect(wrapped.includes(key)).toBe(false);
    expect(master.unwrap('yp-1', wrapped)).toEqual(key);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileBytes().includes(key)).toBe(false);
  });

  it('shares keys with a second connection to the same file', async () => {
    const key = await store.getOrCreate('yp-1');
    const other = new Database(file);
    try {
      expect(await new SqliteSubjectKeyStore(other, master).getOrCreate('yp-1')).toEqual(key);
    } finally {
      other.close();
    }
  });

  it('reads many keys in one call, leaving out subjects without a key', async () => {
    const a = await store.getOrCreate('yp-a');
    const b = await store.getOrCreate('yp-b');
    const found = await store.getMany(['yp-a', 'yp-b', 'yp-none', 'yp-a']);
    expect([...found.keys()].sort()).toEqual(['yp-a', 'yp-b']);
    expect(found.get('yp-a')).toEqual(a);
    expect(found.get('yp-b')).toEqual(b);
    expect(await store.getMany([])).toEqual(new Map());
  });

  it('reads a batch larger than one query chunk', async () => {
    const subjects = Array.from({ length: 1200 }, (_, i) => `yp-${i}`);
    for (const s of subjects.slice(0, 1100)) await store.getOrCreate(s);
    const found = await store.getMany(subjects);
    expect(found.size).toBe(1100);
  });

  it('destroys a key: gone from reads, and its bytes gone from the database file and WAL', async () => {
    await store.getOrCreate('yp-1');
    const kept = await store.getOrCreate('yp-2');
    const wrapped = wrappedKeyOf('yp-1')!;
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileBytes().includes(wrapped)).toBe(true); // the search can see a live key

    expect(await store.destroy('yp-1')).toBe(true);
    expect(await store.destroy('yp-1')).toBe(false);
    expect(await store.getMany(['yp-1', 'yp-2'])).toEqual(new Map([['yp-2', kept]]));
    // destroy truncated the WAL itself; the old frames with the key are gone
    expect(fileBytes().includes(wrapped)).toBe(false);
    db.close();
    expect(fileBytes().includes(wrapped)).toBe(false);
  });

  it('gives an erased subject a new, different key if it is used again', async () => {
    const first = await store.getOrCreate('yp-1');
    await store.destroy('yp-1');
    expect(await store.getOrCreate('yp-1')).not.toEqual(first);
  });

  describe('key check value', () => {
    const keyCount = (): number => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM es_subject_keys').get()!.n;
    const storedCheck = () => db.prepare<[], { key_id: string }>('SELECT key_id FROM es_master_key_check').all();

    it('is recorded by the first key; the same key passes; another is refused and can write no key', async () => {
      expect(await store.verifyMasterKey()).toEqual({ keyId: master.id, recorded: true, sampled: 0, strayKeys: 0 });
      expect(await store.verifyMasterKey()).toMatchObject({ recorded: false });
      await store.getOrCreate('yp-kept');

      const other = MasterKey.generate();
      const second = new Database(file);
      try {
        const foreign = new SqliteSubjectKeyStore(second, other);
        const refused = await foreign.verifyMasterKey().catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(MasterKeyMismatch);
        expect((refused as MasterKeyMismatch).details).toEqual({ processKeyId: other.id, storeKeyId: master.id });
        // Even a process that skipped the check cannot add a key wrapped by another master key.
        await expect(foreign.getOrCreate('yp-new')).rejects.toThrow(MasterKeyMismatch);
      } finally {
        second.close();
      }
      expect(keyCount()).toBe(1);
      expect(storedCheck()).toEqual([{ key_id: master.id }]);
    });

    it('is given to an older store only by a key that opens its subject keys, counting strays', async () => {
      for (const s of ['yp-1', 'yp-2', 'yp-3']) await store.getOrCreate(s);
      // Before there was a check value: a process with another key wrapped a key of its own.
      const foreign = new SqliteSubjectKeyStore(db, MasterKey.generate());
      await foreign.getOrCreate('yp-stray');

      await expect(foreign.verifyMasterKey()).rejects.toThrow(/opens 1 of the 4 subject keys tried/);
      expect(storedCheck()).toEqual([]);
      expect(await store.verifyMasterKey()).toEqual({ keyId: master.id, recorded: true, sampled: 4, strayKeys: 1 });
      await expect(foreign.verifyMasterKey()).rejects.toThrow(MasterKeyMismatch);
    });

    it('moves to the new key in the rotation transaction; a rotation run again passes, a wrong key is refused', async () => {
      await store.verifyMasterKey();
      const key = await store.getOrCreate('yp-1');
      await store.getOrCreate('yp-2');
      const next = MasterKey.generate();

      expect(await store.rewrap(next)).toEqual({ rewrapped: 2, alreadyRotated: 0 });
      expect(storedCheck()).toEqual([{ key_id: next.id }]);
      const rotated = new SqliteSubjectKeyStore(db, next);
      expect(await rotated.verifyMasterKey()).toMatchObject({ keyId: next.id, recorded: false });
      expect((await rotated.getMany(['yp-1'])).get('yp-1')).toEqual(key);
      // A process still holding the old key (left running) can no longer add keys under it.
      await expect(store.verifyMasterKey()).rejects.toThrow(MasterKeyMismatch);
      await expect(store.getOrCreate('yp-late')).rejects.toThrow(MasterKeyMismatch);

      expect(await store.rewrap(next)).toEqual({ rewrapped: 0, alreadyRotated: 2 });
      const stranger = new SqliteSubjectKeyStore(db, MasterKey.generate());
      await expect(stranger.rewrap(MasterKey.generate())).rejects.toThrow(MasterKeyMismatch);
      expect(storedCheck()).toEqual([{ key_id: next.id }]);
      expect(keyCount()).toBe(2);
    });
  });

  it('fails with a clear error under the wrong master key', async () => {
    await store.getOrCreate('yp-1');
    const wrong = new SqliteSubjectKeyStore(db, MasterKey.generate());
    await expect(wrong.getOrCreate('yp-1')).rejects.toThrow(SubjectKeyUnwrapFailed);
    await expect(wrong.getMany(['yp-1'])).rejects.toThrow(/CPB_MASTER_KEY/);
  });
});
