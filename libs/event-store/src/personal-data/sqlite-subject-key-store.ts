import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { KEY_BYTES, rewrapped, type MasterKey } from './master-key.js';
import {
  checkBeforeRotation,
  judgeUncheckedStore,
  KEY_CHECK_SAMPLE,
  verifyAgainstCheck,
  type KeyCheckRow,
  type MasterKeyVerified,
} from './master-key-check.js';
import { MasterKeyMismatch } from './personal-data.errors.js';
import type { SubjectKeyStore } from './subject-key-store.port.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS es_subject_keys (
  subject_id  TEXT PRIMARY KEY,
  wrapped_key BLOB NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS es_master_key_check (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  key_id      TEXT NOT NULL,
  check_value BLOB NOT NULL,
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
`;

// Well under SQLite's bound-parameter limit; a read page rarely names more subjects than this.
const BATCH = 500;

interface KeyRow {
  subject_id: string;
  wrapped_key: Buffer;
}

/**
 * Subject keys in the SQLite file (usually the event store's own connection). `secure_delete`
 * makes SQLite overwrite a destroyed key's bytes, and `destroy` truncates the WAL, so after an
 * erasure the wrapped key survives neither in the database file nor in its WAL.
 */
export class SqliteSubjectKeyStore implements SubjectKeyStore {
  private readonly stmt;

  constructor(
    private readonly db: Database.Database,
    private readonly master: MasterKey,
  ) {
    db.pragma('secure_delete = ON');
    db.exec(SCHEMA);
    this.stmt = {
      get: db.prepare<[string], KeyRow>('SELECT subject_id, wrapped_key FROM es_subject_keys WHERE subject_id = ?'),
      insert: db.prepare<[string, Buffer]>(
        'INSERT INTO es_subject_keys (subject_id, wrapped_key) VALUES (?, ?) ON CONFLICT (subject_id) DO NOTHING',
      ),
      delete: db.prepare<[string]>('DELETE FROM es_subject_keys WHERE subject_id = ?'),
      check: db.prepare<[], KeyCheckRow>('SELECT key_id, check_value FROM es_master_key_check WHERE id = 1'),
      writeCheck: db.prepare<[string, Buffer]>(
        `INSERT INTO es_master_key_check (id, key_id, check_value) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET key_id = excluded.key_id, check_value = excluded.check_value,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      ),
    };
  }

  /**
   * At start-up, before anything is written: throws MasterKeyMismatch unless the master key is the one
   * this store's key check value was made with. A store without one gets one here, if the key opens
   * its subject keys (see judgeUncheckedStore).
   */
  async verifyMasterKey(): Promise<MasterKeyVerified> {
    const existing = this.stmt.check.get();
    if (existing) return verifyAgainstCheck(this.master, existing);
    const oldest = this.db.prepare<[number], KeyRow>(
      'SELECT subject_id, wrapped_key FROM es_subject_keys ORDER BY created_at, subject_id LIMIT ?',
    );
    // IMMEDIATE: two processes starting together on a store without a check value take turns.
    return this.db
      .transaction((): MasterKeyVerified => {
        const row = this.stmt.check.get();
        if (row) return verifyAgainstCheck(this.master, row);
        const verdict = judgeUncheckedStore(this.master, oldest.all(KEY_CHECK_SAMPLE));
        this.stmt.writeCheck.run(this.master.id, this.master.checkValue());
        return verdict;
      })
      .immediate();
  }

  /**
   * Master key rotation: re-wraps every stored key under `next`, in one transaction, and answers how many.
   * Keys already wrapped by `next` (a rotation run again after a failure) are left as they are. The key
   * check value becomes `next`'s in the same transaction. Every process holding the old master key must
   * be stopped first, and this store discarded afterwards.
   */
  async rewrap(next: MasterKey): Promise<{ rewrapped: number; alreadyRotated: number }> {
    const all = this.db.prepare<[], KeyRow>('SELECT subject_id, wrapped_key FROM es_subject_keys');
    const update = this.db.prepare<[Buffer, string]>('UPDATE es_subject_keys SET wrapped_key = ? WHERE subject_id = ?');
    return this.db
      .transaction(() => {
        checkBeforeRotation(this.master, next, this.stmt.check.get());
        const counts = { rewrapped: 0, alreadyRotated: 0 };
        for (const row of all.all()) {
          const key = rewrapped(this.master, next, row.subject_id, row.wrapped_key);
          if (key === undefined) counts.alreadyRotated += 1;
          else {
            update.run(key, row.subject_id);
            counts.rewrapped += 1;
          }
        }
        this.stmt.writeCheck.run(next.id, next.checkValue());
        return counts;
      })
      .immediate();
  }

  async getOrCreate(subject: string): Promise<Buffer> {
    // IMMEDIATE takes the write lock first, so two processes cannot both miss and insert.
    const row = this.db
      .transaction((): KeyRow => {
        const existing = this.stmt.get.get(subject);
        if (existing) return existing;
        // Never a key wrapped by a master key that is not the store's (e.g. one rotated away while this ran).
        const check = this.stmt.check.get();
        if (check && !this.master.matchesCheckValue(check.check_value)) {
          throw new MasterKeyMismatch({ processKeyId: this.master.id, storeKeyId: check.key_id });
        }
        this.stmt.insert.run(subject, this.master.wrap(subject, randomBytes(KEY_BYTES)));
        return this.stmt.get.get(subject)!;
      })
      .immediate();
    return this.master.unwrap(subject, row.wrapped_key);
  }

  async getMany(subjects: readonly string[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    const unique = [...new Set(subjects)];
    for (let i = 0; i < unique.length; i += BATCH) {
      const chunk = unique.slice(i, i + BATCH);
      const rows = this.db
        .prepare<string[], KeyRow>(
          `SELECT subject_id, wrapped_key FROM es_subject_keys WHERE subject_id IN (${chunk.map(() => '?').join(', ')})`,
        )
        .all(...chunk);
      for (const row of rows) found.set(row.subject_id, this.master.unwrap(row.subject_id, row.wrapped_key));
    }
    return found;
  }

  async destroy(subject: string): Promise<boolean> {
    const destroyed = this.stmt.delete.run(subject).changes > 0;
    if (destroyed) {
      // Old WAL frames still hold the wrapped key until the WAL is checkpointed and truncated.
      // Best effort: if a reader holds an old snapshot the next full checkpoint finishes the job.
      try {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // The key row is gone either way; a failed checkpoint must not turn the erasure into an error.
      }
    }
    return destroyed;
  }
}
