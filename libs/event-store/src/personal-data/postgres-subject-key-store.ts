import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { KEY_BYTES, rewrapped, type MasterKey } from './master-key.js';
import {
  checkBeforeRotation,
  judgeUncheckedStore,
  KEY_CHECK_SAMPLE,
  verifyAgainstCheck,
  type KeyCheckRow,
  type MasterKeyVerified,
  type WrappedKeyRow,
} from './master-key-check.js';
import { MasterKeyMismatch } from './personal-data.errors.js';
import type { SubjectKeyStore } from './subject-key-store.port.js';

export interface PostgresSubjectKeyStoreOptions {
  /** Schema for the table (created if absent); the connection's search_path when omitted. */
  readonly schema?: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
// A row may vanish between the insert and the read (a concurrent erasure); a few rounds settle it.
const ATTEMPTS = 3;

/**
 * Subject keys in PostgreSQL, wrapped by the master key. A destroyed row lingers as a dead tuple
 * until VACUUM, and in WAL archives and backups for their retention; operators must know that.
 */
export class PostgresSubjectKeyStore implements SubjectKeyStore {
  private readonly table: string;
  private readonly checkTable: string;
  private readonly schema?: string;
  private ready?: Promise<void>;

  constructor(
    private readonly pool: pg.Pool,
    private readonly master: MasterKey,
    options: PostgresSubjectKeyStoreOptions = {},
  ) {
    if (options.schema !== undefined && !IDENTIFIER.test(options.schema)) {
      throw new Error(`invalid schema name: ${JSON.stringify(options.schema)}`);
    }
    this.schema = options.schema;
    const prefix = options.schema === undefined ? '' : `"${options.schema}".`;
    this.table = `${prefix}es_subject_keys`;
    this.checkTable = `${prefix}es_master_key_check`;
  }

  /**
   * At start-up, before anything is written: throws MasterKeyMismatch unless the master key is the one
   * this store's key check value was made with. A store without one gets one here, if the key opens
   * its subject keys (see judgeUncheckedStore).
   */
  async verifyMasterKey(): Promise<MasterKeyVerified> {
    await this.ensureSchema();
    const existing = await this.pool.query<KeyCheckRow>(
      `SELECT key_id, check_value FROM ${this.checkTable} WHERE id = 1`,
    );
    if (existing.rows[0]) return verifyAgainstCheck(this.master, existing.rows[0]);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Processes starting together on a store without a check value take turns.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('cpb:es_master_key_check'))");
      const { rows } = await client.query<KeyCheckRow>(
        `SELECT key_id, check_value FROM ${this.checkTable} WHERE id = 1`,
      );
      let verdict: MasterKeyVerified;
      if (rows[0]) {
        verdict = verifyAgainstCheck(this.master, rows[0]);
      } else {
        const oldest = await client.query<WrappedKeyRow>(
          `SELECT subject_id, wrapped_key FROM ${this.table} ORDER BY created_at, subject_id LIMIT $1`,
          [KEY_CHECK_SAMPLE],
        );
        verdict = judgeUncheckedStore(this.master, oldest.rows);
        await client.query(`INSERT INTO ${this.checkTable} (id, key_id, check_value) VALUES (1, $1, $2)`, [
          this.master.id,
          this.master.checkValue(),
        ]);
      }
      await client.query('COMMIT');
      return verdict;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Master key rotation: re-wraps every stored key under `next`, in one transaction (rows locked), and
   * answers how many. Keys already wrapped by `next` are left as they are. The key check value becomes
   * `next`'s in the same transaction. Every process holding the old master key must be stopped first, and
   * this store discarded afterwards.
   */
  async rewrap(next: MasterKey): Promise<{ rewrapped: number; alreadyRotated: number }> {
    await this.ensureSchema();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Locked first: a process creating a subject key waits for the rotation, then sees the new check value.
      const check = await client.query<KeyCheckRow>(
        `SELECT key_id, check_value FROM ${this.checkTable} WHERE id = 1 FOR UPDATE`,
      );
      checkBeforeRotation(this.master, next, check.rows[0]);
      const { rows } = await client.query<{ subject_id: string; wrapped_key: Buffer }>(
        `SELECT subject_id, wrapped_key FROM ${this.table} FOR UPDATE`,
      );
      const ids: string[] = [];
      const keys: Buffer[] = [];
      for (const row of rows) {
        const key = rewrapped(this.master, next, row.subject_id, row.wrapped_key);
        if (key === undefined) continue;
        ids.push(row.subject_id);
        keys.push(key);
      }
      for (let i = 0; i < ids.length; i += 1000) {
        await client.query(
          `UPDATE ${this.table} AS t SET wrapped_key = u.key
           FROM unnest($1::text[], $2::bytea[]) AS u(id, key) WHERE t.subject_id = u.id`,
          [ids.slice(i, i + 1000), keys.slice(i, i + 1000)],
        );
      }
      await client.query(
        `INSERT INTO ${this.checkTable} (id, key_id, check_value) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE SET key_id = excluded.key_id, check_value = excluded.check_value, updated_at = now()`,
        [next.id, next.checkValue()],
      );
      await client.query('COMMIT');
      return { rewrapped: ids.length, alreadyRotated: rows.length - ids.length };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async getOrCreate(subject: string): Promise<Buffer> {
    await this.ensureSchema();
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const existing = await this.read(subject);
      if (existing) return this.master.unwrap(subject, existing);
      // Racing creators: one insert wins, the others do nothing and read the winner's key,
      // in a new statement (a fresh snapshot under READ COMMITTED, so the winner is visible).
      // Nothing is inserted when the store's check value is another master key's: the check row is read
      // FOR SHARE, so a rotation under way (holding it FOR UPDATE) is waited for and its value seen.
      const inserted = await this.pool.query<{ wrapped_key: Buffer }>(
        `WITH check_row AS (SELECT check_value FROM ${this.checkTable} WHERE id = 1 FOR SHARE)
         INSERT INTO ${this.table} (subject_id, wrapped_key)
         SELECT $1::text, $2::bytea WHERE NOT EXISTS (SELECT 1 FROM check_row WHERE check_value <> $3::bytea)
         ON CONFLICT (subject_id) DO NOTHING RETURNING wrapped_key`,
        [subject, this.master.wrap(subject, randomBytes(KEY_BYTES)), this.master.checkValue()],
      );
      const wrapped = inserted.rows[0]?.wrapped_key ?? (await this.read(subject));
      if (wrapped) return this.master.unwrap(subject, wrapped);
      await this.refuseForeignKey();
    }
    throw new Error('could not create a subject key: it was destroyed concurrently each time');
  }

  async getMany(subjects: readonly string[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    if (subjects.length === 0) return found;
    await this.ensureSchema();
    const { rows } = await this.pool.query<{ subject_id: string; wrapped_key: Buffer }>(
      `SELECT subject_id, wrapped_key FROM ${this.table} WHERE subject_id = ANY($1::text[])`,
      [[...new Set(subjects)]],
    );
    for (const row of rows) found.set(row.subject_id, this.master.unwrap(row.subject_id, row.wrapped_key));
    return found;
  }

  async destroy(subject: string): Promise<boolean> {
    await this.ensureSchema();
    const result = await this.pool.query(`DELETE FROM ${this.table} WHERE subject_id = $1`, [subject]);
    return (result.rowCount ?? 0) > 0;
  }

  private async refuseForeignKey(): Promise<void> {
    const { rows } = await this.pool.query<KeyCheckRow>(
      `SELECT key_id, check_value FROM ${this.checkTable} WHERE id = 1`,
    );
    const check = rows[0];
    if (check && !this.master.matchesCheckValue(check.check_value)) {
      throw new MasterKeyMismatch({ processKeyId: this.master.id, storeKeyId: check.key_id });
    }
  }

  private async read(subject: string): Promise<Buffer | undefined> {
    const { rows } = await this.pool.query<{ wrapped_key: Buffer }>(
      `SELECT wrapped_key FROM ${this.table} WHERE subject_id = $1`,
      [subject],
    );
    return rows[0]?.wrapped_key;
  }

  private ensureSchema(): Promise<void> {
    this.ready ??= this.createSchema().catch((error: unknown) => {
      this.ready = undefined; // let a later call retry, e.g. once the database is reachable
      throw error;
    });
    return this.ready;
  }

  private async createSchema(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // CREATE ... IF NOT EXISTS is not safe against a concurrent creator; serialise the creators.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('cpb:es_subject_keys'))");
      if (this.schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${this.table} (
          subject_id  text PRIMARY KEY,
          wrapped_key bytea NOT NULL,
          created_at  timestamptz NOT NULL DEFAULT now()
        )`);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${this.checkTable} (
          id          smallint PRIMARY KEY CHECK (id = 1),
          key_id      text NOT NULL,
          check_value bytea NOT NULL,
          updated_at  timestamptz NOT NULL DEFAULT now()
        )`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
