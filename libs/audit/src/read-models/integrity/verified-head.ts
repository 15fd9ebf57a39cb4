import { sign, verify } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { dialectOf, isSqliteBusy, SqliteSideConnection, type Position } from '#event-store';
import type { AuditSigningKey } from './signing-key.js';

/**
 * Where the last full-chain check of the log ended, signed with the audit signing key: the next check
 * verifies only the events after it, linked to its hash (issue 21: a check's work is what is new, not
 * the whole log). Its own event is read again each time (still there, same hash); events before it are
 * re-checked only by a whole-log verification (`cpb verify`). A head whose signature fails (edited in the
 * database, or another key) is ignored: the next check verifies the whole log again.
 */
export interface VerifiedHead {
  readonly position: Position;
  readonly hash: string;
  /** The position of the event before it (absent when it is the log's first event). */
  readonly previous?: Position;
  /** Events in the chain up to and including it. */
  readonly events: number;
  readonly verifiedAt: string;
  readonly keyId: string;
  readonly signature: string;
}

export type UnsignedHead = Omit<VerifiedHead, 'keyId' | 'signature'>;

function signedText(head: UnsignedHead): Buffer {
  return Buffer.from(
    ['cpb-verified-head/1', head.position, head.hash, head.previous ?? '', String(head.events), head.verifiedAt].join(
      '|',
    ),
  );
}

export function signHead(key: AuditSigningKey, head: UnsignedHead): VerifiedHead {
  return { ...head, keyId: key.keyId, signature: sign(null, signedText(head), key.privateKey).toString('base64') };
}

/** True when this key signed exactly this head. */
export function headIsGenuine(key: AuditSigningKey, head: VerifiedHead): boolean {
  if (head.keyId !== key.keyId) return false;
  try {
    return verify(null, signedText(head), key.publicKey, Buffer.from(head.signature, 'base64'));
  } catch {
    return false;
  }
}

export interface VerifiedHeads {
  load(): Promise<VerifiedHead | undefined>;
  /** Moves the head forward (never back). False when the database was busy: the next check saves its own. */
  save(head: VerifiedHead): Promise<boolean>;
  close(): Promise<void>;
}

const TABLE = 'audit_verified_head';
const CREATE = `CREATE TABLE IF NOT EXISTS ${TABLE} (id integer PRIMARY KEY NOT NULL, position text NOT NULL,
  hash text NOT NULL, previous text, events bigint NOT NULL, verified_at text NOT NULL, key_id text NOT NULL,
  signature text NOT NULL)`;
const COLUMNS = 'id, position, hash, previous, events, verified_at, key_id, signature';

interface HeadRow {
  position: string;
  hash: string;
  previous: string | null;
  events: number | string;
  verified_at: string;
  key_id: string;
  signature: string;
}

const fromRow = (row: HeadRow | undefined): VerifiedHead | undefined =>
  row && {
    position: row.position as Position,
    hash: row.hash,
    ...(row.previous ? { previous: row.previous as Position } : {}),
    events: Number(row.events),
    verifiedAt: row.verified_at,
    keyId: row.key_id,
    signature: row.signature,
  };

const values = (head: VerifiedHead): unknown[] => [
  1,
  head.position,
  head.hash,
  head.previous ?? null,
  head.events,
  head.verifiedAt,
  head.keyId,
  head.signature,
];

/** The verified head in the read database (one row), beside the projections' bookkeeping. */
export class SqlVerifiedHeads implements VerifiedHeads {
  private readonly side: SqliteSideConnection;
  private ready: Promise<void> | undefined;

  constructor(private readonly db: DataSource) {
    this.side = new SqliteSideConnection(db);
  }

  async load(): Promise<VerifiedHead | undefined> {
    const own = this.side.get();
    if (own) {
      const exists = own.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(TABLE);
      if (!exists) return undefined;
      return fromRow(own.prepare(`SELECT * FROM ${TABLE} WHERE id = 1`).get() as HeadRow | undefined);
    }
    await this.ensureTable();
    const rows = (await this.db.query(`SELECT * FROM ${TABLE} WHERE id = 1`)) as HeadRow[];
    return fromRow(rows[0]);
  }

  async save(head: VerifiedHead): Promise<boolean> {
    const own = this.side.get();
    const postgres = !own && dialectOf(this.db) === 'postgres';
    // Forward only: positions are fixed-width tokens that compare as strings (byte order on PostgreSQL).
    const binary = postgres ? ' COLLATE "C"' : '';
    const placeholders = postgres ? '$1, $2, $3, $4, $5, $6, $7, $8' : '?, ?, ?, ?, ?, ?, ?, ?';
    const upsert = `INSERT INTO ${TABLE} (${COLUMNS}) VALUES (${placeholders})
      ON CONFLICT (id) DO UPDATE SET position = excluded.position, hash = excluded.hash,
        previous = excluded.previous, events = excluded.events, verified_at = excluded.verified_at,
        key_id = excluded.key_id, signature = excluded.signature
      WHERE ${TABLE}.position${binary} < excluded.position${binary} OR ${TABLE}.key_id <> excluded.key_id`;
    if (own) {
      try {
        own.exec(CREATE);
        own.prepare(upsert).run(...values(head));
        return true;
      } catch (error) {
        if (isSqliteBusy(error)) return false;
        throw error;
      }
    }
    await this.ensureTable();
    await this.db.query(upsert, values(head));
    return true;
  }

  /** Closes its own SQLite connection, if it opened one. */
  close = (): Promise<void> => this.side.close();

  private ensureTable(): Promise<void> {
    this.ready ??= this.db.query(CREATE).then(
      () => undefined,
      async (error: unknown) => {
        this.ready = undefined;
        // Another process may have created it at the same moment.
        const found = (await this.db.query(`SELECT 1 FROM ${TABLE} WHERE 1 = 0`).then(
          () => true,
          () => false,
        )) as boolean;
        if (!found) throw error;
      },
    );
    return this.ready;
  }
}

/** In memory: tests, and a process without a read database. */
export class InMemoryVerifiedHeads implements VerifiedHeads {
  private head: VerifiedHead | undefined;
  load(): Promise<VerifiedHead | undefined> {
    return Promise.resolve(this.head);
  }
  save(head: VerifiedHead): Promise<boolean> {
    if (!this.head || this.head.position < head.position || this.head.keyId !== head.keyId) this.head = head;
    return Promise.resolve(true);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
