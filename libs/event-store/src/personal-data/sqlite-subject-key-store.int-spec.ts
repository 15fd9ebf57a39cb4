import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MasterKey } from './master-key.js';
import { SubjectKeyUnwrapFailed } from './personal-data.errors.js';
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

  it('fails with a clear error under the wrong master key', async () => {
    await store.getOrCreate('yp-1');
    const wrong = new SqliteSubjectKeyStore(db, MasterKey.generate());
    await expect(wrong.getOrCreate('yp-1')).rejects.toThrow(SubjectKeyUnwrapFailed);
    await expect(wrong.getMany(['yp-1'])).rejects.toThrow(/CPB_MASTER_KEY/);
  });
});
